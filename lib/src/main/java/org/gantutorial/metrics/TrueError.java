package org.gantutorial.metrics;

import org.gantutorial.patterns.BoundingBox;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The 1D GAN's true error: the symmetric Chamfer distance between generated and real points,
 * with x and y divided by the pattern's width and height so every pattern is measured in the same units.
 * <p>
 * It adds two averages: how far each generated point lies from the nearest real point (off-curve
 * points) and how far each real point lies from the nearest generated point (parts of the curve the
 * generator never draws). A generator that draws only half a circle, perfectly, still scores badly.
 */
public final class TrueError {
    private TrueError() {
    }

    /** Both arrays have shape [n, 2] in the pattern's own units. */
    public static double of(INDArray generated, INDArray real, BoundingBox box) {
        double[][] a = scaled(generated, box);
        double[][] b = scaled(real, box);
        return meanNearest(a, b) + meanNearest(b, a);
    }

    /** Mean over points of {@code from} of the distance to the nearest point of {@code to}. */
    static double meanNearest(double[][] from, double[][] to) {
        double sum = 0;
        for (double[] p : from) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] q : to) {
                double dx = p[0] - q[0];
                double dy = p[1] - q[1];
                best = Math.min(best, dx * dx + dy * dy);
            }
            sum += Math.sqrt(best);
        }
        return sum / from.length;
    }

    private static double[][] scaled(INDArray points, BoundingBox box) {
        double[][] xy = points.toDoubleMatrix();
        // A flat pattern (zero height) is measured in its own units on that axis.
        double width = box.width() > 0 ? box.width() : 1;
        double height = box.height() > 0 ? box.height() : 1;
        for (double[] p : xy) {
            p[0] /= width;
            p[1] /= height;
        }
        return xy;
    }
}
