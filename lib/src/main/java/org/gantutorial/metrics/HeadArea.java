package org.gantutorial.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A level reader kept simple: the share of a slice covered by head. Every slice of a scan is cut at
 * the same scale, so the head's cross-section tells the level roughly: widest at the ventricles,
 * a little smaller at the skull base (with the orbits and the posterior fossa), smallest towards
 * the vertex. A pixel is head when it is brighter than the loader's head level (a tenth of the
 * intensity window, -0.8 on the [-1, 1] scale). It knows nothing of anatomy inside the outline.
 */
public final class HeadArea {
    /** The loader's head level, 0.1 of the window, on the [-1, 1] scale. */
    public static final float HEAD_LEVEL = -0.8f;

    private HeadArea() {
    }

    /** The share of each slice's pixels ([N, 1, S, S]) that are head. */
    public static double[] perSlice(INDArray slices) {
        float[][] pixels = Slices.pixels(slices);
        double[] shares = new double[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            int head = 0;
            for (float v : pixels[i]) {
                head += v > HEAD_LEVEL ? 1 : 0;
            }
            shares[i] = (double) head / pixels[i].length;
        }
        return shares;
    }

    /** The {@code p}th percentile (nearest rank) of {@code values}: 50 for the median. */
    public static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.round(p / 100 * (sorted.length - 1))))];
    }
}
