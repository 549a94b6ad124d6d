package org.gantutorial.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * Multi-scale structural similarity (Wang, Simoncelli and Bovik 2003): {@link Ssim}'s contrast and
 * structure compared at the full size and at each halving (2x2 means), the luminance only at the
 * coarsest, combined as a weighted geometric mean with the paper's five weights. Single-scale SSIM
 * on a 64x64 slice sees only fine detail; two head slices of different anatomy can share it, while
 * MS-SSIM also weighs the coarse layout, which is what makes it the usual diversity measure for
 * medical GANs (pairs of generated slices that score near 1 are near-repeats).
 * <p>
 * Our slices are small, so we use as many scales as leave the 11-pixel window room (three at 64,
 * two at 32) and rescale the first weights to sum to 1. A negative contrast-structure mean
 * (anti-correlated detail) is counted as 0, as common implementations do, so the fractional powers
 * stay defined.
 */
public final class MsSsim {
    private static final double[] WEIGHTS = {0.0448, 0.2856, 0.3001, 0.2363, 0.1333};

    private MsSsim() {
    }

    /** MS-SSIM of each slice of {@code images} against the same slice of {@code truth} (both [N, 1, S, S], S at least 11). */
    public static double[] perSlice(INDArray images, INDArray truth) {
        float[][][] pair = Slices.paired(images, truth);
        int side = (int) images.size(3);
        double[] result = new double[pair[0].length];
        for (int i = 0; i < result.length; i++) {
            result[i] = of(pair[0][i], pair[1][i], side);
        }
        return result;
    }

    /** How many scales fit a slice of {@code side} pixels: halvings while the window still fits, at most five. */
    public static int scales(int side) {
        if (side < Ssim.WINDOW) {
            throw new IllegalArgumentException("MS-SSIM needs slices of at least " + Ssim.WINDOW + " pixels, not " + side);
        }
        int scales = 1;
        while (scales < WEIGHTS.length && side >> scales >= Ssim.WINDOW) {
            scales++;
        }
        return scales;
    }

    static double of(float[] x, float[] y, int side) {
        int scales = scales(side);
        double total = Arrays.stream(WEIGHTS, 0, scales).sum();
        double product = 1;
        for (int scale = 0; scale < scales; scale++) {
            double[] means = Ssim.means(x, y, side);
            boolean coarsest = scale == scales - 1;
            double term = Math.max(0, coarsest ? means[0] : means[1]);
            product *= Math.pow(term, WEIGHTS[scale] / total);
            if (!coarsest) {
                x = halve(x, side);
                y = halve(y, side);
                side /= 2;
            }
        }
        return product;
    }

    /** 2x2 means: the low-pass and downsampling step between scales. */
    private static float[] halve(float[] image, int side) {
        int half = side / 2;
        float[] out = new float[half * half];
        for (int y = 0; y < half; y++) {
            for (int x = 0; x < half; x++) {
                int at = 2 * y * side + 2 * x;
                out[y * half + x] = (image[at] + image[at + 1] + image[at + side] + image[at + side + 1]) / 4;
            }
        }
        return out;
    }
}
