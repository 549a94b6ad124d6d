package org.gantutorial.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gantutorial.models.DcganGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A running average of the generator's weights: the network the image GAN's pictures, SWD and
 * samples come from. G's weights jitter from step to step as it chases D, and the slices of any
 * single step carry that jitter as grainy noise; the average of the last few hundred steps draws
 * the same heads without most of it (Karras et al. 2018, the paper the SWD also comes from).
 * Early on the average follows G closely and its memory grows towards the decay's (about 200 steps
 * for 0.995, {@link org.gantutorial.models.DcganConfig#averageDecay}), so short runs are not held back by the random start.
 * <p>
 * The average is a network of G's stock layers (saved with the checkpoints); its slices come from a
 * fast twin on the same weights, at the pace G trains.
 */
public final class GeneratorAverage {
    private final MultiLayerNetwork network;
    /** Weight of the old average at each step once training is long under way. */
    private final double decay;
    /** The same weights through fast layers, for sampling. */
    private final MultiLayerNetwork sampling;

    private GeneratorAverage(MultiLayerNetwork network, double decay) {
        this.network = network;
        this.decay = decay;
        this.sampling = Twins.of(network).running();
    }

    /** An average that starts as a copy of {@code generator} and keeps {@code decay} of itself at each step. */
    public static GeneratorAverage of(Generator generator, double decay) {
        return new GeneratorAverage(generator.network().clone(), decay);
    }

    /** The average kept in {@code network} (a saved one, when resuming). */
    public static GeneratorAverage resume(MultiLayerNetwork network, double decay) {
        return new GeneratorAverage(network, decay);
    }

    /** Moves the average towards {@code generator} after training iteration {@code iteration} (1, 2, ...). */
    public void follow(Generator generator, int iteration) {
        double kept = Math.min(decay, (1.0 + iteration) / (10.0 + iteration));
        var averaged = network.params();
        averaged.muli(kept);
        Nd4j.getBlasWrapper().level1().axpy(averaged.length(), 1 - kept, generator.network().params(), averaged);
    }

    /** The averaged generator as G's stock layers, for saving and for sampling outside the library. */
    public MultiLayerNetwork network() {
        return network;
    }

    /** The averaged generator's slices for {@code noise}, as {@link DcganGenerator#sample} makes them, through fast layers. */
    public INDArray sample(INDArray noise, int batchSize) {
        return DcganGenerator.sample(sampling, noise, batchSize);
    }
}
