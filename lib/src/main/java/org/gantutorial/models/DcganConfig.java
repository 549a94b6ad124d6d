package org.gantutorial.models;

/**
 * The image GAN's knobs. The defaults are the reference 64x64 configuration (Radford et al.'s
 * DCGAN, scaled down): latent 100; G: dense to 4x4x256, then transpose convolutions
 * 256 -> 128 -> 64 -> 32 -> 1; D: convolutions 1 -> 32 -> 64 -> 128 -> 256, then one sigmoid;
 * Adam 2e-4 with beta1 0.5; batches of 64 (32 real + 32 fake for D, 64 for G).
 *
 * @param imageSize                 side of the square slices: 32, 64, 128 or 256
 * @param latentSize                length of the noise vector z
 * @param generatorWidth            channels of G's last hidden block; each block further from the image doubles it
 * @param discriminatorWidth        channels of D's first block; each block further from the image doubles it
 * @param outputBlock               how G's last block doubles the side to the image
 * @param augmentation              what D's inputs, real and fake alike, go through before D sees them
 * @param generatorLearningRate     Adam step size for G
 * @param discriminatorLearningRate Adam step size for D
 * @param beta1                     Adam's momentum; 0.5 instead of 0.9 keeps the game from oscillating
 * @param batchSize                 G's batch; D sees half of it real and half fake
 * @param averageDecay              how much of the generator average's old weights each step keeps once training is under
 *                                  way: 0.995 averages roughly the last 1 / (1 - 0.995) = 200 steps
 * @param realLabel                 what D is told a real batch is: 1 for the reference, 0.9 for one-sided label smoothing
 *                                  (Salimans et al. 2016), which keeps D from growing too sure of itself
 * @param scanWeightPower           how real batches are drawn when the slices come from several scans: each scan's share goes
 *                                  with its slice count to this power, so 1 draws every slice alike (the reference) and 0
 *                                  every scan alike; in between, a scan with few slices is drawn more often than its share
 * @param seed                      weight initialisation seed (D's: {@link #discriminatorSeed()})
 */
