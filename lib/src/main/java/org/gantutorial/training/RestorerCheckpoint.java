package org.gantutorial.training;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.gantutorial.models.ImageToImageConfig;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;

/**
 * A {@link RestorerRun} saved in a folder: the U-Net with its Adam state ({@code restorer.zip}), the
 * patch discriminator for a GAN ({@code discriminator.zip}), and the rest ({@code state.ser}: config,
 * random stream, score so far). Written beside the old checkpoint, then moved into its place.
 */
public final class RestorerCheckpoint {
    private static final String RESTORER = "restorer.zip";
    private static final String DISCRIMINATOR = "discriminator.zip";

    private RestorerCheckpoint() {
    }

    private record State(ImageToImageConfig config, Random random, Scoreboard scoreboard) implements Serializable {
    }

    /** True when {@code folder} holds a checkpoint. */
    public static boolean existsIn(Path folder) {
        return CheckpointFiles.holdsState(folder);
    }

    /** Saves {@code run} into {@code folder}, replacing what was there. */
    public static void save(Path folder, RestorerRun run) throws IOException {
        CheckpointFiles.replace(folder, fresh -> {
            ModelSerializer.writeModel(run.restorer().network(), fresh.resolve(RESTORER).toFile(), true);
            if (run.patches().isPresent()) {
                ModelSerializer.writeModel(run.patches().get().network(), fresh.resolve(DISCRIMINATOR).toFile(), true);
            }
        }, new State(run.config(), run.random(), run.scoreboard()));
    }

    /** The run saved in {@code folder}, which must have been trained with {@code config}. */
    public static RestorerRun load(Path folder, ImageToImageConfig config) throws IOException {
        State state = CheckpointFiles.readState(folder, State.class);
        if (!state.config().equals(config)) {
            throw CheckpointFiles.anotherRun(folder, "with " + state.config() + ", not with " + config);
        }
        ComputationGraph restorer = CheckpointFiles.readNetwork(folder.resolve(RESTORER), saved -> ModelSerializer.restoreComputationGraph(saved, true));
        Path discriminator = folder.resolve(DISCRIMINATOR);
        var patches = Files.isRegularFile(discriminator)
                ? Optional.of(new Discriminator(CheckpointFiles.readNetwork(discriminator, saved -> ModelSerializer.restoreMultiLayerNetwork(saved, true))))
                : Optional.<Discriminator>empty();
        return new RestorerRun(config, new Restorer(restorer), patches, state.random(), state.scoreboard());
    }
}
