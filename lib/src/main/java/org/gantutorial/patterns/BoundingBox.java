package org.gantutorial.patterns;

/**
 * The smallest axis-aligned rectangle around a pattern. Training maps it onto a fixed square and
 * the true error measures distances in box widths and heights, so a pattern drawn over x in
 * [0, 100] is as easy to learn, and its error means the same, as one over [-1, 1].
 */
public record BoundingBox(double xMin, double xMax, double yMin, double yMax) {

    public double width() {
        return xMax - xMin;
    }

    public double height() {
        return yMax - yMin;
    }
}
