package org.gantutorial.metrics;

import org.gantutorial.HeadPhantoms;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The distances answer as a reader would expect: more damage, more distance; brightness only for the histogram. */
class SwdResponseTest {
    private static final long SEED = 5;
    private final INDArray reference = HeadPhantoms.generate(64, 32, 1);
    private final INDArray real = HeadPhantoms.generate(64, 32, 2);

    @Test
    void swdGrowsStepByStepAsRealSlicesAreBlurredMore() {
        double[] distances = new double[4];
        for (int passes = 0; passes < distances.length; passes++) {
            distances[passes] = SlicedWasserstein.distance(reference, Degraded.blurred(real, passes), SEED);
        }
        System.out.println("SWD by blur passes 0-3: " + Arrays.toString(distances));
        assertIncreasing(distances);
    }

    @Test
    void swdGrowsStepByStepAsRealSlicesAreNoisedMore() {
        double[] deviations = {0, 0.1, 0.2, 0.3};
        double[] distances = new double[deviations.length];
        for (int i = 0; i < deviations.length; i++) {
            distances[i] = SlicedWasserstein.distance(reference, Degraded.noised(real, deviations[i], 3), SEED);
        }
        System.out.println("SWD by noise deviation 0, 0.1, 0.2, 0.3: " + Arrays.toString(distances));
        assertIncreasing(distances);
    }

    @Test
    void identicalSetsAreAtZeroForBoth() {
        assertEquals(0, SlicedWasserstein.distance(real, real.dup(), SEED), 1e-9);
        assertEquals(0, IntensityDistance.between(real, real.dup()), 1e-12);
    }

    @Test
    void aBrightnessShiftMovesTheHistogramDistanceNotTheSwd() {
        INDArray brighter = Degraded.brightened(real, 0.1);
        double swdFloor = SlicedWasserstein.distance(reference, real, SEED);
        double swdShifted = SlicedWasserstein.distance(reference, brighter, SEED);
        double intensityFloor = IntensityDistance.between(reference, real);
        double intensityShifted = IntensityDistance.between(reference, brighter);
        System.out.printf("shift 0.1: SWD %.2f -> %.2f, intensity distance %.4f -> %.4f%n", swdFloor, swdShifted,
                intensityFloor, intensityShifted);
        assertTrue(intensityShifted > 5 * intensityFloor && intensityShifted > 0.08, "intensity " + intensityShifted);
        assertTrue(Math.abs(swdShifted - swdFloor) < 0.2 * swdFloor, "SWD " + swdFloor + " -> " + swdShifted);
    }

    private static void assertIncreasing(double[] values) {
        for (int i = 1; i < values.length; i++) {
            assertTrue(values[i] > 1.05 * values[i - 1], "not growing steadily: " + Arrays.toString(values));
        }
    }
}
