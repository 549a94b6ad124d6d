package org.gantutorial.training;

import org.gantutorial.models.DcganConfig;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real batches drawn scan by scan: a scan with few slices gets the share the power asks for, and 1 changes nothing. */
class TrainingSlicesTest {
    /** 96 slices of a "large" scan, all -0.5, and 4 of a "small" one, all 0.5. */
    private static TrainingSlices twoScans() {
        INDArray images = Nd4j.zeros(100, 1, 8, 8);
        images.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 96)).assign(-0.5);
        images.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(96, 100)).assign(0.5);
        List<String> scans = new ArrayList<>(Collections.nCopies(96, "large"));
        scans.addAll(Collections.nCopies(4, "small"));
        return TrainingSlices.of(images, scans);
    }

    /** The share of the small scan's slices among {@code draws} batches of 32. */
    private static double smallShare(TrainingSlices slices, double power, int draws) {
        var random = new Random(3);
        long small = 0;
        for (int i = 0; i < draws; i++) {
            INDArray batch = slices.randomBatch(32, power, random);
            for (double first : batch.reshape(32, 64).getColumn(0).toDoubleVector()) {
                small += first > 0 ? 1 : 0;
            }
        }
        return small / (32.0 * draws);
    }

    @Test
    void aScanOfFewSlicesGetsTheShareThePowerAsksFor() {
        var slices = twoScans();
        assertEquals(0.04, smallShare(slices, 1, 300), 0.01, "power 1: every slice alike, 4 of 100");
        assertEquals(0.5, smallShare(slices, 0, 300), 0.02, "power 0: every scan alike");
        double half = Math.sqrt(4) / (Math.sqrt(4) + Math.sqrt(96));
        assertEquals(half, smallShare(slices, 0.5, 300), 0.02, "power 0.5: by the square roots of the counts");
    }

    @Test
    void powerOneDrawsTheVeryBatchesOfPlainRandomDraws() {
        var slices = twoScans();
        assertEquals(slices.randomBatch(32, new Random(5)), slices.randomBatch(32, 1, new Random(5)));
    }

    @Test
    void aPowerOutsideZeroToOneIsRefusedByName() {
        var error = assertThrows(IllegalArgumentException.class, () -> DcganConfig.reference().withScanWeightPower(1.5));
        assertTrue(error.getMessage().contains("scanWeightPower"), error.getMessage());
    }
}
