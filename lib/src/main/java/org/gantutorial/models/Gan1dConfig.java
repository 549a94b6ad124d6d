package org.gantutorial.models;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

/**
 * Everything a reader may turn for the 1D GAN. {@link #defaults()} is the reference config:
 * latent 8; G: 64 ReLU, 64 ReLU, 2 linear; D: 64 LeakyReLU(0.2), 64 LeakyReLU(0.2), 1 sigmoid;
 * Adam with beta1 0.5; 128 points per iteration (64 real, 64 fake).
 *
 * @param latentSize              length of the random vector z the generator starts from
 * @param generatorLayers         sizes of G's hidden layers
 * @param generatorActivation     G's hidden activation
 * @param discriminatorLayers     sizes of D's hidden layers
 * @param discriminatorActivation D's hidden activation
 * @param generatorLearningRate   Adam's step size for G
 * @param discriminatorLearningRate Adam's step size for D
 * @param beta1                   Adam's momentum; 0.5 (not 0.9) is the usual GAN choice
 * @param batchSize               points per iteration: half real, half fake for D; all fake for G
 * @param latent                  how z is drawn
 * @param iterations              training iterations per pattern
 * @param settleFrom              the fraction of the run after which G and D learn at a tenth of their
 *                                rates, so G's points settle onto the curve instead of jittering around it (1: never)
 * @param seed                    makes runs repeatable
 */
public record Gan1dConfig(int latentSize,
                          List<Integer> generatorLayers, IActivation generatorActivation,
                          List<Integer> discriminatorLayers, IActivation discriminatorActivation,
                          double generatorLearningRate, double discriminatorLearningRate, double beta1,
                          int batchSize, Latent latent, int iterations, double settleFrom, long seed) {

    /** The distribution of the generator's input z. */
    public enum Latent {
        /** Each entry uniform in [-1, 1]. */
        UNIFORM,
        /** Each entry standard normal. */
        NORMAL;

        /** {@code rows} latent vectors of length {@code size}, drawn with Java's random so a seed repeats exactly. */
        public INDArray sample(int rows, int size, Random random) {
            float[] values = new float[rows * size];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (this == NORMAL ? random.nextGaussian() : 2 * random.nextDouble() - 1);
            }
            return Nd4j.create(values, new long[] {rows, size}, DataType.FLOAT);
        }
    }

    public Gan1dConfig {
        generatorLayers = List.copyOf(generatorLayers);
        discriminatorLayers = List.copyOf(discriminatorLayers);
        if (latentSize < 1 || batchSize < 2 || iterations < 1) {
            throw new IllegalArgumentException("Latent size (" + latentSize + "), batch size (" + batchSize
                    + ") and iterations (" + iterations + ") must be positive, and the batch at least 2.");
        }
        if (!(settleFrom > 0 && settleFrom <= 1)) {
            throw new IllegalArgumentException("settleFrom is a fraction of the run, above 0 and at most 1 (never), not " + settleFrom);
        }
    }

    /** {@code rows} latent vectors z for the generator, drawn from {@link #latent} with {@code random}. */
    public INDArray noise(int rows, Random random) {
        return latent.sample(rows, latentSize, random);
    }

    public static Gan1dConfig defaults() {
        return new Gan1dConfig(8,
                List.of(64, 64), new ActivationReLU(),
                List.of(64, 64), new ActivationLReLU(0.2),
                1e-3, 1e-3, 0.5,
                128, Latent.NORMAL, 3_000, 0.75, 42);
    }

    public Gan1dConfig withLatentSize(int value) {
        return new Gan1dConfig(value, generatorLayers, generatorActivation, discriminatorLayers,
                discriminatorActivation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, latent,
                iterations, settleFrom, seed);
    }

    public Gan1dConfig withGenerator(List<Integer> layers, IActivation activation) {
        return new Gan1dConfig(latentSize, layers, activation, discriminatorLayers,
                discriminatorActivation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, latent,
                iterations, settleFrom, seed);
    }

    public Gan1dConfig withDiscriminator(List<Integer> layers, IActivation activation) {
        return new Gan1dConfig(latentSize, generatorLayers, generatorActivation, layers,
                activation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, latent,
                iterations, settleFrom, seed);
    }

    public Gan1dConfig withLearningRates(double generator, double discriminator) {
        return new Gan1dConfig(latentSize, generatorLayers, generatorActivation, discriminatorLayers,
                discriminatorActivation, generator, discriminator, beta1, batchSize, latent, iterations, settleFrom, seed);
    }

    public Gan1dConfig withBatchSize(int value) {
        return new Gan1dConfig(latentSize, generatorLayers, generatorActivation, discriminatorLayers,
                discriminatorActivation, generatorLearningRate, discriminatorLearningRate, beta1, value, latent,
                iterations, settleFrom, seed);
    }

    public Gan1dConfig withLatent(Latent value) {
        return new Gan1dConfig(latentSize, generatorLayers, generatorActivation, discriminatorLayers,
                discriminatorActivation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, value,
                iterations, settleFrom, seed);
    }

    public Gan1dConfig withIterations(int value) {
        return new Gan1dConfig(latentSize, generatorLayers, generatorActivation, discriminatorLayers,
                discriminatorActivation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, latent,
                value, settleFrom, seed);
    }

    public Gan1dConfig withSettleFrom(double fraction) {
        return new Gan1dConfig(latentSize, generatorLayers, generatorActivation, discriminatorLayers,
                discriminatorActivation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, latent,
                iterations, fraction, seed);
    }

    /**
     * D's weight seed: the config's seed moved by a prime, so D never starts from the same random draws as G
     * when both take the same seed.
     */
    public long discriminatorSeed() {
        return seed + 7_919;
    }

    /** The first iteration at the settled (tenfold smaller) learning rates; after the last when {@code settleFrom} is 1. */
    public int settleIteration() {
        return (int) (settleFrom * iterations) + 1;
    }

    public Gan1dConfig withSeed(long value) {
        return new Gan1dConfig(latentSize, generatorLayers, generatorActivation, discriminatorLayers,
                discriminatorActivation, generatorLearningRate, discriminatorLearningRate, beta1, batchSize, latent,
                iterations, settleFrom, value);
    }
}
