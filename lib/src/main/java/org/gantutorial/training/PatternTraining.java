package org.gantutorial.training;

import org.gantutorial.models.Discriminator1d;
import org.gantutorial.models.Gan1dConfig;
import org.gantutorial.models.Generator1d;
import org.gantutorial.patterns.Pattern;

import java.util.Random;

/**
 * Notebook 04's training loop for one pattern, for {@code ./gan train-1d} and the tests: fresh
 * networks, then {@link GanRound}s, at a tenth of the learning rates from the config's
 * {@code settleFrom} on, with a {@link PatternWatch} measuring the true error.
 */
public final class PatternTraining {
    private PatternTraining() {
    }

    /**
     * Trains a fresh pair of networks on {@code pattern} for {@code config.iterations()} iterations.
     *
     * @param schedule how often to measure the true error, and how many snapshots of the generated points to keep
     * @param quiet    no progress line or printed warnings
     */
    public static Gan1dRun train(Pattern pattern, Gan1dConfig config, PatternSchedule schedule, boolean quiet) {
        var generator = new Generator(Generator1d.build(config));
        var discriminator = new Discriminator(Discriminator1d.build(config));
        var watch = new PatternWatch(pattern, config, generator, schedule.evaluateEvery(), schedule.snapshots());
        if (quiet) {
            watch.quiet();
        }
        var random = new Random(config.seed());
        int half = config.batchSize() / 2;
        for (int iteration = 1; iteration <= config.iterations() && watch.keepGoing(); iteration++) {
            if (iteration == config.settleIteration()) {
                generator.setLearningRate(config.generatorLearningRate() / 10);
                discriminator.setLearningRate(config.discriminatorLearningRate() / 10);
            }
            GanRound.play(generator, discriminator, pattern.sampleForTraining(half, random),
                    config.noise(config.batchSize(), random), watch::add);
            watch.after(iteration);
        }
        return watch.finish(discriminator);
    }
}
