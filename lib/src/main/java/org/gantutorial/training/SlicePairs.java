package org.gantutorial.training;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

/**
 * The image-to-image GAN's data: true slices and the degraded versions it learns to restore. Each
 * training batch is degraded afresh (new noise every time, for a noisy degradation); an evaluation set
 * is degraded once, with a fixed seed, so its figures compare.
 */
public final class SlicePairs {
    /** Degraded slices and the true slices they were made from, row by row. */
    public record Batch(INDArray degraded, INDArray truth) {
    }

    private final TrainingSlices truth;
    private final Degradation degradation;

    private SlicePairs(TrainingSlices truth, Degradation degradation) {
        this.truth = truth;
        this.degradation = degradation;
    }

    /** Pairs made from {@code truth} ([N, 1, S, S] in [-1, 1]) by {@code degradation}. */
    public static SlicePairs of(INDArray truth, Degradation degradation) {
        return new SlicePairs(TrainingSlices.of(truth), degradation);
    }

    /** {@code rows} true slices drawn at random (with replacement) and their degraded versions. */
    public Batch randomBatch(int rows, Random random) {
        INDArray chosen = truth.randomBatch(rows, random);
        return new Batch(degradation.apply(chosen, random), chosen);
    }

    /** Every slice and its degraded version, degraded with {@code seed}: the same pairs every time. */
    public Batch all(long seed) {
        return new Batch(degradation.apply(truth.images(), new Random(seed)), truth.images());
    }

    public int count() {
        return truth.count();
    }

    public Degradation degradation() {
        return degradation;
    }
}
