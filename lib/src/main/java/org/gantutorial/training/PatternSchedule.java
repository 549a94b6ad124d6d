package org.gantutorial.training;

/**
 * How often notebook 04's watch looks at a 1D run: {@code ./gan train-1d} starts from {@link #defaults()},
 * and a test checks that notebook 04's Inputs say the same.
 *
 * @param evaluateEvery iterations between measurements of the true error (and D's verdicts)
 * @param snapshots     pictures of the generated points kept, from iteration 0 to the last
 */
public record PatternSchedule(int evaluateEvery, int snapshots) {
    public PatternSchedule {
        if (evaluateEvery < 1 || snapshots < 2) {
            throw new IllegalArgumentException("evaluateEvery must be at least 1 and snapshots at least 2 (first and last), not "
                    + evaluateEvery + " and " + snapshots);
        }
    }

    /** Forty measurements and six pictures over the default 3,000 iterations. */
    public static PatternSchedule defaults() {
        return new PatternSchedule(75, 6);
    }
}
