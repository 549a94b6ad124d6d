package org.gantutorial.training;

import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.DcganConfig.Augmentation;
import org.gantutorial.mr.SliceOptions.Levels;

/**
 * Notebook 07's Inputs as one record: the networks' knobs, the levels of the heads, how long and how
 * often, and the SWD's sample size. {@code ./gan train-mr}'s options and their help start from
 * {@link #defaults()}, and a test checks that notebook 07's Inputs cell says the same.
 *
 * @param model      the networks and their optimisers (notebook 06's knobs)
 * @param levels     which levels of the sample heads the GAN trains on
 * @param schedule   the iteration to train up to, and the steps between evaluations, pictures and checkpoints
 * @param swdSamples slices per set for the sliced Wasserstein distance
 */
public record ImageGanInputs(DcganConfig model, Levels levels, ImageSchedule schedule, int swdSamples) {
    /**
     * The iterations of the default run: with the rates below, 1,800 reached what 3,000 reference steps reach; 300 more
     * fit the default run's minutes and lowered the SWD further (docs/experiments.md).
     */
    public static final int ITERATIONS = 2100;

    public ImageGanInputs {
        if (swdSamples < 2) {
            throw new IllegalArgumentException("swdSamples must be at least 2 (two sets of slices are compared), not " + swdSamples);
        }
    }

    /**
     * The default run (docs/experiments.md): the reference networks at half their width, D seeing shifted slices and told
     * "0.9 real" of real ones, G learning at 1.5 times the reference rate and D at half G's, pictures from an average of
     * about the last 100 steps of G, on the ventricle levels.
     */
    public static ImageGanInputs defaults() {
        var model = DcganConfig.reference().withImageSize(64).withGeneratorWidth(16).withDiscriminatorWidth(16)
                .withAugmentation(Augmentation.TRANSLATION).withLearningRates(3e-4, 1.5e-4).withAverageDecay(0.99)
                .withRealLabel(0.9).withSeed(7);
        return new ImageGanInputs(model, Levels.VENTRICLES, ImageSchedule.of(ITERATIONS), 256);
    }
}
