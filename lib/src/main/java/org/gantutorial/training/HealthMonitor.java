package org.gantutorial.training;

import org.gantutorial.history.Evaluation;

import java.io.Serializable;
import java.util.Optional;

/**
 * The tutorial's warning made visible: when the discriminator is right more than 90% or less
 * than 10% of the time for a while, the two networks no longer teach each other and training
 * stalls; a restart (often with a new seed) may help.
 */
public final class HealthMonitor implements Serializable {
    private final double high;
    private final double low;
    private final int patience;
    private int outOfRange;

    /** @param patience how many evaluations in a row must be out of range before we speak */
    public HealthMonitor(double low, double high, int patience) {
        this.low = low;
        this.high = high;
        this.patience = patience;
    }

    /** The tutorial's thresholds: 10% and 90%. */
    public static HealthMonitor tutorialDefaults(int patience) {
        return new HealthMonitor(0.10, 0.90, patience);
    }

    /** Feeds one evaluation; returns a warning once D has been out of range {@code patience} times running. */
    public Optional<String> check(Evaluation evaluation) {
        double accuracy = evaluation.accuracy();
        if (Double.isNaN(accuracy) || accuracy > low && accuracy < high) {
            outOfRange = 0;
            return Optional.empty();
        }
        outOfRange++;
        if (outOfRange < patience) {
            return Optional.empty();
        }
        String side = accuracy >= high
                ? "the discriminator wins too easily, so the generator gets almost no useful gradient"
                : "the discriminator is fooled almost always, so it no longer tells the generator anything";
        return Optional.of(String.format(
                "Training may have stalled at iteration %d: D is right %.0f%% of the time (%d evaluations in a row "
                        + "outside %.0f%%-%.0f%%); %s. Consider restarting with a new seed.",
                evaluation.iteration(), 100 * accuracy, outOfRange, 100 * low, 100 * high, side));
    }

    /** True when the last {@link #check} found D out of range for at least {@code patience} evaluations. */
    public boolean stalled() {
        return outOfRange >= patience;
    }
}
