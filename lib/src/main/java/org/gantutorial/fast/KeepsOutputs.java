package org.gantutorial.fast;

/**
 * An output layer that keeps its activations from its latest backward pass, one value per output: D's outputs,
 * which the loop reports as D(x) and D(G(z)), at no cost beyond the pass that works them out anyway.
 */
public interface KeepsOutputs {

    /** The layer's activations in its latest backward pass, in row order. */
    double[] latestOutputs();
}
