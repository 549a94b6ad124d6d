package org.gantutorial.training;

import org.gantutorial.mr.LabelledSlices;
import org.gantutorial.mr.LevelBand;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The level-conditional GAN's data: the training slices of each {@link LevelBand}, and the
 * conditions its networks see, one-hot rows in the bands' order (skull base, ventricles, vertex).
 * Batches draw each row's band first, each band as often as the others, so the smaller bands are not
 * drowned out by the skull base, which has the most slices.
 */
public final class LevelSlices {
    /** How many levels the GAN can be asked for. */
    public static final int LEVELS = LevelBand.values().length;

    /** Slices and the level each one shows, as one-hot rows [N, LEVELS]. */
    public record Batch(INDArray images, INDArray levels) {
    }

    private final List<TrainingSlices> bands;

    private LevelSlices(List<TrainingSlices> bands) {
        this.bands = bands;
    }

    /** The whole-head sample scans at every level, labelled with their bands (see {@link LabelledSlices#sampleData}). */
    public static LevelSlices sampleData(int size) {
        return of(LabelledSlices.sampleData(size));
    }

    /** The slices of {@code labelled}, by band; every band needs slices. */
    public static LevelSlices of(LabelledSlices labelled) {
        var bands = new ArrayList<TrainingSlices>();
        for (LevelBand band : LevelBand.values()) {
            LabelledSlices inBand = labelled.where((source, b) -> b == band);
            if (inBand.size() < 8) {
                throw new IllegalArgumentException("only " + inBand.size() + " slices lie in the band " + band
                        + "; a level-conditional GAN needs at least 8 of every band (use scans of the whole head)");
            }
            bands.add(TrainingSlices.of(inBand.images()));
        }
        return new LevelSlices(bands);
    }

    /** {@code rows} real slices: for each row a band at random, then a slice of that band at random. */
    public Batch randomBatch(int rows, Random random) {
        int[] asked = randomBands(rows, random);
        var images = new ArrayList<INDArray>();
        for (int band : asked) {
            images.add(bands.get(band).randomBatch(1, random));
        }
        return new Batch(org.nd4j.linalg.factory.Nd4j.concat(0, images.toArray(INDArray[]::new)), Conditions.oneHot(asked, LEVELS));
    }

    /** {@code rows} levels to ask G for, each band as often as the others on average: one-hot rows. */
    public INDArray randomLevels(int rows, Random random) {
        return Conditions.oneHot(randomBands(rows, random), LEVELS);
    }

    /**
     * For each row of {@code levels} (one-hot), another band at random: a real slice shown to D with a
     * wrong level is a pair D should call fake (Reed et al. 2016's "matching-aware" discriminator).
     */
    public INDArray otherLevels(INDArray levels, Random random) {
        int[] other = new int[(int) levels.size(0)];
        for (int i = 0; i < other.length; i++) {
            int right = levels.getRow(i).argMax().getInt(0);
            other[i] = (right + 1 + random.nextInt(LEVELS - 1)) % LEVELS;
        }
        return Conditions.oneHot(other, LEVELS);
    }

    /** {@code rows} requests for one band: one-hot rows. */
    public static INDArray levels(LevelBand band, int rows) {
        int[] asked = new int[rows];
        Arrays.fill(asked, band.ordinal());
        return Conditions.oneHot(asked, LEVELS);
    }

    /** The real slices of one band. */
    public TrainingSlices band(LevelBand band) {
        return bands.get(band.ordinal());
    }

    /** All slices, every band. */
    public int count() {
        return bands.stream().mapToInt(TrainingSlices::count).sum();
    }

    /** The side of the square slices. */
    public int size() {
        return bands.get(0).size();
    }

    private static int[] randomBands(int rows, Random random) {
        int[] asked = new int[rows];
        for (int i = 0; i < rows; i++) {
            asked[i] = random.nextInt(LEVELS);
        }
        return asked;
    }
}
