package org.gantutorial.models;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The image generator: z -> dense -> 4x4 feature maps -> transpose-convolution blocks that each
 * double the side (kernel 4, stride 2, padding 1; batch norm; ReLU) -> one channel, tanh.
 * Transpose convolutions with a kernel that the stride does not divide evenly overlap unevenly:
 * that is the checkerboard seen early in training ({@link DcganConfig.OutputBlock} offers a last
 * block without it). G ends in a plain layer, not an output
 * layer, because it learns from the error D sends back, not from labels of its own.
 */
public final class DcganGenerator {
    private DcganGenerator() {
    }

    public static MultiLayerNetwork build(DcganConfig config) {
        int width = config.deepestWidth();
        var layers = DcganParts.settings(config.seed(), config.generatorLearningRate(), config.beta1())
                .list()
                .layer(new DenseLayer.Builder().nIn(config.latentSize()).nOut(16L * width).hasBias(false)
                        .activation(Activation.IDENTITY).build())
                .inputPreProcessor(1, new FeedForwardToCnnPreProcessor(4, 4, width));
        DcganParts.normaliseThen(width, new ActivationReLU()).forEach(layers::layer);
        for (int block = 1; block < config.blocks(); block++) {
            width /= 2;
            layers.layer(upsample(width, Activation.IDENTITY));
            DcganParts.normaliseThen(width, new ActivationReLU()).forEach(layers::layer);
        }
        if (config.outputBlock() == DcganConfig.OutputBlock.UPSAMPLE_AND_CONVOLVE) {
            layers.layer(new Upsampling2D.Builder(2).build())
                    .layer(new ConvolutionLayer.Builder().nOut(1).kernelSize(3, 3).stride(1, 1).padding(1, 1)
                            .activation(Activation.TANH).build());
        } else {
            layers.layer(upsample(1, Activation.TANH));
        }
        var network = new MultiLayerNetwork(layers.setInputType(InputType.feedForward(config.latentSize())).build());
        network.init();
        return network;
    }

    /**
     * Slices for the given noise, made in batches of {@code batchSize} with batch norm in
     * training mode (each batch normalised by its own statistics, as during training).
     */
    public static INDArray sample(MultiLayerNetwork generator, INDArray noise, int batchSize) {
        long n = noise.size(0);
        var parts = new java.util.ArrayList<INDArray>();
        for (long start = 0; start < n; start += batchSize) {
            parts.add(generator.output(noise.get(NDArrayIndex.interval(start, Math.min(n, start + batchSize))), true));
        }
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }

    private static Deconvolution2D upsample(int channels, Activation activation) {
        return new Deconvolution2D.Builder().nOut(channels).kernelSize(4, 4).stride(2, 2).padding(1, 1)
                .hasBias(activation != Activation.IDENTITY).activation(activation).build();
    }
}