public record DcganConfig(int imageSize, int latentSize, int generatorWidth, int discriminatorWidth, OutputBlock outputBlock,
                          Augmentation augmentation, double generatorLearningRate, double discriminatorLearningRate, double beta1, int batchSize,
                          double averageDecay, double realLabel, double scanWeightPower, long seed)
        implements java.io.Serializable {

    /** How G's last block turns its feature maps into the image at twice their side. */
    public enum OutputBlock {
        /** The reference: one more transpose convolution (kernel 4, stride 2), like every other block. */
        TRANSPOSE_CONVOLUTION,
        /**
         * Nearest-neighbour doubling, then a 3x3 convolution: every output pixel gets the same number
         * of contributions, so the last layer cannot leave the checkerboard's fine grain
         * (Odena et al. 2016, "Deconvolution and checkerboard artifacts").
         */
        UPSAMPLE_AND_CONVOLVE
    }

    /**
     * Differentiable augmentation (Zhao et al. 2020, "DiffAugment"): every slice D sees, real or
     * fake, is changed at random first, and G learns through the same change. With only about a
     * thousand training slices D otherwise learns them by heart and wins on details, which leaves G's slices grainy.
     */
    public enum Augmentation {
        /** The reference: D sees the slices as they are. */
        NONE,
        /** Shifts each slice by up to an eighth of its side in x and y, filling with background. */
        TRANSLATION,
        /** The shift, then a grey square of half the side blanked out at a random place. */
        TRANSLATION_AND_CUTOUT
    }

    public DcganConfig {
        if (imageSize < 8 || Integer.bitCount(imageSize) != 1) {
            throw new IllegalArgumentException("image size " + imageSize + " is not a power of two of at least 8; use 32, 64, 128 or 256");
        }
        if (latentSize < 1 || generatorWidth < 1 || discriminatorWidth < 1 || batchSize < 2 || batchSize % 2 != 0) {
            throw new IllegalArgumentException("latent size and widths must be positive and the batch size even (got "
                    + latentSize + ", " + generatorWidth + ", " + discriminatorWidth + ", " + batchSize + ")");
        }
        if (!(averageDecay >= 0 && averageDecay < 1)) {
            throw new IllegalArgumentException("averageDecay is the share of the old average each step keeps, from 0 up to (not including) 1, not " + averageDecay);
        }
        if (!(realLabel >= 0.5 && realLabel <= 1)) {
            throw new IllegalArgumentException("realLabel is what D is told a real batch is, from 0.5 (unsure) to 1 (certainly real), not " + realLabel);
        }
        if (!(scanWeightPower >= 0 && scanWeightPower <= 1)) {
            throw new IllegalArgumentException("scanWeightPower runs from 0 (every scan drawn alike) to 1 (every slice drawn alike), not " + scanWeightPower);
        }
        java.util.Objects.requireNonNull(outputBlock, "outputBlock");
        java.util.Objects.requireNonNull(augmentation, "augmentation");
    }

    /** D's weight seed: the next after G's, so the two networks never start from the same random draws. */
    public long discriminatorSeed() {
        return seed + 1;
    }

    /** The reference 64x64 configuration. */
    public static DcganConfig reference() {
        return new DcganConfig(64, 100, 32, 32, OutputBlock.TRANSPOSE_CONVOLUTION, Augmentation.NONE, 2e-4, 2e-4, 0.5, 64, 0.995, 1, 1, 42);
    }

    /** {@code rows} latent vectors z for the generator, each entry standard normal, drawn with {@code random}. */
    public org.nd4j.linalg.api.ndarray.INDArray noise(int rows, java.util.Random random) {
        return Gan1dConfig.Latent.NORMAL.sample(rows, latentSize, random);
    }

    /** Up-sampling blocks in G (and down-sampling blocks in D): 4x4 to the image size. */
    public int blocks() {
        return Integer.numberOfTrailingZeros(imageSize / 4);
    }

    /** Channels of G's first 4x4 feature map: 256 for the reference. */
    public int deepestWidth() {
        return generatorWidth << (blocks() - 1);
    }

    public DcganConfig withImageSize(int size) {
        return new DcganConfig(size, latentSize, generatorWidth, discriminatorWidth, outputBlock, augmentation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, averageDecay, realLabel, scanWeightPower, seed);
    }

    public DcganConfig withLatentSize(int size) {
        return new DcganConfig(imageSize, size, generatorWidth, discriminatorWidth, outputBlock, augmentation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, averageDecay, realLabel, scanWeightPower, seed);
    }

    public DcganConfig withGeneratorWidth(int width) {
        return new DcganConfig(imageSize, latentSize, width, discriminatorWidth, outputBlock, augmentation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, averageDecay, realLabel, scanWeightPower, seed);
    }

    public DcganConfig withDiscriminatorWidth(int width) {
        return new DcganConfig(imageSize, latentSize, generatorWidth, width, outputBlock, augmentation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, averageDecay, realLabel, scanWeightPower, seed);
    }

    public DcganConfig withOutputBlock(OutputBlock block) {
        return new DcganConfig(imageSize, latentSize, generatorWidth, discriminatorWidth, block, augmentation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, averageDecay, realLabel, scanWeightPower, seed);
    }

    public DcganConfig withAugmentation(Augmentation newAugmentation) {
        return new DcganConfig(imageSize, latentSize, generatorWidth, discriminatorWidth, outputBlock, newAugmentation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, averageDecay, realLabel, scanWeightPower, seed);
    }

    public DcganConfig withLearningRates(double generator, double discriminator) {
        return new DcganConfig(imageSize, latentSize, generatorWidth, discriminatorWidth, outputBlock, augmentation, generator, discriminator, beta1, batchSize, averageDecay, realLabel, scanWeightPower, seed);
    }

    public DcganConfig withBatchSize(int size) {
        return new DcganConfig(imageSize, latentSize, generatorWidth, discriminatorWidth, outputBlock, augmentation, generatorLearningRate, discriminatorLearningRate, beta1, size, averageDecay, realLabel, scanWeightPower, seed);
    }

    public DcganConfig withAverageDecay(double decay) {
        return new DcganConfig(imageSize, latentSize, generatorWidth, discriminatorWidth, outputBlock, augmentation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, decay, realLabel, scanWeightPower, seed);
    }

    public DcganConfig withRealLabel(double label) {
        return new DcganConfig(imageSize, latentSize, generatorWidth, discriminatorWidth, outputBlock, augmentation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, averageDecay, label, scanWeightPower, seed);
    }

    public DcganConfig withScanWeightPower(double power) {
        return new DcganConfig(imageSize, latentSize, generatorWidth, discriminatorWidth, outputBlock, augmentation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, averageDecay, realLabel, power, seed);
    }

    public DcganConfig withSeed(long newSeed) {
        return new DcganConfig(imageSize, latentSize, generatorWidth, discriminatorWidth, outputBlock, augmentation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, averageDecay, realLabel, scanWeightPower, newSeed);
    }
}
