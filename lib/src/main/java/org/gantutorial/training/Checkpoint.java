package org.gantutorial.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.OneDnnHelpers;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * One saved moment of image-GAN training, in a folder: both networks with their Adam state
 * ({@code generator-in-training.zip}, {@code discriminator.zip}, DL4J's own format), the
 * {@link GeneratorAverage} that samples are drawn from ({@code generator.zip}) and everything else
 * needed to carry on exactly where it stopped ({@code state.ser}: iteration, history, the
 * random generator that draws batches and noise, the frames of the GIF so far).
 * A new checkpoint is written beside the old one and then takes its place, so an interruption
 * while saving never leaves a half-written checkpoint behind.
 */
public record Checkpoint(MultiLayerNetwork generator, MultiLayerNetwork averagedGenerator, MultiLayerNetwork discriminator,
                         State state) {
    public static final String FOLDER = "checkpoint";
    private static final String GENERATOR = "generator.zip";
    private static final String GENERATOR_IN_TRAINING = "generator-in-training.zip";
    private static final String DISCRIMINATOR = "discriminator.zip";
    private static final String STATE = "state.ser";

    /** The training state besides the networks; {@code trainingSlices} counts the slices it was trained on. */
    public record State(DcganConfig config, int iteration, History history, Random random,
                        List<byte[]> frames, double qualityFloor, long trainingSlices) implements Serializable {
    }

    /** True when {@code folder} holds a checkpoint. */
    public static boolean existsIn(Path folder) {
        return folder != null && Files.isRegularFile(folder.resolve(FOLDER).resolve(STATE));
    }

    /** Saves into {@code folder}/checkpoint, replacing the previous checkpoint. */
    public void save(Path folder) throws IOException {
        Path target = folder.resolve(FOLDER);
        Path fresh = folder.resolve(FOLDER + ".new");
        delete(fresh);
        Files.createDirectories(fresh);
        ModelSerializer.writeModel(averagedGenerator, fresh.resolve(GENERATOR).toFile(), false);
        ModelSerializer.writeModel(generator, fresh.resolve(GENERATOR_IN_TRAINING).toFile(), true);
        ModelSerializer.writeModel(discriminator, fresh.resolve(DISCRIMINATOR).toFile(), true);
        try (var out = new ObjectOutputStream(Files.newOutputStream(fresh.resolve(STATE)))) {
            out.writeObject(state);
        }
        delete(target);
        Files.move(fresh, target);
    }

    /** Loads the checkpoint in {@code folder} (written by {@link #save}). */
    public static Checkpoint load(Path folder) throws IOException {
        Path dir = folder.resolve(FOLDER);
        if (!existsIn(folder)) {
            throw new IOException("No checkpoint in " + folder + " (expected " + dir.resolve(STATE)
                    + "); train without resuming first, or point at the folder a run wrote.");
        }
        State state;
        try (var in = new ObjectInputStream(Files.newInputStream(dir.resolve(STATE)))) {
            state = (State) in.readObject();
        } catch (ClassNotFoundException | ClassCastException | InvalidObjectException e) {
            throw new IOException("The checkpoint in " + dir + " was written by another version of the tutorial; delete it and train again.", e);
        }
        return new Checkpoint(network(dir.resolve(GENERATOR_IN_TRAINING)), loadGenerator(folder), network(dir.resolve(DISCRIMINATOR)), state);
    }

    /** The generator to sample from (the running average of the checkpoint in {@code folder}); no training needed. */
    public static MultiLayerNetwork loadGenerator(Path folder) throws IOException {
        Path file = folder.resolve(FOLDER).resolve(GENERATOR);
        if (!Files.isRegularFile(file)) {
            throw new IOException("No saved generator at " + file + "; train with checkpoints into " + folder + " first.");
        }
        return network(file);
    }

    private static MultiLayerNetwork network(Path file) throws IOException {
        OneDnnHelpers.enable();
        return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
