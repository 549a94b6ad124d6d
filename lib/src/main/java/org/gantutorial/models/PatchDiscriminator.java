package org.gantutorial.models;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * pix2pix's "PatchGAN" discriminator: it sees a degraded slice beside a candidate (the true slice or
 * G's restoration) as two channels and says, for every patch, whether the candidate looks real
 * there. Three strided convolutions (kernel 4, LeakyReLU 0.2, batch norm after every block but the
 * first) halve the side three times; a 3x3 convolution then gives one score per position of an
 * (S/8)x(S/8) map, each looking at a 38x38-pixel patch. The map ends in DL4J's {@link CnnLossLayer}:
 * a sigmoid and binary cross-entropy at every position. Judging patches, not whole slices, D asks
 * about local texture and edges, which is what a blurry restoration gets wrong.
 */
public final class PatchDiscriminator {
    /** Channels D sees: the degraded slice and the candidate. */
    public static final int CHANNELS = 2;
    private static final int BLOCKS = 3;

    private PatchDiscriminator() {
    }

    public static MultiLayerNetwork build(ImageToImageConfig config) {
        int width = config.patchWidth();
        var layers = DcganParts.settings(config.patchSeed(), config.patchLearningRate(), config.beta1())
                .list()
                .layer(DcganParts.firstDownsample(width));
        for (int block = 1; block < BLOCKS; block++) {
            width *= 2;
            layers.layer(DcganParts.downsample(width));
            DcganParts.normaliseThen(width, new ActivationLReLU(0.2)).forEach(layers::layer);
        }
        layers.layer(new ConvolutionLayer.Builder().nOut(1).kernelSize(3, 3).stride(1, 1).padding(1, 1)
                        .activation(Activation.IDENTITY).build())
                .layer(new CnnLossLayer.Builder(new LossBinaryXENT()).activation(Activation.SIGMOID).build());
        int size = config.imageSize();
        var network = new MultiLayerNetwork(layers.setInputType(InputType.convolutional(size, size, CHANNELS)).build());
        network.init();
        return network;
    }
}
