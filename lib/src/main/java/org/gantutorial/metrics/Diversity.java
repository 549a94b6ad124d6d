package org.gantutorial.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

/**
 * How different the slices of one set are from each other: the mean {@link MsSsim} over random
 * pairs. A generator that has collapsed onto a few pictures scores near 1; real slices of several
 * heads and levels score well below. Compare a generated set with real slices at the same size and
 * levels: the value depends on both. It says nothing of whether the slices look real.
 */
public final class Diversity {
    private Diversity() {
    }

    /**
     * Mean MS-SSIM over {@code pairs} random pairs of two different slices of {@code slices}
     * ([N, 1, S, S], N at least 2); the same seed picks the same pairs.
     */
    public static double meanPairwiseMsSsim(INDArray slices, int pairs, long seed) {
        int n = (int) slices.size(0);
        if (n < 2 || pairs < 1) {
            throw new IllegalArgumentException("pairwise MS-SSIM needs at least 2 slices and 1 pair, not " + n + " slices and "
                    + pairs + " pairs");
        }
        float[][] pixels = Slices.pixels(slices);
        int side = (int) slices.size(3);
        var random = new Random(seed);
        double sum = 0;
        for (int p = 0; p < pairs; p++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n - 1);
            sum += MsSsim.of(pixels[i], pixels[j < i ? j : j + 1], side);
        }
        return sum / pairs;
    }
}
