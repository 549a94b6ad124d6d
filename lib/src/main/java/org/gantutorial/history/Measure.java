package org.gantutorial.history;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A measure that knows the real data, taken during training: the 1D GAN's true error or the
 * image GAN's sliced Wasserstein distance. Lower is better. Unlike the losses it tells whether the
 * generator is any good, which is why every run records one.
 */
public final class Measure implements Serializable {
    /** The measure's value after {@code iteration} training iterations. */
    public record Point(int iteration, double value) implements Serializable {
    }

    private final String name;
    private final double floor;
    private final List<Point> points = new ArrayList<>();

    /**
     * @param name  what it is, for charts and progress lines ("true error", "SWD")
     * @param floor the value a perfect generator would reach: 0 for the true error, the distance
     *              between two halves of the real data for the SWD
     */
    public Measure(String name, double floor) {
        this.name = name;
        this.floor = floor;
    }

    public String name() {
        return name;
    }

    public double floor() {
        return floor;
    }

    public void add(int iteration, double value) {
        points.add(new Point(iteration, value));
    }

    public List<Point> points() {
        return List.copyOf(points);
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /** The value at the first measurement (usually the untrained generator's). */
    public double first() {
        return at(0).value();
    }

    /** The latest value. */
    public double last() {
        return at(points.size() - 1).value();
    }

    public double[] iterations() {
        return points.stream().mapToDouble(Point::iteration).toArray();
    }

    public double[] values() {
        return points.stream().mapToDouble(Point::value).toArray();
    }

    private Point at(int index) {
        if (points.isEmpty()) {
            throw new IllegalStateException("no " + name + " measured yet");
        }
        return points.get(index);
    }
}
