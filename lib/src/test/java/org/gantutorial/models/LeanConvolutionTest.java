package org.gantutorial.models;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeanConvolutionTest {
    private final INDArray input = Nd4j.rand(DataType.FLOAT, 8, 2, 16, 16).subi(0.5);
    private final INDArray labels = Nd4j.rand(DataType.FLOAT, 8, 1);

    @Test
    void givesDl4jsOutputsAndGradients() {
        var stock = twoBlocks(ConvolutionLayer.Builder::build);
        var lean = twoBlocks(LeanConvolution::new);
        assertEquals(stock.params(), lean.params());
        assertClose(stock.output(input, true), lean.output(input, true), "output");
        var expected = stock.calculateGradients(input, labels, null, null);
        var actual = lean.calculateGradients(input, labels, null, null);
        assertClose(expected.getFirst().gradient(), actual.getFirst().gradient(), "weight gradients");
        assertClose(expected.getSecond(), actual.getSecond(), "error at the input");
    }

    @Test
    void frozenItWorksOutTheSameErrorAtItsInputAndLeavesItsWeightGradientsAlone() {
        var network = twoBlocks(LeanConvolution::new);
        INDArray errorAtInput = network.calculateGradients(input, labels, null, null).getSecond().dup();
        INDArray gradientView = network.getGradientsViewArray();
        gradientView.assign(7);

        INDArray frozen = Freezable.whileFrozen(network, () -> network.calculateGradients(input, labels, null, null).getSecond());

        assertClose(errorAtInput, frozen, "error at the input, frozen");
        long convolutionParameters = network.getLayer(0).numParams() + network.getLayer(1).numParams();
        INDArray convolutionGradients = gradientView.reshape(-1).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, convolutionParameters));
        assertEquals(7.0, convolutionGradients.minNumber().doubleValue(), "frozen convolutions leave their gradients alone");
        assertEquals(7.0, convolutionGradients.maxNumber().doubleValue(), "frozen convolutions leave their gradients alone");
        INDArray afterwards = network.calculateGradients(input, labels, null, null).getFirst().gradient();
        assertTrue(afterwards.minNumber().doubleValue() < 7, "unfrozen again, the convolutions work out their gradients");
    }

    @Test
    void checkpointsRestoreTheLayer() throws IOException {
        var network = twoBlocks(LeanConvolution::new);
        network.fit(input, labels);
        var bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, true);
        var restored = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertInstanceOf(LeanConvolution.class, restored.getLayerWiseConfigurations().getConf(0).getLayer());
        assertEquals(network.output(input, false), restored.output(input, false));
    }

    @Test
    void activationsOtherThanRectifiersAreRefusedWithAHint() {
        var error = assertThrows(IllegalArgumentException.class, () -> new LeanConvolution(
                new ConvolutionLayer.Builder().nOut(4).kernelSize(4, 4).stride(2, 2).padding(1, 1).activation(Activation.TANH)));
        assertTrue(error.getMessage().contains("ActivationLayer"), error.getMessage());
    }

    /** D's first two blocks in small: a convolution with a bias and LeakyReLU, one without either, then a sigmoid. */
    private static MultiLayerNetwork twoBlocks(Function<ConvolutionLayer.Builder, ConvolutionLayer> make) {
        var network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(4)
                .dataType(DataType.FLOAT)
                .updater(new org.nd4j.linalg.learning.config.Adam(1e-2))
                .convolutionMode(ConvolutionMode.Truncate)
                .list()
                .layer(make.apply(new ConvolutionLayer.Builder().nOut(4).kernelSize(4, 4).stride(2, 2).padding(1, 1)
                        .activation(new ActivationLReLU(0.2))))
                .layer(make.apply(new ConvolutionLayer.Builder().nOut(8).kernelSize(4, 4).stride(2, 2).padding(1, 1)
                        .hasBias(false).activation(Activation.IDENTITY)))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(16, 16, 2))
                .build());
        network.init();
        return network;
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double difference = expected.sub(actual).norm2Number().doubleValue();
        assertTrue(difference <= 1e-5 * Math.max(1, expected.norm2Number().doubleValue()), what + " differ by " + difference);
    }
}
