package org.gantutorial.metrics;

import org.gantutorial.HeadPhantoms;
import org.gantutorial.mr.HeadLevel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RealFloorsTest {

    @Test
    void theWholeScanFloorSeesWhatRandomHalvesHide() {
        // Two "scans" of different sharpness: random halves mix them, a whole-scan split cannot.
        INDArray sharp = HeadPhantoms.generate(48, 32, 1);
        INDArray soft = Degraded.blurred(HeadPhantoms.generate(48, 32, 2), 3);
        var scans = new ArrayList<>(Collections.nCopies(48, "sharp"));
        scans.addAll(Collections.nCopies(48, "soft"));

        var floors = RealFloors.of(Nd4j.concat(0, sharp, soft), scans, 64, 4, 7);

        System.out.println(floors.summary());
        assertEquals(48, floors.perSet(), "half the slices a side");
        assertEquals(4, floors.randomSwd().count());
        assertTrue(floors.randomSwd().min() < floors.randomSwd().max(), "splits differ: " + floors.randomSwd());
        Spread strict = floors.scanSwd().orElseThrow();
        assertEquals(1, strict.count(), "two scans split only one way");
        assertEquals(48, floors.scanPerSet());
        assertTrue(strict.mean() > 1.5 * floors.randomSwd().max(), strict + " vs " + floors.randomSwd());
    }

    @Test
    void realSlicesFromOneScanHaveNoWholeScanFloor() {
        var floors = RealFloors.of(HeadPhantoms.generate(40, 32, 3), Collections.nCopies(40, "mine"), 64, 3, 7);
        assertTrue(floors.scanSwd().isEmpty());
        assertTrue(floors.summary().contains("one scan only"), floors.summary());
        assertTrue(floors.intensity().mean() > 0 && floors.intensity().mean() < 0.05, floors.summary());
    }

    @Test
    void onTheSampleScansTheWholeScanFloorIsTheStricter() {
        var sample = SampleSlices.atThirtyTwo().where((scan, level) -> level == HeadLevel.VENTRICLES);
        List<String> scans = sample.sources();
        var floors = RealFloors.of(sample.images(), scans, 64, 3, 99);
        System.out.println("sample scans at 32x32, ventricle levels: " + floors.summary());
        assertTrue(floors.scanSwd().orElseThrow().mean() > floors.randomSwd().max(), floors.summary());
        assertTrue(floors.compare(2 * floors.randomSwd().mean(), 0.05).startsWith("SWD"), floors.compare(1, 0.05));
    }
}
