package org.gantutorial.mr;

import java.util.ArrayList;
import java.util.List;

/**
 * The head's area on each axial slice of a volume (slices inferior to superior): what decides which
 * levels become training slices ({@link SliceOptions.Levels}) and which {@link HeadLevel} each lies in.
 */
final class HeadProfile {
    private final int[] area;
    private final int widest;

    private HeadProfile(int[] area) {
        this.area = area;
        int w = 0;
        for (int i = 1; i < area.length; i++) {
            w = area[i] > area[w] ? i : w;
        }
        this.widest = w;
    }

    /** Counts head pixels (normalised intensity above {@link MrSlices#HEAD_LEVEL} in {@code window}) on every slice. */
    static HeadProfile of(MrVolume volume, float[] window) {
        float scale = 1 / (window[1] - window[0]);
        int[] area = new int[volume.depth()];
        for (int i = 0; i < area.length; i++) {
            for (float v : volume.slices().get(i)) {
                area[i] += (v - window[0]) * scale > MrSlices.HEAD_LEVEL ? 1 : 0;
            }
        }
        return new HeadProfile(area);
    }

    /**
     * The slices with at least the chosen fraction of the largest head area, from the chosen levels,
     * every stride-th of them. The ventricle levels run up from the widest slice and end at the first
     * slice under 90% of its area.
     */
    List<Integer> kept(SliceOptions options) {
        boolean ventricles = options.levels() == SliceOptions.Levels.VENTRICLES;
        var kept = new ArrayList<Integer>();
        for (int i = ventricles ? widest : 0; i < area.length; i++) {
            if (area[widest] > 0 && area[i] >= fraction(options, ventricles) * area[widest]) {
                kept.add(i);
            } else if (ventricles) {
                break;
            }
        }
        var strided = new ArrayList<Integer>();
        for (int i = 0; i < kept.size(); i += options.stride()) {
            strided.add(kept.get(i));
        }
        return strided;
    }

    /** The level slice {@code index} lies in: below the widest slice, in the ventricle levels, or above them. */
    HeadLevel level(int index) {
        if (index < widest) {
            return HeadLevel.SKULL_BASE;
        }
        for (int i = widest; i <= index; i++) {
            if (area[i] < SliceOptions.Levels.VENTRICLE_AREA * area[widest]) {
                return HeadLevel.VERTEX;
            }
        }
        return HeadLevel.VENTRICLES;
    }

    private static double fraction(SliceOptions options, boolean ventricles) {
        return ventricles ? Math.max(options.minHeadFraction(), SliceOptions.Levels.VENTRICLE_AREA) : options.minHeadFraction();
    }
}
