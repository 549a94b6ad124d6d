package org.gantutorial.training;

import org.gantutorial.history.Verdict;

import java.util.function.DoubleSupplier;

/**
 * What every training loop calls besides the three steps, in one line each: {@link #add} counts a
 * step's verdict, {@link #after} ends an iteration (every {@code evaluateEvery} iterations it takes
 * the run's measure, records an evaluation and lets the health monitor speak; it keeps the
 * progress line up to date), and {@link #keepGoing} turns "interrupt kernel" into a clean stop
 * after the current iteration. The 1D and the image GAN share it.
 */
public final class TrainingWatch {
    private final Scoreboard scoreboard;
    private final int iterations;
    private final int evaluateEvery;
    private final DoubleSupplier measure;
    private ProgressLine progress;
    private boolean interrupted;

    /**
     * Watches a run that goes on from {@code scoreboard}'s iteration to {@code iterations}; takes
     * the measure at once when the scoreboard has none yet (the untrained generator's value).
     *
     * @param measure works out the run's measure now (the true error, the SWD)
     */
    public TrainingWatch(Scoreboard scoreboard, int iterations, int evaluateEvery, DoubleSupplier measure) {
        if (evaluateEvery < 1) {
            throw new IllegalArgumentException("evaluateEvery must be at least 1, not " + evaluateEvery);
        }
        this.scoreboard = scoreboard;
        this.iterations = iterations;
        this.evaluateEvery = evaluateEvery;
        this.measure = measure;
        this.progress = new ProgressLine(scoreboard.iteration(), iterations);
        if (scoreboard.measure().isEmpty()) {
            scoreboard.evaluate(scoreboard.iteration(), measure.getAsDouble());
        }
    }

    /** The same watch without a progress line or printed warnings (tests, batch runs); they are still recorded. */
    public TrainingWatch quiet() {
        progress = null;
        return this;
    }

    /** Counts one call's verdict towards the next evaluation. */
    public void add(Verdict verdict) {
        scoreboard.add(verdict);
    }

    /** False once the kernel (or the thread) was interrupted: the loop then ends after the current iteration. */
    public boolean keepGoing() {
        if (!interrupted && Thread.interrupted()) {
            interrupted = true;
            say("Stopped after iteration " + scoreboard.iteration() + " (interrupted).");
        }
        return !interrupted;
    }

    /**
     * Ends iteration {@code iteration}: evaluates when one is due (every {@code evaluateEvery}
     * iterations and at the last) and updates the progress line. Returns whether it evaluated.
     */
    public boolean after(int iteration) {
        scoreboard.reached(iteration);
        boolean due = iteration % evaluateEvery == 0 || iteration == iterations;
        if (due) {
            scoreboard.evaluate(iteration, measure.getAsDouble()).ifPresent(warning -> {
                if (progress != null) {
                    System.out.println(warning);
                }
            });
        }
        if (progress != null) {
            progress.show(iteration, details());
        }
        return due;
    }

    /** Ends the progress line; call once after the loop. */
    public void finish() {
        if (progress != null) {
            progress.finish();
        }
    }

    public Scoreboard scoreboard() {
        return scoreboard;
    }

    private void say(String message) {
        scoreboard.note(message);
        if (progress != null) {
            System.out.println(message);
        }
    }

    /** "D(x) 0.62  D(G(z)) 0.41  SWD 24.1 (floor 16.3)": what a learner watches. */
    private String details() {
        var measured = scoreboard.measure();
        String value = String.format("%s %.4g", measured.name(), measured.last())
                + (measured.floor() > 0 ? String.format(" (floor %.4g)", measured.floor()) : "");
        if (scoreboard.history().isEmpty()) {
            return value;
        }
        var last = scoreboard.history().last();
        return String.format("D(x) %.2f  D(G(z)) %.2f  %s", last.realScore(), last.fakeScore(), value);
    }
}
