package org.gantutorial.cli;

import org.gantutorial.Tutorial;
import org.gantutorial.models.Discriminator1d;
import org.gantutorial.models.Gan1dConfig;
import org.gantutorial.models.Generator1d;
import org.gantutorial.patterns.Patterns;
import org.gantutorial.training.Discriminator;
import org.gantutorial.training.GanRound;
import org.gantutorial.training.Generator;

import java.util.Random;

/** One full iteration (D on real, D on fake, G through D) of the reference 1D GAN on the sine. */
final class Gan1dBenchmark implements Benchmark {
    @Override
    public String label() {
        return "gan1d ms/iter";
    }

    @Override
    public int warmUpIterations() {
        // The JIT settles the lean step's call chains late: iterations kept getting faster up to about the 5,000th.
        return 6_000;
    }

    @Override
    public int iterationsPerBlock() {
        return 300;
    }

    @Override
    public Runnable prepare() {
        Tutorial.setUp(Tutorial.Networks.SMALL);
        Gan1dConfig config = Gan1dConfig.defaults();
        var generator = new Generator(Generator1d.build(config));
        var discriminator = new Discriminator(Discriminator1d.build(config));
        var pattern = Patterns.sine();
        var random = new Random(config.seed());
        int half = config.batchSize() / 2;
        return () -> GanRound.play(generator, discriminator, pattern.sampleForTraining(half, random),
                config.noise(config.batchSize(), random), verdict -> { });
    }
}
