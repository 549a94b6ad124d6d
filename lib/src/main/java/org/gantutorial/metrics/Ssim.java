package org.gantutorial.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Structural similarity (Wang et al. 2004, "Image quality assessment: from error visibility to
 * structural similarity") of slices against their true versions, from -1 to 1 (1: identical). It
 * compares local means, local contrasts and the local correlation of the two slices in an 11x11
 * Gaussian window (deviation 1.5), with the paper's constants K1 = 0.01 and K2 = 0.03 and the
 * range of our slices, 2; a slice's SSIM is the mean over every window that fits inside it (the
 * paper's "valid" region). Closer to what a reader calls similar than the PSNR, but like it, it
 * prefers a faithful blur to invented sharp detail.
 */
public final class Ssim {
    static final int WINDOW = 11;
    private static final double DEVIATION = 1.5;
    private static final double C1 = Math.pow(0.01 * Psnr.RANGE, 2);
    private static final double C2 = Math.pow(0.03 * Psnr.RANGE, 2);
    private static final double[] WEIGHTS = gaussian();

    private Ssim() {
    }

    /** SSIM of each slice of {@code images} against the same slice of {@code truth} (both [N, 1, S, S], S at least 11). */
    public static double[] perSlice(INDArray images, INDArray truth) {
        float[][][] pair = Slices.paired(images, truth);
        int side = (int) images.size(3);
        if (side < WINDOW) {
            throw new IllegalArgumentException("SSIM needs slices of at least " + WINDOW + " pixels, not " + side);
        }
        double[] result = new double[pair[0].length];
        for (int i = 0; i < result.length; i++) {
            result[i] = means(pair[0][i], pair[1][i], side)[0];
        }
        return result;
    }

    /** The mean of the slices' SSIMs. */
    public static double mean(INDArray images, INDArray truth) {
        return Slices.mean(perSlice(images, truth));
    }

    /**
     * The mean SSIM of two slices and the mean of its contrast-structure part alone (SSIM without
     * the luminance factor), which {@link MsSsim} takes at every scale but the coarsest.
     */
    static double[] means(float[] x, float[] y, int side) {
        int valid = side - WINDOW + 1;
        double[] xy = new double[x.length];
        double[] xx = new double[x.length];
        double[] yy = new double[x.length];
        for (int p = 0; p < x.length; p++) {
            xy[p] = x[p] * y[p];
            xx[p] = x[p] * x[p];
            yy[p] = y[p] * y[p];
        }
        double[] mx = filter(toDouble(x), side);
        double[] my = filter(toDouble(y), side);
        double[] sxx = filter(xx, side);
        double[] syy = filter(yy, side);
        double[] sxy = filter(xy, side);
        double sum = 0;
        double contrastStructure = 0;
        for (int p = 0; p < valid * valid; p++) {
            double varX = sxx[p] - mx[p] * mx[p];
            double varY = syy[p] - my[p] * my[p];
            double cov = sxy[p] - mx[p] * my[p];
            sum += (2 * mx[p] * my[p] + C1) * (2 * cov + C2) / ((mx[p] * mx[p] + my[p] * my[p] + C1) * (varX + varY + C2));
            contrastStructure += (2 * cov + C2) / (varX + varY + C2);
        }
        return new double[] {sum / (valid * valid), contrastStructure / (valid * valid)};
    }

    /** The Gaussian-weighted mean around every position where the whole window fits: (side - 10)² values, row by row. */
    private static double[] filter(double[] image, int side) {
        int valid = side - WINDOW + 1;
        double[] rows = new double[side * valid];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < valid; x++) {
                double s = 0;
                for (int k = 0; k < WINDOW; k++) {
                    s += WEIGHTS[k] * image[y * side + x + k];
                }
                rows[y * valid + x] = s;
            }
        }
        double[] out = new double[valid * valid];
        for (int y = 0; y < valid; y++) {
            for (int x = 0; x < valid; x++) {
                double s = 0;
                for (int k = 0; k < WINDOW; k++) {
                    s += WEIGHTS[k] * rows[(y + k) * valid + x];
                }
                out[y * valid + x] = s;
            }
        }
        return out;
    }

    private static double[] gaussian() {
        double[] weights = new double[WINDOW];
        double total = 0;
        for (int k = 0; k < WINDOW; k++) {
            double d = k - WINDOW / 2;
            weights[k] = Math.exp(-d * d / (2 * DEVIATION * DEVIATION));
            total += weights[k];
        }
        for (int k = 0; k < WINDOW; k++) {
            weights[k] /= total;
        }
        return weights;
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int p = 0; p < values.length; p++) {
            out[p] = values[p];
        }
        return out;
    }
}
