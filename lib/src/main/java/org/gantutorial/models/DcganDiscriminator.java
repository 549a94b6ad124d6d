package org.gantutorial.models;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

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

    /** The same D for inputs of {@code channels} channels: a slice and the planes of its condition (notebook 09). */
    public static MultiLayerNetwork build(DcganConfig config, int channels) {
        int width = config.discriminatorWidth();
        var layers = DcganParts.settings(config.discriminatorSeed(), config.discriminatorLearningRate(), config.beta1())
                .list()
                .layer(DcganParts.firstDownsample(width));
        for (int block = 1; block < config.blocks(); block++) {
            width *= 2;
            layers.layer(DcganParts.downsample(width));
            DcganParts.normaliseThen(width, new ActivationLReLU(0.2)).forEach(layers::layer);
        }
        layers.layer(new OutputLayer.Builder(new LossBinaryXENT()).nOut(1).activation(Activation.SIGMOID).build());
        var size = config.imageSize();
        var network = new MultiLayerNetwork(layers.setInputType(InputType.convolutional(size, size, channels)).build());
        network.init();
        return network;
    }
}
