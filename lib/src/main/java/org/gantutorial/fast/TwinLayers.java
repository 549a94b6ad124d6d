package org.gantutorial.fast;

import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.impl.ActivationIdentity;

/**
 * Which stock layer configurations have a fast twin, and the twin of each: the rules a twin network
 * applies layer by layer. Each fast layer decides what it runs ({@code runs}); whatever none runs
 * (dropout, layer norm, pooling, other activations) stays the stock layer and trains at DL4J's pace.
 */
final class TwinLayers {
    private TwinLayers() {
    }

    /** The fast twin of {@code stock}, or {@code stock} itself when no fast layer computes the same thing. */
    static Layer of(Layer stock) {
        if (stock instanceof DenseLayer dense && LeanDense.runs(dense)) {
            return new LeanDense(dense);
        }
        if (stock instanceof OutputLayer output && LeanOutput.runs(output)) {
            return new LeanOutput(output);
        }
        if (stock instanceof Deconvolution2D transpose && TransposeConvolution.runs(transpose)) {
            return new TransposeConvolution(transpose);
        }
        if (stock instanceof ConvolutionLayer convolution && LeanConvolution.runs(convolution)) {
            return new LeanConvolution(convolution);
        }
        if (stock instanceof BatchNormalization norm && BatchNormActivation.runs(norm, new ActivationIdentity())) {
            return new BatchNormActivation(norm, new ActivationIdentity());
        }
        if (stock instanceof CnnLossLayer patches && patches.getClass() == CnnLossLayer.class) {
            // DL4J's own layer, with the loss worked out in Java for its one sigmoid per position.
            CnnLossLayer copy = (CnnLossLayer) patches.clone();
            copy.setLossFn(FastBinaryCrossEntropy.inPlaceOf(patches.getLossFn()));
            return copy;
        }
        return stock;
    }

    /** Batch norm and the activation layer right after it as one fast layer, or null when they cannot be one. */
    static Layer merged(Layer first, Layer second) {
        if (first instanceof BatchNormalization norm && second instanceof ActivationLayer activation
                && activation.getClass() == ActivationLayer.class && activation.getIDropout() == null
                && BatchNormActivation.runs(norm, activation.getActivationFn())) {
            return new BatchNormActivation(norm, activation.getActivationFn());
        }
        return null;
    }
}
