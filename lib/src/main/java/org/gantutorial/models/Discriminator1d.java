package org.gantutorial.models;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/** The 1D discriminator: a point (x, y), then dense hidden layers, then the probability that it is real. */
public final class Discriminator1d {
    private Discriminator1d() {
    }

    public static MultiLayerNetwork build(Gan1dConfig config) {
        var layers = new NeuralNetConfiguration.Builder()
                .seed(config.discriminatorSeed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.UNIFORM)
                .updater(new Adam(config.discriminatorLearningRate(), config.beta1(), 0.999, 1e-8))
                .list();
        int in = 2;
        for (int size : config.discriminatorLayers()) {
            layers.layer(new DenseLayer.Builder().nIn(in).nOut(size).activation(config.discriminatorActivation()).build());
            in = size;
        }
        layers.layer(new OutputLayer.Builder(new LossBinaryXENT()).nIn(in).nOut(1).activation(new ActivationSigmoid()).build());
        var network = new MultiLayerNetwork(layers.build());
        network.init();
        return PyTorchInit.withUniformBiases(network, config.discriminatorSeed());
    }
}
