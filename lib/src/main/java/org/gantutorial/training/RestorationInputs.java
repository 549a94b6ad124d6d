package org.gantutorial.training;

import org.gantutorial.models.ImageToImageConfig;

/**
 * Notebook 08's Inputs for the restorers as one record. {@code ./gan train-sr}'s options and their help
 * start from {@link #defaults()}, and a test checks that notebook 08's Inputs cell says the same.
 *
 * @param model                 the U-Net, the patch discriminator and their optimisers
 * @param degradation           what is lost from the slices the restorers are given
 * @param heldBackScan          the whole-head sample scan kept out of training, to measure on
 * @param l1Iterations          steps with the L1 loss alone
 * @param adversarialIterations further steps with D added, from the L1 model's weights
 * @param evaluateEvery         steps between measurements on the held-back scan
 * @param inventedDifference    difference from input and truth (of the range 2) that counts as invented
 * @param inventedPixels        the smallest invented region that counts as a structure
 */
public record RestorationInputs(ImageToImageConfig model, Degradation degradation, String heldBackScan, int l1Iterations,
                                int adversarialIterations, int evaluateEvery, double inventedDifference, int inventedPixels) {

    public RestorationInputs {
        if (l1Iterations < 1 || adversarialIterations < 1 || evaluateEvery < 1 || inventedPixels < 1) {
            throw new IllegalArgumentException("iterations, evaluateEvery and inventedPixels must be at least 1 (got "
                    + l1Iterations + ", " + adversarialIterations + ", " + evaluateEvery + ", " + inventedPixels + ")");
        }
    }

    /** Notebook 08's defaults: 4x downsampled 64x64 slices of four scans, the fifth (almi5) held back. */
    public static RestorationInputs defaults() {
        return new RestorationInputs(ImageToImageConfig.defaults(), Degradation.downsampled(4), "almi5", 1200, 800, 100, 0.25, 5);
    }
}
