package org.gantutorial.models;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/** The 1D generator: latent vector z, then dense hidden layers, then a point (x, y). */
public final class Generator1d {
    private Generator1d() {
    }

    public static MultiLayerNetwork build(Gan1dConfig config) {
        var layers = new NeuralNetConfiguration.Builder()
                .seed(config.seed())
                .dataType(DataType.FLOAT)
                // U(-1/sqrt(fan in), 1/sqrt(fan in)), as PyTorch's nn.Linear starts.
                .weightInit(WeightInit.UNIFORM)
                .updater(new Adam(config.generatorLearningRate(), config.beta1(), 0.999, 1e-8))
                .list();
        int in = config.latentSize();
        for (int size : config.generatorLayers()) {
            layers.layer(new DenseLayer.Builder().nIn(in).nOut(size).activation(config.generatorActivation()).build());
            in = size;
        }
        // A plain dense layer, not an OutputLayer: G has no loss of its own, it learns from D's gradient.
        layers.layer(new DenseLayer.Builder().nIn(in).nOut(2).activation(new ActivationIdentity()).build());
        var network = new MultiLayerNetwork(layers.build());
        network.init();
        return PyTorchInit.withUniformBiases(network, config.seed());
    }
}
