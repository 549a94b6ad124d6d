package org.gantutorial.training;

import org.gantutorial.mr.LabelledSlices;
import org.gantutorial.mr.HeadLevel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The level-conditional GAN's data: the training slices of each {@link HeadLevel}, and the
 * conditions its networks see, one-hot rows in the levels' order (skull base, ventricles, vertex).
 * Batches draw each row's level first, each level as often as the others, so the smaller levels are not
 * drowned out by the skull base, which has the most slices.
 */
public final class LevelSlices {
    /** How many levels the GAN can be asked for. */
    public static final int LEVELS = HeadLevel.values().length;

    /** Slices and the level each one shows, as one-hot rows [N, LEVELS]. */
    public record Batch(INDArray images, INDArray levels) {
    }

    private final List<TrainingSlices> levels;

    private LevelSlices(List<TrainingSlices> levels) {
        this.levels = levels;
    }

    /** The whole-head sample scans at every level, labelled with their levels (see {@link LabelledSlices#sampleData}). */
    public static LevelSlices sampleData(int size) {
        return of(LabelledSlices.sampleData(size));
    }

    /** The slices of {@code labelled}, by level; every level needs slices. */
    public static LevelSlices of(LabelledSlices labelled) {
        var levels = new ArrayList<TrainingSlices>();
        for (HeadLevel level : HeadLevel.values()) {
            LabelledSlices atLevel = labelled.where((source, b) -> b == level);
            if (atLevel.size() < 8) {
                throw new IllegalArgumentException("only " + atLevel.size() + " slices lie in the level " + level
                        + "; a level-conditional GAN needs at least 8 of every level (use scans of the whole head)");
            }
            levels.add(TrainingSlices.of(atLevel.images()));
        }
        return new LevelSlices(levels);
    }

    /** {@code rows} real slices: for each row a level at random, then a slice of that level at random. */
    public Batch randomBatch(int rows, Random random) {
        int[] asked = randomLevelIndices(rows, random);
        var images = new ArrayList<INDArray>();
        for (int level : asked) {
            images.add(levels.get(level).randomBatch(1, random));
        }
        return new Batch(org.nd4j.linalg.factory.Nd4j.concat(0, images.toArray(INDArray[]::new)), Conditions.oneHot(asked, LEVELS));
    }

    /** {@code rows} levels to ask G for, each level as often as the others on average: one-hot rows. */
    public INDArray randomLevels(int rows, Random random) {
        return Conditions.oneHot(randomLevelIndices(rows, random), LEVELS);
    }

    /**
     * For each row of {@code levels} (one-hot), another level at random: a real slice shown to D with a
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

    /** {@code rows} requests for one level: one-hot rows. */
    public static INDArray levels(HeadLevel level, int rows) {
        int[] asked = new int[rows];
        Arrays.fill(asked, level.ordinal());
        return Conditions.oneHot(asked, LEVELS);
    }

    /** The real slices of one level. */
    public TrainingSlices at(HeadLevel level) {
        return levels.get(level.ordinal());
    }

    /** All slices, every level. */
    public int count() {
        return levels.stream().mapToInt(TrainingSlices::count).sum();
    }

    /** The side of the square slices. */
    public int size() {
        return levels.get(0).size();
    }

    private static int[] randomLevelIndices(int rows, Random random) {
        int[] asked = new int[rows];
        for (int i = 0; i < rows; i++) {
            asked[i] = random.nextInt(LEVELS);
        }
        return asked;
    }
}
