package org.gantutorial.training;

import org.gantutorial.history.Verdict;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.function.Consumer;

/**
 * One iteration of the adversarial game, the same lines that notebooks 04 and 07 write out in
 * their training loops: for the command line, the benchmarks and the tests, which train without
 * a notebook. Edit the notebooks' loops to experiment; this one stays the reference.
 */
public final class GanRound {
    private GanRound() {
    }

    /**
     * G draws a batch of fakes from {@code noise}; D learns from {@code real} (label 1) and, in a
     * separate call, from as many of the fakes (label 0), then takes one Adam step; G learns
     * through D from all of its fakes. Each call's verdict goes to {@code verdicts}.
     */
    public static void play(Generator generator, Discriminator discriminator, INDArray real, INDArray noise,
                            Consumer<Verdict> verdicts) {
        play(generator, discriminator, real, Label.REAL, noise, verdicts);
    }

    /** The same round with D told that the real batch is {@code realLabel} (0.9: one-sided label smoothing). */
    public static void play(Generator generator, Discriminator discriminator, INDArray real, Label realLabel, INDArray noise,
                            Consumer<Verdict> verdicts) {
        INDArray fake = generator.generate(noise);
        verdicts.accept(discriminator.learnFrom(real, realLabel));
        verdicts.accept(discriminator.learnFrom(Batches.first(real.size(0), fake), Label.FAKE));
        discriminator.step();
        verdicts.accept(generator.learnThrough(discriminator, fake));
    }
}
