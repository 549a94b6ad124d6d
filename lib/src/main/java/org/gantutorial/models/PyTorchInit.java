package org.gantutorial.models;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;

import java.util.Random;

/**
 * Biases drawn like PyTorch's nn.Linear: U(-1/sqrt(fan in), 1/sqrt(fan in)). DL4J starts biases
 * at zero, which puts every ReLU's kink through the origin: the 1D networks then start with far
 * fewer distinct bends near the data and learn curves much more slowly. (Weights use DL4J's
 * {@code WeightInit.UNIFORM}, which is already PyTorch's rule.)
 */
public final class PyTorchInit {
    private PyTorchInit() {
    }

    /** Draws every layer's biases from U(-1/sqrt(fan in), 1/sqrt(fan in)) with {@code seed}; returns {@code network}. */
    public static MultiLayerNetwork withUniformBiases(MultiLayerNetwork network, long seed) {
        var random = new Random(seed);
        for (Layer layer : network.getLayers()) {
            var weights = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
            var biases = layer.getParam(DefaultParamInitializer.BIAS_KEY);
            double bound = 1 / Math.sqrt(weights.size(0));
            for (long i = 0; i < biases.length(); i++) {
                biases.putScalar(i, (2 * random.nextDouble() - 1) * bound);
            }
        }
        return network;
    }
}
