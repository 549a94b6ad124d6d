package org.gantutorial.history;

import java.io.Serializable;

/**
 * What the discriminator made of one batch in one training call: the call's loss, D's mean output
 * (D(x) on real examples, D(G(z)) on generated ones) and how often D was right. D counts as
 * calling an example real when its output is above one half.
 *
 * @param call       which of the loop's three calls judged the batch
 * @param loss       the call's binary cross-entropy, mean per example: D's loss in the first two
 *                   calls, G's loss (D's verdict against the label "real") in the third
 * @param meanOutput D's mean output on the batch
 * @param accuracy   the fraction of the batch D judged correctly: real examples called real,
 *                   generated ones called fake (in every call, whatever label the call trained towards)
 */
public record Verdict(Call call, double loss, double meanOutput, double accuracy) implements Serializable {

    /** The three calls of one training iteration. */
    public enum Call {
        /** D learns from a real batch (label 1). */
        DISCRIMINATOR_ON_REAL,
        /** D learns from a batch of generated examples (label 0). */
        DISCRIMINATOR_ON_FAKE,
        /** G learns through D, which judges G's examples against the label "real". */
        GENERATOR_THROUGH_DISCRIMINATOR;

        /** Whether the batch this call judged was made by the generator. */
        public boolean judgesGenerated() {
            return this != DISCRIMINATOR_ON_REAL;
        }
    }

    /** The verdict of {@code call} on a batch to which D gave {@code outputs}, with the loss against {@code label}. */
    public static Verdict of(Call call, double label, double[] outputs) {
        boolean real = !call.judgesGenerated();
        double loss = 0, sum = 0, right = 0;
        for (double p : outputs) {
            loss += crossEntropy(p, label);
            sum += p;
            right += (p > 0.5) == real ? 1 : 0;
        }
        int n = outputs.length;
        return new Verdict(call, loss / n, sum / n, right / n);
    }

    /** Binary cross-entropy of one output against its label, clipped as DL4J clips it. */
    private static double crossEntropy(double p, double label) {
        double eps = 1e-5;
        double clipped = Math.min(1 - eps, Math.max(eps, p));
        return -(label * Math.log(clipped) + (1 - label) * Math.log(1 - clipped));
    }
}
