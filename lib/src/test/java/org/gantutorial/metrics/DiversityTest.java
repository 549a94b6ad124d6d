package org.gantutorial.metrics;

import org.gantutorial.HeadPhantoms;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiversityTest {

    @Test
    void aSliceAgainstItselfScoresOneAtEveryScaleCount() {
        for (int side : new int[] {32, 64}) {
            INDArray slice = HeadPhantoms.generate(1, side, 3);
            assertEquals(1, MsSsim.perSlice(slice, slice.dup())[0], 1e-9);
        }
        assertEquals(2, MsSsim.scales(32));
        assertEquals(3, MsSsim.scales(64));
        assertEquals(5, MsSsim.scales(256));
    }

    @Test
    void aCollapsedSetScoresNearOneAndRealSlicesWellBelow() {
        INDArray real = SampleSlices.atThirtyTwo().images();
        INDArray one = real.get(NDArrayIndex.interval(700, 701));
        INDArray collapsed = Nd4j.concat(0, java.util.Collections.nCopies(64, one).toArray(INDArray[]::new))
                .add(Nd4j.randn(DataType.FLOAT, 64, 1, 32, 32).muli(0.01));

        double realScore = Diversity.meanPairwiseMsSsim(real, 300, 1);
        double collapsedScore = Diversity.meanPairwiseMsSsim(collapsed, 300, 1);

        System.out.printf("mean pairwise MS-SSIM at 32x32: real %.3f, collapsed %.3f%n", realScore, collapsedScore);
        assertTrue(collapsedScore > 0.95, "collapsed " + collapsedScore);
        assertTrue(realScore < 0.6, "real " + realScore);
        assertTrue(collapsedScore - realScore > 0.3, "real " + realScore + " vs collapsed " + collapsedScore);
    }

    @Test
    void theSameSeedPicksTheSamePairs() {
        INDArray slices = HeadPhantoms.generate(20, 32, 4);
        assertEquals(Diversity.meanPairwiseMsSsim(slices, 50, 9), Diversity.meanPairwiseMsSsim(slices, 50, 9));
    }

    @Test
    void oneSliceHasNoPairs() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> Diversity.meanPairwiseMsSsim(HeadPhantoms.generate(1, 32, 1), 10, 1));
        assertTrue(error.getMessage().contains("at least 2 slices"), error.getMessage());
    }
}
