package org.gantutorial.training;

import org.gantutorial.mr.MrSlices;
import org.gantutorial.mr.SliceOptions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The image GAN's real slices, shape [N, 1, S, S] in [-1, 1], the scan each came from, and the random
 * batches the training loop draws from them. The one place the notebooks and {@code ./gan train-mr} ask for data, so
 * swapping the source touches nothing else.
 */
public final class TrainingSlices {
    /** The scan name of slices given without one ({@link #of}). */
    public static final String UNNAMED = "slices";

    private final INDArray images;
    private final List<String> scans;
    private final INDArray rows;
    /** The rows of each scan, scans in the order they first appear. */
    private final int[][] scanRows;

    private TrainingSlices(INDArray images, List<String> scans) {
        this.images = images;
        this.scans = List.copyOf(scans);
        this.rows = images.reshape(images.size(0), images.size(2) * images.size(3));
        Map<String, List<Integer>> byScan = new LinkedHashMap<>();
        for (int i = 0; i < scans.size(); i++) {
            byScan.computeIfAbsent(scans.get(i), scan -> new ArrayList<>()).add(i);
        }
        this.scanRows = byScan.values().stream().map(r -> r.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** The tutorial's sample scans ({@code ./gan data}) at {@code size} x {@code size}, at the chosen levels of each head. */
    public static TrainingSlices sampleData(int size, SliceOptions.Levels levels) {
        var set = MrSlices.trainingSet(size, levels);
        return of(set.images(), set.sources());
    }

    /** The slices of a DICOM/NIfTI/image file or folder of your own, at {@code size} x {@code size}. */
    public static TrainingSlices from(Path data, int size, SliceOptions.Levels levels) {
        var set = MrSlices.from(data, SliceOptions.DEFAULTS.withSize(size).withLevels(levels));
        return of(set.images(), set.sources());
    }

    /** Slices already in the image GAN's layout, all from one unnamed scan; one clear sentence when they are not. */
    public static TrainingSlices of(INDArray images) {
        return of(images, Collections.nCopies((int) images.size(0), UNNAMED));
    }

    /** Slices already in the image GAN's layout, with the scan each came from. */
    public static TrainingSlices of(INDArray images, List<String> scans) {
        long[] shape = images.shape();
        if (shape.length != 4 || shape[1] != 1 || shape[2] != shape[3]) {
            throw new IllegalArgumentException("The training slices have shape " + Arrays.toString(shape)
                    + " but the image GAN needs [N, 1, S, S]: one channel, square slices.");
        }
        if (shape[0] < 8) {
            throw new IllegalArgumentException("Only " + shape[0] + " training slices were given; the image GAN needs at least 8.");
        }
        double min = images.minNumber().doubleValue();
        double max = images.maxNumber().doubleValue();
        if (min < -1.001 || max > 1.001) {
            throw new IllegalArgumentException(String.format("The training slices range from %.3g to %.3g; scale them to [-1, 1] "
                    + "(the generator's tanh output range) before training.", min, max));
        }
        if (scans.size() != shape[0]) {
            throw new IllegalArgumentException(shape[0] + " training slices need as many scan names, not " + scans.size());
        }
        return new TrainingSlices(images.castTo(DataType.FLOAT), scans);
    }

    /** All slices, [N, 1, S, S]. */
    public INDArray images() {
        return images;
    }

    /** The scan each slice came from, in the order of {@link #images}; mirrored slices keep their scan's name. */
    public List<String> scans() {
        return scans;
    }

    public int count() {
        return (int) images.size(0);
    }

    /** The side S of the square slices. */
    public int size() {
        return (int) images.size(2);
    }

    /** {@code rows} slices drawn at random (with replacement) with {@code random}: a real batch. */
    public INDArray randomBatch(int rows, Random random) {
        int[] picks = new int[rows];
        for (int i = 0; i < rows; i++) {
            picks[i] = random.nextInt(count());
        }
        return batchOf(picks);
    }

    /**
     * A real batch drawn scan first: each scan's chance goes with its slice count to the power {@code scanWeightPower},
     * then a slice of that scan at random. 1 is {@link #randomBatch(int, Random)}; below 1 a scan with few slices (a
     * minority look) turns up more often than its share, so D and G do not learn to ignore it.
     */
    public INDArray randomBatch(int rows, double scanWeightPower, Random random) {
        if (scanWeightPower == 1) {
            return randomBatch(rows, random);
        }
        double[] weights = Arrays.stream(scanRows).mapToDouble(scan -> Math.pow(scan.length, scanWeightPower)).toArray();
        double total = Arrays.stream(weights).sum();
        int[] picks = new int[rows];
        for (int i = 0; i < rows; i++) {
            double u = random.nextDouble() * total;
            int scan = 0;
            while (scan < weights.length - 1 && (u -= weights[scan]) > 0) {
                scan++;
            }
            picks[i] = scanRows[scan][random.nextInt(scanRows[scan].length)];
        }
        return batchOf(picks);
    }

    private INDArray batchOf(int[] picks) {
        return Nd4j.pullRows(rows, 1, picks).reshape(picks.length, 1, size(), size());
    }
}
