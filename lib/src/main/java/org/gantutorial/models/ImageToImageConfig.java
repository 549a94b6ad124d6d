package org.gantutorial.models;

/**
 * The knobs of notebook 08's image-to-image networks (after pix2pix, Isola et al. 2017): a U-Net
 * generator that turns a degraded slice into a full-quality one, and a patch discriminator that
 * judges the pair (degraded slice, candidate) patch by patch.
 *
 * @param imageSize                 side of the square slices: 32, 64, 128 or 256
 * @param restorerWidth            the U-Net's channels at full size; each level further down doubles them
 * @param depth                     how many times the U-Net halves the side before it builds the slice back up
 * @param patchWidth        channels of D's first block; each further block doubles them
 * @param restorerLearningRate     Adam step size for G
 * @param patchLearningRate Adam step size for D
 * @param beta1                     Adam's momentum (0.5, as in pix2pix and DCGAN)
 * @param batchSize                 slice pairs per training step
 * @param l1Weight                  weight of the pixel-by-pixel L1 term in G's step; the adversarial term has weight 1
 * @param seed                      weight initialisation seed (the patch discriminator's: {@link #patchSeed()})
 */
public record ImageToImageConfig(int imageSize, int restorerWidth, int depth, int patchWidth,
                                 double restorerLearningRate, double patchLearningRate, double beta1,
                                 int batchSize, double l1Weight, long seed) implements java.io.Serializable {

    public ImageToImageConfig {
        if (imageSize < 16 || Integer.bitCount(imageSize) != 1) {
            throw new IllegalArgumentException("image size " + imageSize + " is not a power of two of at least 16; use 32, 64, 128 or 256");
        }
        if (depth < 1 || imageSize >> depth < 4) {
            throw new IllegalArgumentException("a U-Net of depth " + depth + " halves a " + imageSize + "-pixel slice below 4 pixels; "
                    + "use a depth from 1 to " + (Integer.numberOfTrailingZeros(imageSize) - 2));
        }
        if (restorerWidth < 1 || patchWidth < 1 || batchSize < 1 || !(l1Weight >= 0)) {
            throw new IllegalArgumentException("widths and batch size must be positive and the L1 weight at least 0 (got "
                    + restorerWidth + ", " + patchWidth + ", " + batchSize + ", " + l1Weight + ")");
        }
    }

    /**
     * Notebook 08's defaults at 64x64: a three-level U-Net of width 16, batches of 16, pix2pix's L1 weight 100 and
     * D's rate 2e-4; G learns at 5e-4, 2.5 times pix2pix's, because the runs here are a few minutes long.
     */
    /** D's weight seed: the next after G's, so the two networks never start from the same random draws. */
    public long patchSeed() {
        return seed + 1;
    }

    public static ImageToImageConfig defaults() {
        return new ImageToImageConfig(64, 16, 3, 16, 5e-4, 2e-4, 0.5, 16, 100, 7);
    }

    public ImageToImageConfig withImageSize(int size) {
        return new ImageToImageConfig(size, restorerWidth, Math.min(depth, Integer.numberOfTrailingZeros(size) - 2), patchWidth,
                restorerLearningRate, patchLearningRate, beta1, batchSize, l1Weight, seed);
    }

    public ImageToImageConfig withRestorerWidth(int width) {
        return new ImageToImageConfig(imageSize, width, depth, patchWidth, restorerLearningRate, patchLearningRate, beta1, batchSize, l1Weight, seed);
    }

    public ImageToImageConfig withDepth(int levels) {
        return new ImageToImageConfig(imageSize, restorerWidth, levels, patchWidth, restorerLearningRate, patchLearningRate, beta1, batchSize, l1Weight, seed);
    }

    public ImageToImageConfig withPatchWidth(int width) {
        return new ImageToImageConfig(imageSize, restorerWidth, depth, width, restorerLearningRate, patchLearningRate, beta1, batchSize, l1Weight, seed);
    }

    public ImageToImageConfig withLearningRates(double generator, double discriminator) {
        return new ImageToImageConfig(imageSize, restorerWidth, depth, patchWidth, generator, discriminator, beta1, batchSize, l1Weight, seed);
    }

    public ImageToImageConfig withBatchSize(int size) {
        return new ImageToImageConfig(imageSize, restorerWidth, depth, patchWidth, restorerLearningRate, patchLearningRate, beta1, size, l1Weight, seed);
    }

    public ImageToImageConfig withL1Weight(double weight) {
        return new ImageToImageConfig(imageSize, restorerWidth, depth, patchWidth, restorerLearningRate, patchLearningRate, beta1, batchSize, weight, seed);
    }

    public ImageToImageConfig withSeed(long newSeed) {
        return new ImageToImageConfig(imageSize, restorerWidth, depth, patchWidth, restorerLearningRate, patchLearningRate, beta1, batchSize, l1Weight, newSeed);
    }
}
