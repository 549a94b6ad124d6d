package org.gantutorial.fast;

import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransposeConvolutionTest {
    private final INDArray input = Nd4j.rand(DataType.FLOAT, 8, 16, 4, 4).subi(0.5);
    private final INDArray errorAtOutput = Nd4j.rand(DataType.FLOAT, 8, 1, 16, 16).subi(0.5);

    @Test
    void keepingTheForwardResultGivesDl4jsGradients() {
        var stock = twoBlocks(false);
        var keeping = twoBlocks(true);
        assertInstanceOf(TransposeConvolution.class, keeping.getLayerWiseConfigurations().getConf(0).getLayer());
        assertEquals(stock.params(), keeping.params());

        INDArray[] expected = gradients(stock);
        INDArray[] actual = gradients(keeping);
        for (int i = 0; i < expected.length; i++) {
            double difference = expected[i].sub(actual[i]).norm2Number().doubleValue();
            assertTrue(difference <= 1e-6 * expected[i].norm2Number().doubleValue(), "gradient " + i + " differs by " + difference);
        }
    }

    /** Weight gradients and the error at the input, after a training forward pass on the same batch. */
    private INDArray[] gradients(MultiLayerNetwork network) {
        network.setInput(input);
        network.feedForward(true, false);
        var result = network.backpropGradient(errorAtOutput, LayerWorkspaceMgr.noWorkspaces());
        return new INDArray[] {result.getFirst().gradient().dup(), result.getSecond().dup()};
    }

    /** Transpose convolution, batch norm, ReLU, transpose convolution with tanh: G's pattern, 4x4 to 16x16; DL4J's or its twin. */
    private static MultiLayerNetwork twoBlocks(boolean keeping) {
        UnaryOperator<Deconvolution2D.Builder> shape = b -> b.kernelSize(4, 4).stride(2, 2).padding(1, 1);
        var network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(3)
                .dataType(DataType.FLOAT)
                .convolutionMode(ConvolutionMode.Truncate)
                .list()
                .layer(shape.apply(new Deconvolution2D.Builder().nOut(8).hasBias(false).activation(Activation.IDENTITY)).build())
                .layer(new BatchNormalization.Builder().nOut(8).build())
                .layer(new ActivationLayer(Activation.RELU))
                .layer(shape.apply(new Deconvolution2D.Builder().nOut(1).activation(Activation.TANH)).build())
                .setInputType(InputType.convolutional(4, 4, 16))
                .build());
        network.init();
        return keeping ? TwinNetwork.of(network).running() : network;
    }
}
