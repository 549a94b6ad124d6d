package org.gantutorial.patterns;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatternsTest {
    private static final int N = 2_000;

    private static double[][] sample(Pattern pattern) {
        return pattern.sample(N, new Random(1)).toDoubleMatrix();
    }

    @Test
    void sinePointsLieOnTheSineOverMinusPiToPi() {
        for (double[] p : sample(Patterns.sine())) {
            assertTrue(p[0] >= -Math.PI - 1e-6 && p[0] <= Math.PI + 1e-6);
            assertEquals(Math.sin(p[0]), p[1], 1e-5);
        }
    }

    @Test
    void squareWaveTakesOnlyPlusAndMinusOne() {
        for (double[] p : sample(Patterns.square())) {
            assertEquals(1.0, Math.abs(p[1]), 1e-6);
            assertEquals(Math.signum(Math.sin(p[0])), p[1], 1e-6);
        }
    }

    @Test
    void parabolaAndSawtoothStayInTheirRanges() {
        for (double[] p : sample(Patterns.parabola())) {
            assertEquals(p[0] * p[0], p[1], 1e-5);
            assertTrue(p[0] >= -1 - 1e-6 && p[0] <= 1 + 1e-6);
        }
        int falling = 0;
        for (double[] p : sample(Patterns.sawtooth())) {
            assertTrue(p[1] >= -1 && p[1] < 1, "sawtooth y out of [-1, 1): " + p[1]);
            falling += p[0] > 0 ? 1 : 0;
        }
        assertTrue(falling > N / 3, "both teeth should be sampled");
    }

    @Test
    void circleIsTheUnitCircleAllAround() {
        int[] quadrants = new int[4];
        for (double[] p : sample(Patterns.circle())) {
            assertEquals(1.0, Math.hypot(p[0], p[1]), 1e-5);
            quadrants[(p[0] >= 0 ? 0 : 1) + (p[1] >= 0 ? 0 : 2)]++;
        }
        for (int count : quadrants) {
            assertTrue(count > N / 6, "every quadrant should be sampled");
        }
        assertEquals(new BoundingBox(-1, 1, -1, 1).width(), Patterns.circle().box().width(), 1e-6);
    }

    @Test
    void readerMadePatternGetsItsBoxAndFollowsANewRange() {
        Pattern cubic = Pattern.function("cubic", x -> x * x * x, -2, 1);
        assertEquals(-8, cubic.box().yMin(), 1e-9);
        assertEquals(1, cubic.box().yMax(), 1e-9);
        Pattern wider = cubic.withRange(-1, 3);
        assertEquals(27, wider.box().yMax(), 1e-9);
        for (double[] p : wider.sample(100, new Random(2)).toDoubleMatrix()) {
            assertTrue(p[0] >= -1 - 1e-6 && p[0] <= 3 + 1e-6);
        }
    }

    @Test
    void trainingCoordinatesSpanTheFixedSquareAndMapBack() {
        Pattern cubic = Pattern.function("cubic", x -> x * x * x, 0, 10);
        INDArray training = cubic.sampleForTraining(N, new Random(3));
        // The taller side (y, 0 to 1000) spans [-3, 3]; the shorter one keeps at least [-1, 1].
        assertEquals(3, training.getColumn(1).amaxNumber().doubleValue(), 0.05);
        assertEquals(1, training.getColumn(0).amaxNumber().doubleValue(), 0.05);
        for (double[] p : cubic.fromTraining(training).toDoubleMatrix()) {
            assertEquals(p[0] * p[0] * p[0], p[1], 1e-3 * Math.max(1, p[1]));
        }
    }

    @Test
    void trainingCoordinatesKeepTheShapeOfAWidePattern() {
        INDArray sine = Patterns.sine().sampleForTraining(N, new Random(4));
        assertEquals(3, sine.getColumn(0).amaxNumber().doubleValue(), 0.05);
        assertEquals(1, sine.getColumn(1).amaxNumber().doubleValue(), 0.05);   // 3 / pi, raised to the minimum 1
    }

    @Test
    void badNamesAndRangesSayWhatToDo() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> Patterns.named("zigzag"));
        assertTrue(unknown.getMessage().contains("sine, square, parabola, sawtooth, circle"));
        assertThrows(IllegalArgumentException.class, () -> Pattern.function("backwards", Math::sin, 1, -1));
        var infinite = assertThrows(IllegalArgumentException.class, () -> Pattern.function("log", Math::log, 0, 1));
        assertTrue(infinite.getMessage().contains("not finite"));
    }
}
