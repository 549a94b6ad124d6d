package org.gantutorial.metrics;

import org.gantutorial.HeadPhantoms;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlicedWassersteinTest {

    @Test
    void identicalSetsAreAtDistanceZero() {
        var slices = HeadPhantoms.generate(16, 32, 1);
        assertEquals(0, SlicedWasserstein.distance(slices, slices.dup(), 5), 1e-9);
    }

    @Test
    void twoRealSetsAreCloserThanRealAndNoise() {
        var a = HeadPhantoms.generate(64, 64, 1);
        var b = HeadPhantoms.generate(64, 64, 2);
        var noise = Nd4j.rand(DataType.FLOAT, 64, 1, 64, 64).muli(2).subi(1);
        double floor = SlicedWasserstein.distance(a, b, 5);
        double toNoise = SlicedWasserstein.distance(a, noise, 5);
        assertEquals(3, SlicedWasserstein.perLevel(a, b, 5).length, "64, 32 and 16 pixel levels");
        assertTrue(floor * 5 < toNoise, "floor " + floor + " vs noise " + toNoise);
    }

    @Test
    void theSameSeedGivesTheSameValue() {
        var a = HeadPhantoms.generate(16, 32, 1);
        var b = HeadPhantoms.generate(16, 32, 2);
        assertEquals(SlicedWasserstein.distance(a, b, 9), SlicedWasserstein.distance(a, b, 9));
    }
}
