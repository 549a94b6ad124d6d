package org.gantutorial.training;

import org.gantutorial.history.Evaluation;
import org.gantutorial.history.History;
import org.gantutorial.history.Measure;
import org.gantutorial.history.Verdict;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The score of one run so far: the verdicts of the iterations since the last evaluation, the
 * {@link History} of evaluations, the run's {@link Measure} and the health monitor's warnings.
 * It is what a checkpoint saves of the game, so a resumed run goes on counting where it stopped.
 */
public final class Scoreboard implements Serializable {
    private final History history = new History();
    private final Measure measure;
    private final HealthMonitor health;
    private final List<String> warnings = new ArrayList<>();
    private final Map<Verdict.Call, Tally> sinceLast = new EnumMap<>(Verdict.Call.class);
    private int iteration;

    /**
     * @param measure  the run's measure, empty at the start
     * @param patience how many evaluations in a row D must be out of the 10%-90% range before the health monitor warns
     */
    public Scoreboard(Measure measure, int patience) {
        this.measure = measure;
        this.health = HealthMonitor.tutorialDefaults(patience);
    }

    /** Counts one call's verdict towards the next evaluation. */
    public void add(Verdict verdict) {
        sinceLast.computeIfAbsent(verdict.call(), call -> new Tally()).add(verdict);
    }

    /** Notes that training has reached {@code iteration}. */
    void reached(int reached) {
        iteration = reached;
    }

    /** The last iteration the run reached. */
    public int iteration() {
        return iteration;
    }

    /**
     * Averages the verdicts since the last evaluation into an {@link Evaluation}, records it with
     * the measure's value, and asks the health monitor; returns its warning when it first speaks.
     */
    public Optional<String> evaluate(int at, double measured) {
        measure.add(at, measured);
        if (sinceLast.isEmpty()) {
            return Optional.empty();
        }
        var onReal = tally(Verdict.Call.DISCRIMINATOR_ON_REAL);
        var onFake = tally(Verdict.Call.DISCRIMINATOR_ON_FAKE);
        var generated = onFake.plus(tally(Verdict.Call.GENERATOR_THROUGH_DISCRIMINATOR));
        var evaluation = new Evaluation(at, Tally.meanOfPresent(onReal.loss(), onFake.loss()),
                tally(Verdict.Call.GENERATOR_THROUGH_DISCRIMINATOR).loss(),
                onReal.accuracy(), generated.accuracy(), onReal.output(), generated.output());
        sinceLast.clear();
        history.add(evaluation);
        boolean wasStalled = health.stalled();
        var warning = health.check(evaluation).filter(w -> !wasStalled);
        warning.ifPresent(warnings::add);
        return warning;
    }

    /** Records a note (a restart, an interruption) with the warnings. */
    void note(String message) {
        warnings.add(message);
    }

    public History history() {
        return history;
    }

    public Measure measure() {
        return measure;
    }

    /** What the health monitor said, and other notes of the run, in order. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Whether D has been right more than 90% or less than 10% of the time for several evaluations running. */
    public boolean stalled() {
        return health.stalled();
    }

    private Tally tally(Verdict.Call call) {
        return sinceLast.getOrDefault(call, new Tally());
    }

    /** Sums of one kind of verdict. */
    private static final class Tally implements Serializable {
        private double loss, output, accuracy;
        private int count;

        void add(Verdict verdict) {
            loss += verdict.loss();
            output += verdict.meanOutput();
            accuracy += verdict.accuracy();
            count++;
        }

        Tally plus(Tally other) {
            var sum = new Tally();
            sum.loss = loss + other.loss;
            sum.output = output + other.output;
            sum.accuracy = accuracy + other.accuracy;
            sum.count = count + other.count;
            return sum;
        }

        double loss() {
            return loss / count;
        }

        double output() {
            return output / count;
        }

        double accuracy() {
            return accuracy / count;
        }

        /** The mean of the values that are not NaN (a call the loop leaves out has none). */
        static double meanOfPresent(double a, double b) {
            return Double.isNaN(a) ? b : Double.isNaN(b) ? a : (a + b) / 2;
        }
    }
}
