package org.gantutorial.fast;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastBinaryCrossEntropyTest {
    // Ordinary values and saturated ones, where the clipping at 1e-5 decides the loss and the gradient.
    private final INDArray preOutput = Nd4j.create(new float[] {-3f, -0.2f, 0f, 0.7f, 4f, -20f, 25f, 13f}, new long[] {8, 1});
    private final INDArray labels = Nd4j.create(new float[] {1f, 0f, 1f, 1f, 0f, 1f, 0f, 1f}, new long[] {8, 1});

    @Test
    void lossAndGradientAreLossBinaryXents() {
        for (var stock : new LossBinaryXENT[] {new LossBinaryXENT(), new LossBinaryXENT(1e-3)}) {
            var fast = FastBinaryCrossEntropy.inPlaceOf(stock);
            assertInstanceOf(FastBinaryCrossEntropy.class, fast);
            var sigmoid = new ActivationSigmoid();

            INDArray expected = stock.computeGradient(labels, preOutput.dup(), sigmoid, null);
            INDArray actual = fast.computeGradient(labels, preOutput.dup(), sigmoid, null);
            double difference = expected.sub(actual).norm2Number().doubleValue();
            assertTrue(difference <= 1e-5 * expected.norm2Number().doubleValue(), "gradients differ by " + difference);
            assertEquals(DataType.FLOAT, actual.dataType());
            for (boolean average : new boolean[] {false, true}) {
                double score = stock.computeScore(labels, preOutput.dup(), sigmoid, null, average);
                assertEquals(score, fast.computeScore(labels, preOutput.dup(), sigmoid, null, average), 1e-5 * Math.abs(score));
            }
        }
    }

    @Test
    void otherLossesStayAsTheyAre() {
        var squared = new LossMSE();
        assertSame(squared, FastBinaryCrossEntropy.inPlaceOf(squared));
    }
}
