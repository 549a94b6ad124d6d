package org.gantutorial.models;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

import java.util.List;

/**
 * What every image network here takes from the DCGAN paper (Radford et al. 2016): weights drawn from
 * N(0, 0.02), Adam with the given rate and beta1, and D's block that halves the side (kernel 4,
 * stride 2, padding 1).
 */
public final class DcganParts {
    private DcganParts() {
    }

    /** The settings every layer of one network shares; layers come after {@code .list()} or {@code .graphBuilder()}. */
    public static NeuralNetConfiguration.Builder settings(long seed, double learningRate, double beta1) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(new WeightInitDistribution(new NormalDistribution(0, 0.02)))
                .updater(new Adam(learningRate, beta1, 0.999, 1e-8))
                .convolutionMode(ConvolutionMode.Truncate);
    }

    /** D's first block, which halves the side: a convolution with a bias and LeakyReLU 0.2 (no batch norm on the raw slice). */
    public static ConvolutionLayer firstDownsample(int channels) {
        return halving(channels).activation(new ActivationLReLU(0.2)).build();
    }

    /** Any later block of D, which halves the side: a convolution without bias, left to the batch norm that follows. */
    public static ConvolutionLayer downsample(int channels) {
        return halving(channels).hasBias(false).activation(Activation.IDENTITY).build();
    }

    private static ConvolutionLayer.Builder halving(int channels) {
        return new ConvolutionLayer.Builder().nOut(channels).kernelSize(4, 4).stride(2, 2).padding(1, 1);
    }

    /** Batch norm over {@code channels} feature maps, then {@code activation}: two layers, as DL4J writes them. */
    public static List<Layer> normaliseThen(int channels, IActivation activation) {
        return List.of(new BatchNormalization.Builder().nOut(channels).build(), new ActivationLayer(activation));
    }
}
