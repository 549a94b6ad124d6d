package org.gantutorial.fast;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A twin runs fast layers where it can, on the stock network's own parameters and Adam state. */
class TwinNetworkTest {
    private final INDArray input = Nd4j.rand(DataType.FLOAT, 8, 1, 16, 16).subi(0.5);
    private final INDArray labels = Nd4j.rand(DataType.FLOAT, 8, 1).gt(0.5).castTo(DataType.FLOAT);

    @Test
    void knownLayersBecomeTheirFastTwinsAndTheRestStayDl4js() {
        var running = TwinNetwork.of(discriminator()).running();
        var layers = running.getLayerWiseConfigurations().getConfs().stream().map(conf -> conf.getLayer().getClass()).toList();
        assertEquals(List.of(LeanConvolution.class, SubsamplingLayer.class, ConvolutionLayer.class, LeanConvolution.class,
                BatchNormActivation.class, LeanDense.class, LeanOutput.class), layers);
        assertTrue(discriminator().output(input, false).equalsWithEps(running.output(input, false), 1e-5));
    }

    @Test
    void theTwinTrainsTheStockNetworksOwnWeightsAndAdamState() {
        var stock = discriminator();
        var twin = TwinNetwork.of(stock);
        assertSame(stock.params(), twin.running().params());
        INDArray before = stock.params().dup();
        twin.running().fit(input, labels);
        assertNotEquals(before, stock.params());
        assertSame(stock.getUpdater().getStateViewArray(), twin.running().getUpdater().getStateViewArray());
        assertTrue(stock.getUpdater().getStateViewArray().norm2Number().doubleValue() > 0, "Adam's moments moved");

        twin.setLearningRate(1e-4);
        assertSame(stock.getUpdater().getStateViewArray(), twin.running().getUpdater().getStateViewArray(), "shared after a new rate too");
        assertEquals(1e-4, ((Adam) twin.running().getLayer(0).conf().getLayer().getUpdaterByParam("W")).getLearningRate());
        assertEquals(1e-4, ((Adam) stock.getLayer(0).conf().getLayer().getUpdaterByParam("W")).getLearningRate());
    }

    @Test
    void theStockNetworkSavesAndResumesWhatTheTwinLearned() throws IOException {
        var stock = discriminator();
        var twin = TwinNetwork.of(stock).running();
        twin.fit(input, labels);
        // DL4J counts Adam's steps in each network's configuration; the loop's optimiser step copies the twin's count across.
        stock.setIterationCount(twin.getIterationCount());
        var bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(stock, bytes, true);
        var restored = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertEquals(stock.getLayerWiseConfigurations(), restored.getLayerWiseConfigurations(), "stock layers only");

        var resumed = TwinNetwork.of(restored).running();
        for (int step = 0; step < 2; step++) {
            // The same dropout masks on both sides.
            Nd4j.getRandom().setSeed(17 + step);
            twin.fit(input, labels);
            Nd4j.getRandom().setSeed(17 + step);
            resumed.fit(input, labels);
        }
        assertEquals(stock.params(), restored.params());
        assertEquals(stock.getUpdater().getStateViewArray(), restored.getUpdater().getStateViewArray());
    }

    /**
     * A small D with a layer of each kind: a LeakyReLU convolution, max pooling and a convolution with
     * dropout (neither known to the fast path), a convolution with batch norm and LeakyReLU, a tanh dense
     * layer and a sigmoid output.
     */
    private static MultiLayerNetwork discriminator() {
        var network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(6)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-3, 0.5, 0.999, 1e-8))
                .convolutionMode(ConvolutionMode.Truncate)
                .list()
                .layer(new ConvolutionLayer.Builder().nOut(4).kernelSize(3, 3).stride(1, 1).padding(1, 1)
                        .activation(new ActivationLReLU(0.2)).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder().nOut(4).kernelSize(3, 3).stride(1, 1).padding(1, 1).dropOut(0.9)
                        .activation(new ActivationLReLU(0.2)).build())
                .layer(new ConvolutionLayer.Builder().nOut(8).kernelSize(4, 4).stride(2, 2).padding(1, 1).hasBias(false)
                        .activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(new ActivationLReLU(0.2)))
                .layer(new DenseLayer.Builder().nOut(6).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(new LossBinaryXENT()).nOut(1).activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(16, 16, 1))
                .build());
        network.init();
        return network;
    }
}
