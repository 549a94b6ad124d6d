package org.gantutorial.models;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Paths between two latent vectors, one row per step, ends included: what a generator draws
 * along them is a "latent walk". A straight line is the obvious path; but for Gaussian noise of
 * length L almost every vector has a norm close to sqrt(L), and the midpoint of a straight line
 * between two of them is about 30% shorter, a kind of vector G hardly ever saw in training. The
 * great circle (spherical interpolation, "slerp", White 2016) keeps the norm in between.
 */
public final class LatentWalk {
    private LatentWalk() {
    }

    /** {@code steps} vectors on the straight line from {@code from} to {@code to} (each [1, L] or [L]). */
    public static INDArray line(INDArray from, INDArray to, int steps) {
        INDArray a = row(from);
        INDArray b = row(to);
        INDArray path = Nd4j.create(a.dataType(), steps, a.length());
        for (int i = 0; i < steps; i++) {
            double t = fraction(i, steps);
            path.putRow(i, a.mul(1 - t).addi(b.mul(t)));
        }
        return path;
    }

    /**
     * {@code steps} vectors on the great circle from {@code from} to {@code to}: the angle between them
     * is covered in equal steps, and the norm changes evenly from one end's to the other's.
     */
    public static INDArray greatCircle(INDArray from, INDArray to, int steps) {
        INDArray a = row(from);
        INDArray b = row(to);
        double normA = a.norm2Number().doubleValue();
        double normB = b.norm2Number().doubleValue();
        double cos = a.mul(b).sumNumber().doubleValue() / (normA * normB);
        double angle = Math.acos(Math.max(-1, Math.min(1, cos)));
        if (angle < 1e-6) {
            return line(from, to, steps);
        }
        INDArray path = Nd4j.create(a.dataType(), steps, a.length());
        for (int i = 0; i < steps; i++) {
            double t = fraction(i, steps);
            double wa = Math.sin((1 - t) * angle) / Math.sin(angle);
            double wb = Math.sin(t * angle) / Math.sin(angle);
            // slerp of the directions, scaled to a norm between the two ends'
            INDArray direction = a.div(normA).muli(wa).addi(b.div(normB).muli(wb));
            path.putRow(i, direction.muli((1 - t) * normA + t * normB));
        }
        return path;
    }

    /** The norm of each step of {@code path}: near sqrt(L) is what G is used to. */
    public static double[] norms(INDArray path) {
        return path.norm2(1).toDoubleVector();
    }

    private static INDArray row(INDArray vector) {
        return vector.reshape(1, vector.length());
    }

    private static double fraction(int i, int steps) {
        return steps == 1 ? 0 : (double) i / (steps - 1);
    }
}
