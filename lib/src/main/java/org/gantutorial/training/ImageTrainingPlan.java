package org.gantutorial.training;

import java.nio.file.Path;

/**
 * How long and how visibly the image GAN trains.
 *
 * @param iterations      total iterations (a resumed run continues up to this number)
 * @param evaluateEvery   iterations between evaluations: losses, D(x), D(G(z)), SWD
 * @param showEvery       iterations between updates of the fixed-noise grid (and GIF frames)
 * @param checkpointEvery iterations between checkpoints (one is also written at the end)
 * @param checkpointDir   where checkpoints go; null for none
 * @param qualitySamples  slices per set for the sliced Wasserstein distance
 * @param seed            seed of the batches and noise drawn during training
 */
public record ImageTrainingPlan(int iterations, int evaluateEvery, int showEvery, int checkpointEvery,
                                Path checkpointDir, int qualitySamples, long seed) {

    public ImageTrainingPlan {
        if (iterations < 0 || evaluateEvery < 1 || showEvery < 1 || checkpointEvery < 1 || qualitySamples < 2) {
            throw new IllegalArgumentException("iterations must be >= 0 and the intervals and sample count positive");
        }
    }

    /** About 30 evaluations and 40 grid updates over the run, a checkpoint every 250 iterations, no folder yet. */
    public static ImageTrainingPlan of(int iterations) {
        return new ImageTrainingPlan(iterations, Math.max(1, iterations / 30), Math.max(1, iterations / 40), 250, null, 256, 1);
    }

    public ImageTrainingPlan withIterations(int total) {
        return new ImageTrainingPlan(total, evaluateEvery, showEvery, checkpointEvery, checkpointDir, qualitySamples, seed);
    }

    public ImageTrainingPlan withEvaluateEvery(int every) {
        return new ImageTrainingPlan(iterations, every, showEvery, checkpointEvery, checkpointDir, qualitySamples, seed);
    }

    public ImageTrainingPlan withShowEvery(int every) {
        return new ImageTrainingPlan(iterations, evaluateEvery, every, checkpointEvery, checkpointDir, qualitySamples, seed);
    }

    public ImageTrainingPlan withCheckpoints(Path folder, int every) {
        return new ImageTrainingPlan(iterations, evaluateEvery, showEvery, every, folder, qualitySamples, seed);
    }

    public ImageTrainingPlan withQualitySamples(int count) {
        return new ImageTrainingPlan(iterations, evaluateEvery, showEvery, checkpointEvery, checkpointDir, count, seed);
    }

    public ImageTrainingPlan withSeed(long newSeed) {
        return new ImageTrainingPlan(iterations, evaluateEvery, showEvery, checkpointEvery, checkpointDir, qualitySamples, newSeed);
    }
}
