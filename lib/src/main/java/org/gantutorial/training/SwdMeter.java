package org.gantutorial.training;

import org.gantutorial.metrics.SlicedWasserstein;
import org.gantutorial.models.DcganConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * The image GAN's measure: the sliced Wasserstein distance between a fixed set of real slices and
 * the (averaged) generator's slices for fixed noise, so values over training compare. Its floor is
 * the distance between two disjoint halves of the real slices: what a perfect generator would reach.
 */
public final class SwdMeter {
    private static final long SEED = 99;
    private static final long NOISE_SEED = 1235;

    private final INDArray real;
    private final INDArray noise;
    private final int batchSize;
    private final double floor;

    private SwdMeter(INDArray real, INDArray noise, int batchSize, double floor) {
        this.real = real;
        this.noise = noise;
        this.batchSize = batchSize;
        this.floor = floor;
    }

    /** Compares {@code samples} slices a side (at most half the real ones); works out the floor now (about a second). */
    public static SwdMeter of(TrainingSlices slices, DcganConfig config, int samples) {
        int perSet = Math.min(samples, slices.count() / 2);
        INDArray shuffled = shuffled(slices.images(), 2 * perSet);
        INDArray real = shuffled.get(NDArrayIndex.interval(0, perSet));
        double floor = SlicedWasserstein.distance(real, shuffled.get(NDArrayIndex.interval(perSet, 2 * perSet)), SEED);
        return new SwdMeter(real, config.noise(perSet, new Random(NOISE_SEED)), config.batchSize(), floor);
    }

    /** The averaged generator's slices for the fixed noise: as many as the fixed real slices. */
    public INDArray sample(GeneratorAverage average) {
        return average.sample(noise, batchSize);
    }

    /** The SWD of the averaged generator's slices now. */
    public double measure(GeneratorAverage average) {
        return distance(sample(average));
    }

    /** The SWD between the fixed real slices and {@code generated} (as many as {@link #realSlices}, for the floor to compare). */
    public double distance(INDArray generated) {
        return SlicedWasserstein.distance(real, generated, SEED);
    }

    public double floor() {
        return floor;
    }

    /** The fixed real slices, in random order: the "real" side of the pictures too. */
    public INDArray realSlices() {
        return real;
    }

    /** {@code count} of the slices in a seeded random order (they come ordered by scan and level). */
    private static INDArray shuffled(INDArray slices, int count) {
        int n = (int) slices.size(0);
        int[] order = IntStream.range(0, n).toArray();
        var random = new Random(SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        long pixels = slices.length() / n;
        return slices.reshape(n, pixels).getRows(java.util.Arrays.copyOf(order, count))
                .reshape(count, 1, slices.size(2), slices.size(3));
    }
}
