package org.gantutorial.models;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The image discriminator: strided convolutions that each halve the side (kernel 4, stride 2,
 * padding 1) with LeakyReLU 0.2 and batch norm after every block but the first (normalising the
 * raw image would throw away its brightness), then one sigmoid unit: "how likely is this real?".
 */
public final class DcganDiscriminator {
    private DcganDiscriminator() {
    }

    public static MultiLayerNetwork build(DcganConfig config) {
        return build(config, 1);
    }

    /** The same D for inputs of {@code channels} channels: a slice and the planes of its condition (notebook 08). */
    public static MultiLayerNetwork build(DcganConfig config, int channels) {
        OneDnnHelpers.enable();
        int width = config.discriminatorWidth();
        var layers = new NeuralNetConfiguration.Builder()
                .seed(config.seed() + 1)
                .dataType(DataType.FLOAT)
                .weightInit(new WeightInitDistribution(new NormalDistribution(0, 0.02)))
                .updater(new Adam(config.discriminatorLearningRate(), config.beta1(), 0.999, 1e-8))
                .convolutionMode(ConvolutionMode.Truncate)
                // Keeps each convolution's forward result for its backward pass; without it DL4J runs every convolution twice.
                .cacheMode(CacheMode.DEVICE)
                .list()
                .layer(downsample(width, true));
        for (int block = 1; block < config.blocks(); block++) {
            width *= 2;
            layers.layer(downsample(width, false))
                    .layer(new BatchNormActivation(width, new ActivationLReLU(0.2)));
        }
        layers.layer(new LeanOutput(new OutputLayer.Builder().lossFunction(new ObservedCrossEntropy()).nOut(1)
                .activation(Activation.SIGMOID)));
        var size = config.imageSize();
        var network = new MultiLayerNetwork(layers.setInputType(InputType.convolutional(size, size, channels)).build());
        network.init();
        return network;
    }

    /** The first block applies its LeakyReLU itself; later ones leave it to after the batch norm. */
    private static ConvolutionLayer downsample(int channels, boolean first) {
        return new ConvolutionLayer.Builder().nOut(channels).kernelSize(4, 4).stride(2, 2).padding(1, 1)
                .hasBias(first).activation(first ? new ActivationLReLU(0.2) : Activation.IDENTITY.getActivationFunction()).build();
    }
}
