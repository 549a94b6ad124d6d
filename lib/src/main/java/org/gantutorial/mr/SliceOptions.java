package org.gantutorial.mr;

/**
 * How volumes become GAN training slices.
 *
 * @param size            output side in pixels (32, 64, 128 or 256)
 * @param minHeadFraction keep a slice when its head area is at least this fraction of the volume's largest
 * @param lowPercentile   intensity mapped to -1 (percent of the volume's voxels below it)
 * @param highPercentile  intensity mapped to +1; brighter voxels are clipped
 * @param margin          border around the head, as a fraction of its size
 * @param flips           also add each slice mirrored left-right (doubles the set)
 * @param stride          take every stride-th kept slice (1 = all; quick runs use more)
 * @param levels          which axial levels may be kept at all
 */
public record SliceOptions(int size, double minHeadFraction, double lowPercentile, double highPercentile,
                           double margin, boolean flips, int stride, Levels levels) {
    public static final SliceOptions DEFAULTS = new SliceOptions(64, 0.3, 0.5, 99.5, 0.04, false, 1, Levels.ALL);

    /** Which axial levels of a head the slices may come from. */
    public enum Levels {
        /** Every level with enough head, from the neck or skull base to near the vertex. */
        ALL,
        /**
         * The levels of the lateral ventricles, found from the head's outline alone: the widest slice and
         * the slices above it that keep at least 90% of its head area. In the sample scans that runs from
         * the basal ganglia (in the two BrainBrowser scans, widest lower down, from the orbits) to just above
         * the ventricles' bodies; the skull base, the cerebellum and the top of the head are left out.
         */
        VENTRICLES;

        /** Above the widest slice, the head area falls below this fraction just past the ventricles' bodies. */
        static final double VENTRICLE_AREA = 0.9;
    }

    public SliceOptions {
        if (size != 32 && size != 64 && size != 128 && size != 256) {
            throw new IllegalArgumentException("size must be 32, 64, 128 or 256, not " + size);
        }
        if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
            throw new IllegalArgumentException("percentiles must satisfy 0 <= low < high <= 100, not "
                    + lowPercentile + " and " + highPercentile);
        }
        if (levels == null) {
            throw new IllegalArgumentException("levels must be ALL or VENTRICLES, not null");
        }
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1, not " + stride);
        }
    }

    public SliceOptions withSize(int value) {
        return new SliceOptions(value, minHeadFraction, lowPercentile, highPercentile, margin, flips, stride, levels);
    }

    public SliceOptions withMinHeadFraction(double value) {
        return new SliceOptions(size, value, lowPercentile, highPercentile, margin, flips, stride, levels);
    }

    public SliceOptions withPercentiles(double low, double high) {
        return new SliceOptions(size, minHeadFraction, low, high, margin, flips, stride, levels);
    }

    public SliceOptions withMargin(double value) {
        return new SliceOptions(size, minHeadFraction, lowPercentile, highPercentile, value, flips, stride, levels);
    }

    public SliceOptions withFlips(boolean value) {
        return new SliceOptions(size, minHeadFraction, lowPercentile, highPercentile, margin, value, stride, levels);
    }

    public SliceOptions withStride(int value) {
        return new SliceOptions(size, minHeadFraction, lowPercentile, highPercentile, margin, flips, value, levels);
    }

    public SliceOptions withLevels(Levels value) {
        return new SliceOptions(size, minHeadFraction, lowPercentile, highPercentile, margin, flips, stride, value);
    }
}
