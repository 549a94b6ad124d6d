package org.gantutorial.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Random;

/** Pixel access shared by the image-quality measures: slices [N, 1, S, S] as one float array per slice. */
final class Slices {
    private Slices() {
    }

    static float[][] pixels(INDArray slices) {
        return slices.reshape(slices.size(0), slices.size(2) * slices.size(3)).toFloatMatrix();
    }

    /** Both sets as pixels, after checking they pair up slice by slice. */
    static float[][][] paired(INDArray images, INDArray truth) {
        if (!Arrays.equals(images.shape(), truth.shape()) || images.rank() != 4) {
            throw new IllegalArgumentException("slices of shape " + Arrays.toString(images.shape()) + " cannot be compared with "
                    + Arrays.toString(truth.shape()) + "; pass two [N, 1, S, S] sets, slice i of one to slice i of the other");
        }
        return new float[][][] {pixels(images), pixels(truth)};
    }

    /** The slices {@code picks} of [N, 1, S, S], in that order. */
    static INDArray rows(INDArray slices, int[] picks) {
        return slices.reshape(slices.size(0), slices.size(2) * slices.size(3)).getRows(picks)
                .reshape(picks.length, 1, slices.size(2), slices.size(3));
    }

    /** 0 to {@code n} - 1 in a random order (Fisher-Yates). */
    static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
