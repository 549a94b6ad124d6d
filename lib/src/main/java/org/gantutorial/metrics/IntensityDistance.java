package org.gantutorial.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The 1D Wasserstein (earth mover's) distance between the pixel intensities of two sets of slices:
 * how far, on average, intensity has to move to turn one set's histogram into the other's. It sees
 * what {@link SlicedWasserstein} cannot, since SWD normalises each set's patches by that set's own
 * mean and spread: slices that are all too bright, too dark or too flat in contrast. It sees
 * nothing of where intensities lie in a slice. In units of the [-1, 1] scale: 0.02 is 1% of the
 * intensity window; computed from histograms of 1000 bins, so it resolves 0.002.
 */
public final class IntensityDistance {
    private static final int BINS = 1000;

    private IntensityDistance() {
    }

    /** Distance between the intensities of all pixels of {@code a} and of {@code b} (both [N, 1, S, S], values in [-1, 1]). */
    public static double between(INDArray a, INDArray b) {
        double[] cumulativeA = cumulative(a);
        double[] cumulativeB = cumulative(b);
        double sum = 0;
        for (int bin = 0; bin < BINS; bin++) {
            sum += Math.abs(cumulativeA[bin] - cumulativeB[bin]);
        }
        return sum * 2.0 / BINS;
    }

    /** The share of pixels at or below each bin; values outside [-1, 1] count in the end bins. */
    private static double[] cumulative(INDArray slices) {
        long[] counts = new long[BINS];
        long total = 0;
        for (float[] slice : Slices.pixels(slices)) {
            for (float v : slice) {
                counts[Math.max(0, Math.min(BINS - 1, (int) ((v + 1) / 2 * BINS)))]++;
            }
            total += slice.length;
        }
        double[] cumulative = new double[BINS];
        long running = 0;
        for (int bin = 0; bin < BINS; bin++) {
            running += counts[bin];
            cumulative[bin] = (double) running / total;
        }
        return cumulative;
    }
}
