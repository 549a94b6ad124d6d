package org.gantutorial.training;

import org.gantutorial.history.Evaluation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthMonitorTest {
    private static Evaluation withAccuracy(int iteration, double accuracy) {
        return new Evaluation(iteration, 0.7, 0.7, accuracy, accuracy, 0.5, 0.5);
    }

    @Test
    void warnsOnlyAfterDStaysAbove90PercentForThePatience() {
        var monitor = HealthMonitor.tutorialDefaults(3);
        assertTrue(monitor.check(withAccuracy(1, 0.95)).isEmpty());
        assertTrue(monitor.check(withAccuracy(2, 0.97)).isEmpty());
        var warning = monitor.check(withAccuracy(3, 0.99));
        assertTrue(warning.isPresent());
        assertTrue(warning.get().contains("iteration 3") && warning.get().contains("wins too easily"));
        assertTrue(monitor.stalled());
    }

    @Test
    void aHealthyEvaluationResetsTheCountAndLowAccuracyIsNamed() {
        var monitor = HealthMonitor.tutorialDefaults(2);
        monitor.check(withAccuracy(1, 0.05));
        assertTrue(monitor.check(withAccuracy(2, 0.5)).isEmpty());
        assertFalse(monitor.stalled());
        monitor.check(withAccuracy(3, 0.05));
        var warning = monitor.check(withAccuracy(4, 0.02));
        assertTrue(warning.orElseThrow().contains("fooled"));
    }
}
