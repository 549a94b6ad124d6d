package org.gantutorial.models;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatentWalkTest {
    private final INDArray from = Nd4j.randn(1, new long[] {1, 100}).castTo(DataType.FLOAT);
    private final INDArray to = Nd4j.randn(2, new long[] {1, 100}).castTo(DataType.FLOAT);

    @Test
    void bothPathsRunFromOneVectorToTheOther() {
        for (INDArray path : new INDArray[] {LatentWalk.line(from, to, 7), LatentWalk.greatCircle(from, to, 7)}) {
            assertArrayEquals(new long[] {7, 100}, path.shape());
            assertTrue(path.getRow(0).equalsWithEps(from.reshape(100), 1e-5));
            assertTrue(path.getRow(6).equalsWithEps(to.reshape(100), 1e-5));
        }
        assertTrue(LatentWalk.line(from, to, 3).getRow(1).equalsWithEps(from.add(to).div(2).reshape(100), 1e-6), "the midpoint");
    }

    @Test
    void theStraightLineIsShorterInTheMiddleAndTheGreatCircleIsNot() {
        double[] line = LatentWalk.norms(LatentWalk.line(from, to, 9));
        double[] circle = LatentWalk.norms(LatentWalk.greatCircle(from, to, 9));
        double ends = (line[0] + line[8]) / 2;
        // Two independent Gaussian vectors are nearly orthogonal: the midpoint has about 1/sqrt(2) of their norm.
        assertEquals(Math.sqrt(0.5), line[4] / ends, 0.1);
        assertEquals(1, circle[4] / ends, 0.02);
        for (double norm : circle) {
            assertTrue(norm >= Math.min(line[0], line[8]) - 1e-4 && norm <= Math.max(line[0], line[8]) + 1e-4);
        }
    }
}
