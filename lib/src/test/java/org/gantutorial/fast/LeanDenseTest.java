package org.gantutorial.fast;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lean dense and output layers, as a twin network runs them, compute what DL4J's DenseLayer and OutputLayer compute. */
class LeanDenseTest {
    private final INDArray batch = Nd4j.rand(DataType.FLOAT, 24, 3).subi(0.5);
    private final INDArray labels = Nd4j.rand(DataType.FLOAT, 24, 1).gt(0.5).castTo(DataType.FLOAT);

    @Test
    void outputsScoresAndGradientsAreDl4jsDenseLayers() {
        var stock = network(false);
        var lean = network(true);
        assertEquals(stock.params(), lean.params());
        assertClose(stock.output(batch, false), lean.output(batch, false), "inference output");

        for (INDArray input : new INDArray[] {batch, batch.dup('f'), rowsOfALargerBatch()}) {
            var expected = gradientAndScore(stock, input);
            var actual = gradientAndScore(lean, input);
            assertClose(expected[0], actual[0], "parameter gradients");
            assertClose(expected[1], actual[1], "score");
            assertClose(stock.calculateGradients(input, labels, null, null).getSecond(),
                    lean.calculateGradients(input, labels, null, null).getSecond(), "error at the input");
        }
    }

    @Test
    void frozenTheyWorkOutTheErrorAtTheInputAndLeaveTheirGradientsAlone() {
        var network = network(true);
        INDArray errorAtInput = network.calculateGradients(batch, labels, null, null).getSecond().dup();
        network.getGradientsViewArray().assign(7);
        INDArray frozen = Freezable.whileFrozen(network, () -> network.calculateGradients(batch, labels, null, null).getSecond());
        assertClose(errorAtInput, frozen, "error at the input, frozen");
        assertEquals(7.0, network.getGradientsViewArray().minNumber().doubleValue(), "gradients untouched");
        assertEquals(7.0, network.getGradientsViewArray().maxNumber().doubleValue(), "gradients untouched");
    }

    @Test
    void aBackwardPassAfterAnInferencePassWorksOutItsOwnForwardPass() {
        var stock = network(false);
        var lean = network(true);
        lean.output(batch, false);
        assertClose(gradientAndScore(stock, batch)[0], gradientAndScore(lean, batch)[0], "parameter gradients");
    }

    @Test
    void theTwinRunsLeanLayersWithTheFastLoss() {
        var lean = network(true);
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(LeanDense.class, lean.getLayerWiseConfigurations().getConf(i).getLayer());
        }
        var output = assertInstanceOf(LeanOutput.class, lean.getLayerWiseConfigurations().getConf(3).getLayer());
        assertInstanceOf(FastBinaryCrossEntropy.class, output.getLossFn());
    }

    @Test
    void refusesWhatItDoesNotRun() {
        var dropout = new DenseLayer.Builder().nIn(3).nOut(4).dropOut(0.5).build();
        var error = assertThrows(IllegalArgumentException.class, () -> new LeanDense(dropout));
        assertTrue(error.getMessage().contains("DenseLayer"), error.getMessage());
    }

    /** Rows 8 to 31 of a bigger batch: a view that starts inside its buffer. */
    private INDArray rowsOfALargerBatch() {
        INDArray larger = Nd4j.vstack(Nd4j.rand(DataType.FLOAT, 8, 3), batch);
        return larger.get(NDArrayIndex.interval(8, 32));
    }

    private INDArray[] gradientAndScore(MultiLayerNetwork network, INDArray input) {
        network.setInput(input);
        network.setLabels(labels);
        network.computeGradientAndScore();
        return new INDArray[] {network.gradient().gradient().dup(), Nd4j.scalar(network.score())};
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double difference = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).norm2Number().doubleValue();
        double size = expected.norm2Number().doubleValue();
        assertTrue(difference <= 1e-5 * Math.max(size, 1e-3), what + " differs by " + difference + " (size " + size + ")");
    }

    /** Three hidden layers with the activations the 1D GAN and its readers use, then a sigmoid output: DL4J's, or their twin. */
    private static MultiLayerNetwork network(boolean lean) {
        var network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(11)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-3))
                .list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(16).activation(new ActivationLReLU(0.2)).build())
                .layer(new DenseLayer.Builder().nIn(16).nOut(8).activation(new ActivationTanH()).build())
                .layer(new DenseLayer.Builder().nIn(8).nOut(5).activation(new ActivationIdentity()).build())
                .layer(new OutputLayer.Builder(new LossBinaryXENT()).nIn(5).nOut(1).activation(new ActivationSigmoid()).build())
                .build());
        network.init();
        return lean ? TwinNetwork.of(network).running() : network;
    }
}
