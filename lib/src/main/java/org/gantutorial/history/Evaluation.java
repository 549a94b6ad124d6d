package org.gantutorial.history;

import java.io.Serializable;

/**
 * The adversarial game at one moment of training: the {@link Verdict}s of the iterations since
 * the previous evaluation, averaged. {@code realScore} and {@code fakeScore} are D's mean output
 * on real and on generated examples, D(x) and D(G(z)); NaN where the loop made no such call.
 *
 * @param discriminatorLoss D's loss: the mean of its losses on real and on fake batches
 * @param generatorLoss     G's loss: D's verdict on G's examples against the label "real"
 * @param accuracyOnReal    how often D called a real example real
 * @param accuracyOnFake    how often D called a generated example fake
 */
public record Evaluation(int iteration, double discriminatorLoss, double generatorLoss,
                         double accuracyOnReal, double accuracyOnFake,
                         double realScore, double fakeScore) implements Serializable {

    /** D's accuracy over real and generated examples together. */
    public double accuracy() {
        return (accuracyOnReal + accuracyOnFake) / 2;
    }
}
