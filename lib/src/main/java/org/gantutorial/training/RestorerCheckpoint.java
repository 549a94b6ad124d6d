package org.gantutorial.training;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.gantutorial.models.ImageToImageConfig;
import org.gantutorial.models.OneDnnHelpers;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A {@link RestorerRun} saved in a folder: the U-Net with its Adam state ({@code restorer.zip}), the
 * patch discriminator for a GAN ({@code discriminator.zip}), and the rest ({@code state.ser}: config,
 * random stream, score so far). Written beside the old checkpoint, then moved into its place.
 */
public final class RestorerCheckpoint {
    private static final String RESTORER = "restorer.zip";
    private static final String DISCRIMINATOR = "discriminator.zip";
    private static final String STATE = "state.ser";

    private RestorerCheckpoint() {
    }

    private record State(ImageToImageConfig config, Random random, Scoreboard scoreboard) implements Serializable {
    }

    /** True when {@code folder} holds a checkpoint. */
    public static boolean existsIn(Path folder) {
        return Files.isRegularFile(folder.resolve(STATE));
    }

    /** Saves {@code run} into {@code folder}, replacing what was there. */
    public static void save(Path folder, RestorerRun run) throws IOException {
        Path fresh = folder.resolveSibling(folder.getFileName() + ".new");
        deleteFolder(fresh);
        Files.createDirectories(fresh);
        ModelSerializer.writeModel(run.restorer().network(), fresh.resolve(RESTORER).toFile(), true);
        if (run.adversarial()) {
            ModelSerializer.writeModel(run.patches().network(), fresh.resolve(DISCRIMINATOR).toFile(), true);
        }
        try (var out = new ObjectOutputStream(Files.newOutputStream(fresh.resolve(STATE)))) {
            out.writeObject(new State(run.config(), run.random(), run.scoreboard()));
        }
        deleteFolder(folder);
        Files.move(fresh, folder);
    }

    /** The run saved in {@code folder}, which must have been trained with {@code config}. */
    public static RestorerRun load(Path folder, ImageToImageConfig config) throws IOException {
        State state;
        try (var in = new ObjectInputStream(Files.newInputStream(folder.resolve(STATE)))) {
            state = (State) in.readObject();
        } catch (ClassNotFoundException | ClassCastException | InvalidObjectException e) {
            throw new IOException("The checkpoint in " + folder + " was written by another version of the tutorial; delete it and train again.", e);
        }
        if (!state.config().equals(config)) {
            throw new IllegalStateException("The checkpoint in " + folder + " was trained with " + state.config() + ", not with "
                    + config + "; choose another output folder, or delete that one to start again.");
        }
        OneDnnHelpers.enable();
        ComputationGraph restorer = ModelSerializer.restoreComputationGraph(folder.resolve(RESTORER).toFile(), true);
        Path discriminator = folder.resolve(DISCRIMINATOR);
        var patches = Files.isRegularFile(discriminator)
                ? new Discriminator(ModelSerializer.restoreMultiLayerNetwork(discriminator.toFile(), true)) : null;
        return new RestorerRun(config, new Restorer(restorer), patches, state.random(), state.scoreboard());
    }

    private static void deleteFolder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
