package org.gantutorial.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.gantutorial.models.DcganConfig;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * An {@link ImageGan} saved in a folder: both networks with their Adam state
 * ({@code generator-in-training.zip}, {@code discriminator.zip}, DL4J's own format), the average
 * of G that samples are drawn from ({@code generator.zip}), and the rest of the run
 * ({@code state.ser}: config, random stream, score so far), so training goes on exactly where it stopped.
 * A new checkpoint is written beside the old one and then takes its place, so an interruption
 * while saving never leaves a half-written checkpoint behind.
 */
public final class Checkpoint {
    public static final String FOLDER = "checkpoint";
    private static final String GENERATOR = "generator.zip";
    private static final String GENERATOR_IN_TRAINING = "generator-in-training.zip";
    private static final String DISCRIMINATOR = "discriminator.zip";

    private Checkpoint() {
    }

    /** The run besides its networks. */
    private record State(DcganConfig config, Random random, Scoreboard scoreboard, long trainingSlices) implements Serializable {
    }

    /** True when {@code folder} holds a checkpoint. */
    public static boolean existsIn(Path folder) {
        return CheckpointFiles.holdsState(folder.resolve(FOLDER));
    }

    /** Saves {@code gan} into {@code folder}/checkpoint, replacing the previous checkpoint. */
    public static void save(Path folder, ImageGan gan) throws IOException {
        CheckpointFiles.replace(folder.resolve(FOLDER), fresh -> {
            ModelSerializer.writeModel(gan.average().network(), fresh.resolve(GENERATOR).toFile(), false);
            ModelSerializer.writeModel(gan.generator().network(), fresh.resolve(GENERATOR_IN_TRAINING).toFile(), true);
            ModelSerializer.writeModel(gan.discriminator().network(), fresh.resolve(DISCRIMINATOR).toFile(), true);
        }, new State(gan.config(), gan.random(), gan.scoreboard(), gan.trainingSlices()));
    }

    /**
     * The run saved in {@code folder} when it was trained with {@code config} on as many slices as
     * {@code slices} holds, else a fresh start when the folder has no checkpoint. A checkpoint of
     * other settings or other data is an error, not a silent switch.
     */
    public static ImageGan resumeOrStart(Path folder, DcganConfig config, TrainingSlices slices, SwdMeter swd) throws IOException {
        if (!existsIn(folder)) {
            return ImageGan.start(config, slices, swd);
        }
        Path dir = folder.resolve(FOLDER);
        State state = CheckpointFiles.readState(dir, State.class);
        if (!state.config().equals(config)) {
            throw CheckpointFiles.anotherRun(folder, "with " + state.config() + ", not with " + config);
        }
        if (state.trainingSlices() != slices.count()) {
            throw CheckpointFiles.anotherRun(folder, "on " + state.trainingSlices() + " slices, not on these " + slices.count()
                    + " (other levels or other data?)");
        }
        return new ImageGan(config, network(dir.resolve(GENERATOR_IN_TRAINING)), loadGenerator(folder),
                network(dir.resolve(DISCRIMINATOR)), state.random(), state.scoreboard(), state.trainingSlices());
    }

    /** The generator to sample from (the average of G saved in {@code folder}); no training needed. */
    public static MultiLayerNetwork loadGenerator(Path folder) throws IOException {
        Path file = folder.resolve(FOLDER).resolve(GENERATOR);
        if (!Files.isRegularFile(file)) {
            throw new IOException("No saved generator at " + file + "; train with checkpoints into " + folder + " first.");
        }
        return network(file);
    }

    private static MultiLayerNetwork network(Path file) throws IOException {
        return CheckpointFiles.readNetwork(file, saved -> ModelSerializer.restoreMultiLayerNetwork(saved, true));
    }
}
