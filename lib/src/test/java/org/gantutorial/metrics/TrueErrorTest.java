package org.gantutorial.metrics;

import org.gantutorial.patterns.Pattern;
import org.gantutorial.patterns.Patterns;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrueErrorTest {
    private final Pattern circle = Patterns.circle();

    @Test
    void identicalSetsScoreZeroAndFreshSamplesNearZero() {
        INDArray real = circle.sample(1_000, new Random(1));
        assertEquals(0, TrueError.of(real, real, circle.box()), 1e-12);
        assertTrue(TrueError.of(circle.sample(1_000, new Random(2)), real, circle.box()) < 0.01);
    }

    @Test
    void aShiftedSetScoresAboutTheShift() {
        INDArray real = circle.sample(1_000, new Random(1));
        INDArray shifted = real.dup();
        shifted.getColumn(0).addi(0.2);   // a tenth of the box width
        double error = TrueError.of(shifted, real, circle.box());
        assertTrue(error > 0.05 && error < 0.25, "error " + error);
    }

    @Test
    void coveringOnlyHalfTheCurveIsPenalised() {
        INDArray real = circle.sample(1_000, new Random(1));
        Pattern upperHalf = Pattern.curve("half", Math::cos, Math::sin, 0, Math.PI);
        double error = TrueError.of(upperHalf.sample(1_000, new Random(2)), real, circle.box());
        assertTrue(error > 0.1, "a half circle must not pass for a circle: " + error);
    }

    @Test
    void errorIsMeasuredInBoxUnits() {
        Pattern sine = Patterns.sine();
        Pattern tallSine = Pattern.function("tall sine", x -> 100 * Math.sin(x), -Math.PI, Math.PI);
        INDArray real = sine.sample(1_000, new Random(1));
        INDArray tallReal = tallSine.sample(1_000, new Random(1));
        INDArray lifted = real.dup();
        lifted.getColumn(1).addi(0.2);
        INDArray tallLifted = tallReal.dup();
        tallLifted.getColumn(1).addi(20);
        assertEquals(TrueError.of(lifted, real, sine.box()), TrueError.of(tallLifted, tallReal, tallSine.box()), 1e-4);
    }
}
