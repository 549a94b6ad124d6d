package org.gantutorial.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A running average of the generator's weights: the network the image trainer shows, measures
 * and saves for sampling. G's weights jitter from step to step as it chases D, and the slices of
 * any single step carry that jitter as grainy noise; the average of the last few hundred steps
 * draws the same heads without most of it (Karras et al. 2018, the paper the SWD also comes from).
 * Early on the average follows G closely and its memory grows towards {@link #DECAY}'s
 * ~200 steps, so short runs are not held back by the random start.
 */
public final class GeneratorAverage {
    /** Weight of the old average at each step once training is long under way. */
    public static final double DECAY = 0.995;

    private GeneratorAverage() {
    }

    /** A copy of {@code generator} to start averaging from. */
    public static MultiLayerNetwork startFrom(MultiLayerNetwork generator) {
        return generator.clone();
    }

    /** Moves {@code average} towards {@code generator} after training step number {@code step} (1, 2, ...). */
    public static void update(MultiLayerNetwork average, MultiLayerNetwork generator, int step) {
        double decay = Math.min(DECAY, (1.0 + step) / (10.0 + step));
        var averaged = average.params();
        var current = generator.params();
        averaged.muli(decay);
        Nd4j.getBlasWrapper().level1().axpy(averaged.length(), 1 - decay, current, averaged);
    }
}
