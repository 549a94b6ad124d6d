package org.gantutorial.metrics;

import java.util.Arrays;

/**
 * A figure measured several times (e.g. over several random splits of the real slices): how far
 * one value can be trusted is how far the repeats scatter.
 *
 * @param mean      the mean of the values
 * @param deviation their sample standard deviation (0 for one value)
 * @param min       the smallest value
 * @param max       the largest value
 * @param count     how many values
 */
public record Spread(double mean, double deviation, double min, double max, int count) {

    public static Spread of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        double mean = Arrays.stream(values).average().orElseThrow();
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        double deviation = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
        return new Spread(mean, deviation, Arrays.stream(values).min().orElseThrow(), Arrays.stream(values).max().orElseThrow(),
                values.length);
    }

    /** "12.3 ± 0.8 (11.2 to 13.5, 5 values)", to one decimal. */
    @Override
    public String toString() {
        return String.format("%.1f ± %.1f (%.1f to %.1f, %d value%s)", mean, deviation, min, max, count, count == 1 ? "" : "s");
    }
}
