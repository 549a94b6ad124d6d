package org.gantutorial.training;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;

/** One Adam step of a network on a gradient worked out outside {@code fit}: DL4J plumbing that G and D share. */
final class OptimiserStep {
    private OptimiserStep() {
    }

    /**
     * Turns {@code gradient} (summed over {@code batch} examples) into Adam's step in place, as
     * DL4J's updater does: it divides by the batch size first. The iteration count must advance
     * here too, or Adam's bias correction stays at its first step.
     */
    static void apply(MultiLayerNetwork network, Gradient gradient, long batch) {
        int iteration = network.getIterationCount();
        network.getUpdater().update(network, gradient, iteration, network.getEpochCount(), (int) batch,
                LayerWorkspaceMgr.noWorkspaces());
        network.params().subi(gradient.gradient());
        network.setIterationCount(iteration + 1);
    }
}
