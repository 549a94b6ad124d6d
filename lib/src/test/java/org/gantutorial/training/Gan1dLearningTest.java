package org.gantutorial.training;

import org.gantutorial.Tutorial;
import org.gantutorial.models.Discriminator1d;
import org.gantutorial.models.Gan1dConfig;
import org.gantutorial.models.Generator1d;
import org.gantutorial.patterns.Pattern;
import org.gantutorial.patterns.Patterns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tutorial's promise, checked: with the default settings the GAN learns the sine, the square
 * wave and the circle (true error at most 0.03, seeded), and it does not when the loop leaves out
 * the generator's step.
 */
class Gan1dLearningTest {
    private static final double LEARNED = 0.03;

    @BeforeAll
    static void setUp() {
        Tutorial.setUp(Tutorial.Networks.SMALL);
    }

    private static void assertLearned(Pattern pattern) {
        var run = PatternTraining.train(pattern, Gan1dConfig.defaults(), new PatternSchedule(600, 2), true);
        double error = run.trueError().last();
        assertTrue(error <= LEARNED, pattern.name() + " ended at true error " + error);
    }

    @Test
    void learnsTheSine() {
        assertLearned(Patterns.sine());
    }

    @Test
    void learnsTheSquareWave() {
        assertLearned(Patterns.square());
    }

    @Test
    void learnsTheCircle() {
        assertLearned(Patterns.circle());
    }

    @Test
    void aLoopWithoutTheGeneratorsStepStaysFarFromThePattern() {
        var config = Gan1dConfig.defaults().withIterations(1_000);
        var pattern = Patterns.sine();
        var generator = new Generator(Generator1d.build(config));
        var discriminator = new Discriminator(Discriminator1d.build(config));
        var watch = new PatternWatch(pattern, config, generator, config.iterations() / 5, 6).quiet();
        var random = new Random(config.seed());
        for (int iteration = 1; iteration <= config.iterations(); iteration++) {
            var fake = generator.generate(config.noise(64, random));
            watch.add(discriminator.learnFrom(pattern.sampleForTraining(64, random), Label.REAL));
            watch.add(discriminator.learnFrom(fake, Label.FAKE));
            discriminator.step();
            watch.after(iteration);
        }
        var run = watch.finish(discriminator);
        assertTrue(run.trueError().last() > 0.1, "a generator that never learns must not look learned: " + run.trueError().last());
        assertTrue(run.history().last().discriminatorLoss() < 0.5, "D still learns to tell them apart");
        assertTrue(Double.isNaN(run.history().last().generatorLoss()), "no G call, no G loss");
        assertEquals(6, run.snapshots().size());
    }
}
