package org.gantutorial.training;

import java.io.Serializable;

/**
 * What we measure at one evaluation point. The losses and D's accuracy come from the
 * adversarial game; {@code quality} is a measure that knows the real data (the 1D GAN's true
 * error, the image GAN's sliced Wasserstein distance): lower is better, and it is the number
 * that tells whether the generator is any good. {@code realScore} and {@code fakeScore} are
 * D's mean output on real and on generated examples, D(x) and D(G(z)); NaN where not measured.
 */
public record Evaluation(int iteration, double discriminatorLoss, double generatorLoss,
                         double accuracyOnReal, double accuracyOnFake, double quality,
                         double realScore, double fakeScore) implements Serializable {

    /** An evaluation without D's mean outputs. */
    public Evaluation(int iteration, double discriminatorLoss, double generatorLoss,
                      double accuracyOnReal, double accuracyOnFake, double quality) {
        this(iteration, discriminatorLoss, generatorLoss, accuracyOnReal, accuracyOnFake, quality, Double.NaN, Double.NaN);
    }

    /** D's accuracy over real and fake together. */
    public double accuracy() {
        return (accuracyOnReal + accuracyOnFake) / 2;
    }
}
