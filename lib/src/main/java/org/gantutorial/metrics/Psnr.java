package org.gantutorial.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Peak signal-to-noise ratio, in decibels, of slices against their true versions:
 * 10 log10(range² / mean squared error), with the range of our slices, 2 (from -1 to 1). Higher is
 * closer; each halving of the error adds about 3 dB. It rewards being right on average pixel by
 * pixel, so a blurred guess that sits between two possible answers scores better than a sharp guess
 * that picks the wrong one.
 */
public final class Psnr {
    /** Peak to peak: the slices run from -1 to 1. */
    public static final double RANGE = 2;

    private Psnr() {
    }

    /** PSNR of each slice of {@code images} against the same slice of {@code truth} (both [N, 1, S, S]). */
    public static double[] perSlice(INDArray images, INDArray truth) {
        float[][][] pair = Slices.paired(images, truth);
        double[] result = new double[pair[0].length];
        for (int i = 0; i < result.length; i++) {
            double squares = 0;
            for (int p = 0; p < pair[0][i].length; p++) {
                double d = pair[0][i][p] - pair[1][i][p];
                squares += d * d;
            }
            double mse = Math.max(squares / pair[0][i].length, 1e-12);
            result[i] = 10 * Math.log10(RANGE * RANGE / mse);
        }
        return result;
    }

    /** The root-mean-square pixel difference of two sets of slices, all pixels together: what PSNR turns into decibels. */
    public static double rmsError(INDArray images, INDArray truth) {
        float[][][] pair = Slices.paired(images, truth);
        double squares = 0;
        long count = 0;
        for (int i = 0; i < pair[0].length; i++) {
            for (int p = 0; p < pair[0][i].length; p++) {
                double d = pair[0][i][p] - pair[1][i][p];
                squares += d * d;
            }
            count += pair[0][i].length;
        }
        return Math.sqrt(squares / count);
    }

    /** The mean of the slices' PSNRs. */
    public static double mean(INDArray images, INDArray truth) {
        return Slices.mean(perSlice(images, truth));
    }
}
