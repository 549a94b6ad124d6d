package org.gantutorial.fast;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeanConvolutionTest {
    private final INDArray input = Nd4j.rand(DataType.FLOAT, 8, 2, 16, 16).subi(0.5);
    private final INDArray labels = Nd4j.rand(DataType.FLOAT, 8, 1);

    @Test
    void givesDl4jsOutputsAndGradients() {
        var stock = twoBlocks(false);
        var lean = twoBlocks(true);
        assertInstanceOf(LeanConvolution.class, lean.getLayerWiseConfigurations().getConf(0).getLayer());
        assertInstanceOf(LeanConvolution.class, lean.getLayerWiseConfigurations().getConf(1).getLayer());
        assertEquals(stock.params(), lean.params());
        assertClose(stock.output(input, true), lean.output(input, true), "output");
        var expected = stock.calculateGradients(input, labels, null, null);
        var actual = lean.calculateGradients(input, labels, null, null);
        assertClose(expected.getFirst().gradient(), actual.getFirst().gradient(), "weight gradients");
        assertClose(expected.getSecond(), actual.getSecond(), "error at the input");
    }

    @Test
    void frozenItWorksOutTheSameErrorAtItsInputAndLeavesItsWeightGradientsAlone() {
        var network = twoBlocks(true);
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
    void activationsOtherThanRectifiersAreRefusedWithAHint() {
        var tanh = new ConvolutionLayer.Builder().nOut(4).kernelSize(4, 4).stride(2, 2).padding(1, 1).activation(Activation.TANH).build();
        var error = assertThrows(IllegalArgumentException.class, () -> new LeanConvolution(tanh));
        assertTrue(error.getMessage().contains("ConvolutionLayer"), error.getMessage());
        assertEquals(tanh, TwinLayers.of(tanh), "a twin keeps it as DL4J's own layer");
    }

    /** D's first two blocks in small: a convolution with a bias and LeakyReLU, one without either, then a sigmoid; DL4J's or their twin. */
    private static MultiLayerNetwork twoBlocks(boolean lean) {
        var network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(4)
                .dataType(DataType.FLOAT)
                .updater(new org.nd4j.linalg.learning.config.Adam(1e-2))
                .convolutionMode(ConvolutionMode.Truncate)
                .list()
                .layer(new ConvolutionLayer.Builder().nOut(4).kernelSize(4, 4).stride(2, 2).padding(1, 1)
                        .activation(new ActivationLReLU(0.2)).build())
                .layer(new ConvolutionLayer.Builder().nOut(8).kernelSize(4, 4).stride(2, 2).padding(1, 1)
                        .hasBias(false).activation(Activation.IDENTITY).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(16, 16, 2))
                .build());
        network.init();
        return lean ? TwinNetwork.of(network).running() : network;
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double difference = expected.sub(actual).norm2Number().doubleValue();
        assertTrue(difference <= 1e-5 * Math.max(1, expected.norm2Number().doubleValue()), what + " differ by " + difference);
    }
}
