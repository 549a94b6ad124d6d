package org.gantutorial.training;

import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.DcganDiscriminator;
import org.gantutorial.models.DcganGenerator;

import java.util.Arrays;
import java.util.Random;

/**
 * How long one training step of a config takes on this machine, timed on throwaway networks: the run's
 * own networks, its random stream and so its batches and noise stay exactly as they would have been.
 */
final class StepTimer {
    /** Untimed steps first: the JIT compiles the loop and oneDNN picks and builds its kernels in the first few. */
    static final int WARM_UP = 2;
    static final int TIMED = 3;

    private StepTimer() {
    }

    /** The median seconds of {@link #TIMED} steps of {@code config} on batches of {@code slices}, after {@link #WARM_UP}. */
    static double secondsPerStep(DcganConfig config, TrainingSlices slices) {
        var random = new Random(config.seed());
        var generator = new Generator(DcganGenerator.build(config));
        var discriminator = new Discriminator(DcganDiscriminator.build(config)).seeing(config.augmentation(), random);
        var average = GeneratorAverage.of(generator, config.averageDecay());
        double[] seconds = new double[TIMED];
        for (int step = 1; step <= WARM_UP + TIMED; step++) {
            long start = System.nanoTime();
            GanRound.play(generator, discriminator, slices.randomBatch(config.batchSize() / 2, random),
                    config.noise(config.batchSize(), random), verdict -> {
                    });
            average.follow(generator, step);
            if (step > WARM_UP) {
                seconds[step - WARM_UP - 1] = (System.nanoTime() - start) / 1e9;
            }
        }
        // ND4J frees the throwaway networks' memory only when the collector finds them: now, before the run builds its own.
        System.gc();
        Arrays.sort(seconds);
        return seconds[TIMED / 2];
    }

    /** A duration as people say it: "40 s", "12 min", "2 h 12 min". */
    static String duration(double seconds) {
        long rounded = Math.round(seconds);
        if (rounded < 60) {
            return rounded + " s";
        }
        long minutes = Math.round(seconds / 60);
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
