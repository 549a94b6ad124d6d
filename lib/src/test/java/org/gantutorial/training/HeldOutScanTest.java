package org.gantutorial.training;

import org.gantutorial.Tutorial;
import org.gantutorial.metrics.ScanCoverage;
import org.gantutorial.mr.SliceOptions.Levels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage per scan sees what a generator never learned: trained on the sample heads' slices of every scan
 * but one, a small GAN draws (almost) nothing whose nearest real slice comes from the scan it never saw.
 */
class HeldOutScanTest {
    private static final String HELD_OUT = "colin27";

    @Test
    void aScanLeftOutOfTrainingIsNotCovered(@TempDir Path folder) throws Exception {
        Tutorial.setUp(Tutorial.Networks.IMAGE);
        var all = TrainingSlices.sampleData(32, Levels.VENTRICLES);
        int[] others = IntStream.range(0, all.count()).filter(i -> !all.scans().get(i).equals(HELD_OUT)).toArray();
        var pixels = all.images().reshape(all.count(), 32 * 32).getRows(others).reshape(others.length, 1, 32, 32);
        var training = TrainingSlices.of(pixels,
                IntStream.of(others).mapToObj(all.scans()::get).toList());
        var config = ImageGanInputs.defaults().model().withImageSize(32);
        var swd = SwdMeter.of(training, config, 128);
        var gan = ImageGan.start(config, training, swd);
        ImageTraining.run(gan, training, swd, new ImageDashboard(gan, swd, folder), new ImageSchedule(300, 100, 300, 300), folder, true);

        var coverage = ScanCoverage.of(all.images(), all.scans(), swd.sample(gan.average()));
        System.out.println(HELD_OUT + " held out: " + coverage.summary());
        int held = coverage.scans().indexOf(HELD_OUT);
        double[] real = coverage.realShares();
        double[] drawn = coverage.generatedShares();
        assertTrue(real[held] > 0.15, "the held-out scan is a fair share of the real slices: " + coverage.summary());
        // Nearest-neighbour attribution lends a few blurry fakes to any scan: near zero is under a quarter of its share.
        assertTrue(drawn[held] < real[held] / 4, "near zero for the held-out scan: " + coverage.summary());
        for (int scan = 0; scan < real.length; scan++) {
            if (scan != held && real[scan] > 0.1) {
                assertTrue(drawn[scan] > real[scan] / 2, "the scans it trained on are drawn, so the zero means something: "
                        + coverage.summary());
            }
        }
    }
}
