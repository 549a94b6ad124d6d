package org.gantutorial.training;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.gantutorial.fast.KeepsOutputs;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * D's outputs in its latest gradient pass, for the verdicts (D(x), D(G(z)), accuracy): one per example,
 * or one per patch. A fast output layer keeps them from its own backward pass ({@link KeepsOutputs}).
 * For any other, DL4J's gradient calls hand this listener the activations up to the output layer's input
 * while those still live, and the output layer's own activation is worked out from there (in inference
 * mode: no dropout): a sliver of D's pass, never D run again.
 */
final class DiscriminatorOutputs extends BaseTrainingListener {
    private final MultiLayerNetwork network;
    private double[] latest = new double[0];

    private DiscriminatorOutputs(MultiLayerNetwork network) {
        this.network = network;
    }

    /** The outputs of {@code network}, the network D trains. */
    static DiscriminatorOutputs of(MultiLayerNetwork network) {
        var outputs = new DiscriminatorOutputs(network);
        if (!(network.getOutputLayer() instanceof KeepsOutputs)) {
            network.addListeners(outputs);
        }
        return outputs;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        int last = network.getnLayers() - 1;
        // Gradient calls stop at the output layer's input: the input and one activation per layer below it.
        if (activations.size() != last + 1) {
            return;
        }
        INDArray input = activations.get(last);
        var preProcessor = network.getLayerWiseConfigurations().getInputPreProcess(last);
        var noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        if (preProcessor != null) {
            input = preProcessor.preProcess(input, (int) input.size(0), noWorkspaces);
        }
        INDArray output = network.getOutputLayer().activate(input, false, noWorkspaces);
        latest = output.reshape(output.length()).toDoubleVector();
    }

    /** D's outputs in its latest gradient pass. */
    double[] latest() {
        return network.getOutputLayer() instanceof KeepsOutputs kept ? kept.latestOutputs() : latest;
    }
}
