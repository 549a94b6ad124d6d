package org.gantutorial.training;

import org.gantutorial.models.Gan1dConfig;
import org.gantutorial.patterns.Pattern;
import org.gantutorial.patterns.Patterns;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tutorial's promise, checked: with the default settings the GAN learns the sine, the square
 * wave and the circle (true error at most 0.03, seeded), and it does not when the generator cannot learn.
 */
class Gan1dLearningTest {
    private static final double LEARNED = 0.03;

    private static Gan1dRun train(Pattern pattern, int iterations, boolean trainGenerator) {
        var config = Gan1dConfig.defaults().withIterations(iterations);
        return new Gan1dTrainer(pattern, config).evaluations(5).showProgress(false)
                .trainGenerator(trainGenerator).train();
    }

    private static void assertLearned(Pattern pattern, int iterations) {
        var run = train(pattern, iterations, true);
        assertTrue(run.trueError() <= LEARNED,
                pattern.name() + " ended at true error " + run.trueError() + " after " + iterations + " iterations");
    }

    @Test
    void learnsTheSine() {
        assertLearned(Patterns.sine(), 3_000);
    }

    @Test
    void learnsTheSquareWave() {
        assertLearned(Patterns.square(), 3_000);
    }

    @Test
    void learnsTheCircle() {
        assertLearned(Patterns.circle(), 3_000);
    }

    @Test
    void aGeneratorThatCannotLearnStaysFarFromThePattern() {
        var run = train(Patterns.sine(), 1_000, false);
        assertTrue(run.trueError() > 0.1, "a frozen generator must not look learned: " + run.trueError());
        assertEquals(6, run.snapshots().size());
    }
}
