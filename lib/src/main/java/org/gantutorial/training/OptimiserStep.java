package org.gantutorial.training;

import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.gantutorial.fast.TwinNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One Adam step of a network on a gradient worked out outside {@code fit}: DL4J plumbing that G and D share. */
final class OptimiserStep {
    private OptimiserStep() {
    }

    /**
     * Turns the gradient in the network's own gradient array (summed over {@code batch} examples;
     * every layer's backward pass writes there) into Adam's step in place, as DL4J's updater does:
     * it divides by the batch size first. The iteration count must advance here too, or Adam's
     * bias correction stays at its first step: in the stock network too, which saves it.
     */
    static void apply(TwinNetwork twin, long batch) {
        MultiLayerNetwork network = twin.running();
        var updater = (BaseMultiLayerUpdater<?>) network.getUpdater();
        INDArray flat = updater.getFlattenedGradientsView();
        // Handing the updater that very array (not a reshaped copy of the reference, which DefaultGradient
        // returns) takes its ordinary path; any other array takes its path for a foreign network's gradient,
        // which cuts views per parameter on every step: a tenth of a 1D GAN iteration.
        var gradient = new DefaultGradient(flat) {
            @Override
            public INDArray gradient() {
                return flat;
            }
        };
        int iteration = network.getIterationCount();
        updater.update(gradient, iteration, network.getEpochCount(), (int) batch, LayerWorkspaceMgr.noWorkspaces());
        INDArray params = network.params();
        params.subi(flat.reshape(params.shape()));
        network.setIterationCount(iteration + 1);
        twin.stock().setIterationCount(iteration + 1);
    }
}
