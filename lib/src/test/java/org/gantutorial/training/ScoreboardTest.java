package org.gantutorial.training;

import org.gantutorial.history.Measure;
import org.gantutorial.history.Verdict;
import org.gantutorial.history.Verdict.Call;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreboardTest {
    private static Verdict verdict(Call call, double loss, double output, double accuracy) {
        return new Verdict(call, loss, output, accuracy);
    }

    @Test
    void anEvaluationAveragesTheVerdictsSinceTheLastOne() {
        var board = new Scoreboard(new Measure("SWD", 10), 3);
        board.add(verdict(Call.DISCRIMINATOR_ON_REAL, 0.4, 0.7, 0.8));
        board.add(verdict(Call.DISCRIMINATOR_ON_FAKE, 0.6, 0.3, 0.9));
        board.add(verdict(Call.GENERATOR_THROUGH_DISCRIMINATOR, 1.2, 0.1, 1.0));
        board.add(verdict(Call.DISCRIMINATOR_ON_REAL, 0.2, 0.9, 1.0));
        board.evaluate(2, 42);

        var e = board.history().last();
        assertEquals(2, e.iteration());
        assertEquals(((0.4 + 0.2) / 2 + 0.6) / 2, e.discriminatorLoss(), 1e-12, "D's loss: the mean of its real and fake losses");
        assertEquals(1.2, e.generatorLoss(), 1e-12);
        assertEquals(0.9, e.accuracyOnReal(), 1e-12);
        assertEquals((0.9 + 1.0) / 2, e.accuracyOnFake(), 1e-12, "every call that judged G's examples counts");
        assertEquals(0.8, e.realScore(), 1e-12);
        assertEquals(0.2, e.fakeScore(), 1e-12);
        assertEquals(42, board.measure().last());

        board.add(verdict(Call.DISCRIMINATOR_ON_REAL, 1.0, 0.5, 0.5));
        board.evaluate(4, 40);
        assertEquals(1.0, board.history().last().discriminatorLoss(), 1e-12, "only the verdicts since the last evaluation");
        assertTrue(Double.isNaN(board.history().last().fakeScore()), "no call judged G's examples");
    }

    @Test
    void theHealthMonitorSpeaksOnceWhenDStaysOutOfRange() {
        var board = new Scoreboard(new Measure("true error", 0), 2);
        for (int i = 1; i <= 4; i++) {
            board.add(verdict(Call.DISCRIMINATOR_ON_REAL, 0.01, 0.99, 1.0));
            board.add(verdict(Call.DISCRIMINATOR_ON_FAKE, 0.01, 0.01, 1.0));
            var warning = board.evaluate(i, 0.5);
            assertEquals(i == 2, warning.isPresent(), "iteration " + i);
        }
        assertTrue(board.stalled());
        assertEquals(1, board.warnings().size());
        assertTrue(board.warnings().get(0).contains("wins too easily"));
    }
}
