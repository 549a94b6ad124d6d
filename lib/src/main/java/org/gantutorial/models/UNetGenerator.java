package org.gantutorial.models;

import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;

/**
 * The image-to-image generator: a small U-Net (Ronneberger et al. 2015, as in pix2pix) built as a
 * DL4J {@link ComputationGraph}, because its skip connections make it a graph, not a stack.
 * <p>
 * A 3x3 convolution reads the degraded slice at full size; then {@code depth} strided convolutions
 * (kernel 4, stride 2, LeakyReLU 0.2) halve the side and double the channels, the encoder. The
 * decoder's transpose convolutions (kernel 4, stride 2, ReLU) double the side back, and after each
 * one a {@link MergeVertex} puts the encoder's feature maps of the same size beside the decoder's:
 * the skip connection that carries fine detail (edges, the skull ring) past the narrow middle. A last
 * 3x3 convolution gives the <em>detail</em> to add, and an {@link ElementWiseVertex} adds it to the
 * degraded slice: G starts out as "change nothing" and learns only what the input lacks (residual
 * learning, as in VDSR, Kim et al. 2016). No batch norm: the network restores every slice the same
 * way whatever else is in the batch. G ends in a plain layer, not an output
 * layer, because it learns from errors the training loop hands it (L1 and D's), not from labels.
 */
public final class UNetGenerator {
    public static final String INPUT = "degraded";
    public static final String OUTPUT = "restored";

    private UNetGenerator() {
    }

    public static ComputationGraph build(ImageToImageConfig config) {
        var graph = DcganParts.settings(config.seed(), config.restorerLearningRate(), config.beta1())
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.convolutional(config.imageSize(), config.imageSize(), 1));
        int width = config.restorerWidth();
        graph.addLayer("read", convolution(width, 3, 1, new ActivationLReLU(0.2)), INPUT);
        var encoder = new ArrayList<String>();
        encoder.add("read");
        for (int level = 1; level <= config.depth(); level++) {
            width *= 2;
            graph.addLayer("down" + level, convolution(width, 4, 2, new ActivationLReLU(0.2)), encoder.get(level - 1));
            encoder.add("down" + level);
        }
        String below = encoder.get(config.depth());
        for (int level = config.depth() - 1; level >= 0; level--) {
            width /= 2;
            graph.addLayer("up" + level, new Deconvolution2D.Builder().nOut(width).kernelSize(4, 4)
                    .stride(2, 2).padding(1, 1).activation(Activation.RELU).build(), below);
            graph.addVertex("skip" + level, new MergeVertex(), "up" + level, encoder.get(level));
            below = "skip" + level;
        }
        graph.addLayer("detail", convolution(1, 3, 1, Activation.IDENTITY.getActivationFunction()), below)
                .addVertex(OUTPUT, new ElementWiseVertex(ElementWiseVertex.Op.Add), INPUT, "detail")
                .setOutputs(OUTPUT);
        var network = new ComputationGraph(graph.build());
        network.init();
        return network;
    }

    /**
     * Restored slices for {@code degraded} ([N, 1, S, S]), in batches of {@code batchSize}, without
     * training; clipped to [-1, 1], the range of a slice (the added detail can overshoot it).
     */
    public static INDArray restore(ComputationGraph generator, INDArray degraded, int batchSize) {
        long n = degraded.size(0);
        var parts = new ArrayList<INDArray>();
        for (long start = 0; start < n; start += batchSize) {
            parts.add(generator.outputSingle(false, degraded.get(NDArrayIndex.interval(start, Math.min(n, start + batchSize)))));
        }
        INDArray restored = parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new));
        return Transforms.min(Transforms.max(restored, -1, false), 1, false);
    }

    /** A convolution that keeps the side (kernel 3, stride 1) or halves it (kernel 4, stride 2). */
    private static ConvolutionLayer convolution(int channels, int kernel, int stride, IActivation activation) {
        return new ConvolutionLayer.Builder().nOut(channels).kernelSize(kernel, kernel).stride(stride, stride).padding(1, 1)
                .activation(activation).build();
    }
}
