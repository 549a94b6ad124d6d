package org.gantutorial.history;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The evaluations of one training run, in order; charts and checkpoints read it. */
public final class History implements Serializable {
    private final List<Evaluation> evaluations = new ArrayList<>();

    public void add(Evaluation evaluation) {
        evaluations.add(evaluation);
    }

    public List<Evaluation> evaluations() {
        return List.copyOf(evaluations);
    }

    public boolean isEmpty() {
        return evaluations.isEmpty();
    }

    public Evaluation last() {
        if (evaluations.isEmpty()) {
            throw new IllegalStateException("no evaluation yet");
        }
        return evaluations.get(evaluations.size() - 1);
    }

    public double[] series(ToDoubleFunction<Evaluation> value) {
        return evaluations.stream().mapToDouble(value).toArray();
    }
}
