package org.gantutorial.models;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObservedCrossEntropyTest {
    // Ordinary values and saturated ones, where the clipping at 1e-5 decides the loss and the gradient.
    private final INDArray preOutput = Nd4j.create(new float[] {-3f, -0.2f, 0f, 0.7f, 4f, -20f, 25f, 13f}, new long[] {8, 1});
    private final INDArray labels = Nd4j.create(new float[] {1f, 0f, 1f, 1f, 0f, 1f, 0f, 1f}, new long[] {8, 1});

    @Test
    void lossAndGradientAreLossBinaryXents() {
        var stock = new LossBinaryXENT();
        var observed = new ObservedCrossEntropy();
        var sigmoid = new ActivationSigmoid();

        INDArray expected = stock.computeGradient(labels, preOutput.dup(), sigmoid, null);
        INDArray actual = observed.computeGradient(labels, preOutput.dup(), sigmoid, null);
        double difference = expected.sub(actual).norm2Number().doubleValue();
        assertTrue(difference <= 1e-5 * expected.norm2Number().doubleValue(), "gradients differ by " + difference);
        for (boolean average : new boolean[] {false, true}) {
            double score = stock.computeScore(labels, preOutput.dup(), sigmoid, null, average);
            assertEquals(score, observed.computeScore(labels, preOutput.dup(), sigmoid, null, average), 1e-5 * Math.abs(score));
        }
    }

    @Test
    void keepsTheOutputsOfItsLatestGradientPass() {
        var observed = new ObservedCrossEntropy();
        observed.computeGradient(labels, preOutput, new ActivationSigmoid(), null);
        double[] expected = new ActivationSigmoid().getActivation(preOutput.dup(), false).toDoubleVector();
        assertArrayEquals(expected, observed.lastOutputs(), 1e-6);
        assertEquals(DataType.FLOAT, observed.computeGradient(labels, preOutput, new ActivationSigmoid(), null).dataType());
    }
}
