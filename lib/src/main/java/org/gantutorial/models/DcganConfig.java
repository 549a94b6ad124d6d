package org.gantutorial.models;

/**
 * The image GAN's knobs. The defaults are the reference 64x64 configuration (Radford et al.'s
 * DCGAN, scaled down): latent 100; G: dense to 4x4x256, then transpose convolutions
 * 256 -> 128 -> 64 -> 32 -> 1; D: convolutions 1 -> 32 -> 64 -> 128 -> 256, then one sigmoid;
 * Adam 2e-4 with beta1 0.5; batches of 64 (32 real + 32 fake for D, 64 for G).
 *
 * @param imageSize                 side of the square slices: 32, 64, 128 or 256
 * @param latentSize                length of the noise vector z
 * @param baseWidth                 channels of G's last hidden block and D's first block; each
 *                                  block further from the image doubles it
 * @param generatorLearningRate     Adam step size for G
 * @param discriminatorLearningRate Adam step size for D
 * @param beta1                     Adam's momentum; 0.5 instead of 0.9 keeps the game from oscillating
 * @param batchSize                 G's batch; D sees half of it real and half fake
 * @param seed                      weight initialisation seed (D uses seed + 1)
 */
public record DcganConfig(int imageSize, int latentSize, int baseWidth, double generatorLearningRate,
                          double discriminatorLearningRate, double beta1, int batchSize, long seed)
        implements java.io.Serializable {

    public DcganConfig {
        if (imageSize < 8 || Integer.bitCount(imageSize) != 1) {
            throw new IllegalArgumentException("image size " + imageSize + " is not a power of two of at least 8; use 32, 64, 128 or 256");
        }
        if (latentSize < 1 || baseWidth < 1 || batchSize < 2 || batchSize % 2 != 0) {
            throw new IllegalArgumentException("latent size, base width must be positive and the batch size even (got "
                    + latentSize + ", " + baseWidth + ", " + batchSize + ")");
        }
    }

    /** The reference 64x64 configuration. */
    public static DcganConfig reference() {
        return new DcganConfig(64, 100, 32, 2e-4, 2e-4, 0.5, 64, 42);
    }

    /** Up-sampling blocks in G (and down-sampling blocks in D): 4x4 to the image size. */
    public int blocks() {
        return Integer.numberOfTrailingZeros(imageSize / 4);
    }

    /** Channels of G's first 4x4 feature map (and D's last): 256 for the reference. */
    public int deepestWidth() {
        return baseWidth << (blocks() - 1);
    }

    public DcganConfig withImageSize(int size) {
        return new DcganConfig(size, latentSize, baseWidth, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, seed);
    }

    public DcganConfig withLatentSize(int size) {
        return new DcganConfig(imageSize, size, baseWidth, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, seed);
    }

    public DcganConfig withBaseWidth(int width) {
        return new DcganConfig(imageSize, latentSize, width, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, seed);
    }

    public DcganConfig withLearningRates(double generator, double discriminator) {
        return new DcganConfig(imageSize, latentSize, baseWidth, generator, discriminator, beta1, batchSize, seed);
    }

    public DcganConfig withBatchSize(int size) {
        return new DcganConfig(imageSize, latentSize, baseWidth, generatorLearningRate, discriminatorLearningRate, beta1, size, seed);
    }

    public DcganConfig withSeed(long newSeed) {
        return new DcganConfig(imageSize, latentSize, baseWidth, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, newSeed);
    }
}
