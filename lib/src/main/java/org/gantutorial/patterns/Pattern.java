package org.gantutorial.patterns;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * A real pattern the GAN must learn: a curve of (x, y) points, traced by a parameter t that runs
 * from {@code from} to {@code to}. Real examples are points at uniformly random t. The generator
 * never sees this formula, only the sampled points.
 *
 * <p>Make your own in one line: {@code Pattern.function("cubic", x -> x * x * x, -1, 1)} or
 * {@code Pattern.curve("spiral", t -> t * Math.cos(t), t -> t * Math.sin(t), 0, 4 * Math.PI)}.
 */
public record Pattern(String name, DoubleUnaryOperator x, DoubleUnaryOperator y, double from, double to,
                      BoundingBox box) {
    /** Points used to find the bounding box of a curve. */
    private static final int BOX_SAMPLES = 20_001;
    /**
     * The networks see the bounding box's longer side as [-3, 3] and the shorter one in proportion,
     * but at least [-1, 1]. On [-1, 1] squared the reference GAN learned far more slowly (circle:
     * true error 0.55 instead of 0.02 after 4,000 iterations; sine 0.14 instead of 0.02): spread
     * wider, the random bends of the first layers fall across the data. Keeping the shape matters
     * too: stretching the square wave's two steps three units apart left G stuck on one of them.
     */
    private static final double LONG_HALF_SIDE = 3, SHORT_HALF_SIDE_MIN = 1;

    /** The graph of y = f(x) for x in [xMin, xMax]. */
    public static Pattern function(String name, DoubleUnaryOperator f, double xMin, double xMax) {
        return curve(name, DoubleUnaryOperator.identity(), f, xMin, xMax);
    }

    /** The parametric curve (x(t), y(t)) for t in [tMin, tMax]: circles, spirals, hearts. */
    public static Pattern curve(String name, DoubleUnaryOperator x, DoubleUnaryOperator y, double tMin, double tMax) {
        if (!(tMax > tMin)) {
            throw new IllegalArgumentException("The range of pattern '" + name + "' runs from " + tMin + " to " + tMax
                    + "; give a start smaller than the end.");
        }
        return new Pattern(name, x, y, tMin, tMax, boxOf(name, x, y, tMin, tMax));
    }

    /** The same curve over another parameter range (for a function: another x range); the box follows. */
    public Pattern withRange(double newFrom, double newTo) {
        return curve(name, x, y, newFrom, newTo);
    }

    /** {@code n} real points, shape [n, 2], columns x and y, in the pattern's own units. */
    public INDArray sample(int n, Random random) {
        return Nd4j.create(sampleArray(n, random));
    }

    /** {@code n} real points in training coordinates (see {@link #LONG_HALF_SIDE}): what the discriminator sees. */
    public INDArray sampleForTraining(int n, Random random) {
        float[][] points = sampleArray(n, random);
        double[] half = trainingHalfSides();
        for (float[] p : points) {
            p[0] = (float) toTraining(p[0], box.xMin(), box.xMax(), half[0]);
            p[1] = (float) toTraining(p[1], box.yMin(), box.yMax(), half[1]);
        }
        return Nd4j.create(points);
    }

    /** Maps points in training coordinates (the generator's output) back to the pattern's units, in place. */
    public INDArray fromTraining(INDArray points) {
        double[] half = trainingHalfSides();
        points.getColumn(0).muli(box.width() / (2 * half[0])).addi((box.xMin() + box.xMax()) / 2);
        points.getColumn(1).muli(box.height() / (2 * half[1])).addi((box.yMin() + box.yMax()) / 2);
        return points;
    }

    /** Half the width and half the height of the box in training coordinates. */
    double[] trainingHalfSides() {
        double longer = Math.max(box.width(), box.height());
        return new double[] {halfSide(box.width(), longer), halfSide(box.height(), longer)};
    }

    private static double halfSide(double side, double longer) {
        return Math.max(LONG_HALF_SIDE * side / longer, SHORT_HALF_SIDE_MIN);
    }

    /** A flat side (a constant function) maps to 0. */
    private static double toTraining(double value, double min, double max, double half) {
        return max > min ? half * (2 * (value - min) / (max - min) - 1) : 0;
    }

    private float[][] sampleArray(int n, Random random) {
        float[][] points = new float[n][2];
        for (int i = 0; i < n; i++) {
            double t = from + random.nextDouble() * (to - from);
            points[i][0] = (float) x.applyAsDouble(t);
            points[i][1] = (float) y.applyAsDouble(t);
        }
        return points;
    }

    private static BoundingBox boxOf(String name, DoubleUnaryOperator x, DoubleUnaryOperator y, double from, double to) {
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < BOX_SAMPLES; i++) {
            double t = from + (to - from) * i / (BOX_SAMPLES - 1);
            double px = x.applyAsDouble(t);
            double py = y.applyAsDouble(t);
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                throw new IllegalArgumentException("Pattern '" + name + "' is not finite at t = " + t
                        + " (x = " + px + ", y = " + py + "); choose a range where the curve is defined.");
            }
            xMin = Math.min(xMin, px);
            xMax = Math.max(xMax, px);
            yMin = Math.min(yMin, py);
            yMax = Math.max(yMax, py);
        }
        return new BoundingBox(xMin, xMax, yMin, yMax);
    }

    @Override
    public String toString() {
        return name;
    }
}
