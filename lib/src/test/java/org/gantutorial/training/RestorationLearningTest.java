package org.gantutorial.training;

import org.gantutorial.Tutorial;
import org.gantutorial.metrics.ImageQuality;
import org.gantutorial.models.ImageToImageConfig;
import org.gantutorial.models.UNetGenerator;
import org.gantutorial.mr.LabelledSlices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notebook 08's restorers, briefly trained on four sample scans, measured on the fifth (held back whole). */
class RestorationLearningTest {
    /** Notebook 08's setting at a narrower width: at 32x32 a 4x downsampled slice is 8x8, and the GAN soon draws more than it restores. */
    private static final ImageToImageConfig CONFIG = ImageToImageConfig.defaults().withSeed(7);
    private static SlicePairs training;
    private static SlicePairs.Batch heldBack;

    @BeforeAll
    static void load() {
        Tutorial.setUp(Tutorial.Networks.IMAGE);
        var slices = LabelledSlices.sampleData(64);
        training = SlicePairs.of(slices.where((scan, level) -> !scan.equals("almi5")).images(), Degradation.downsampled(4));
        heldBack = SlicePairs.of(slices.where((scan, level) -> scan.equals("almi5")).images(), Degradation.downsampled(4)).all(7);
    }

    @Test
    void bothRestorersBeatTheDegradedInputOnHeldBackSlicesAndTheGanDrawsMoreDetail(@TempDir Path folder) throws Exception {
        var l1 = RestorerRun.l1(CONFIG);
        RestorerTraining.run(l1, training, heldBack, 300, 50, folder.resolve("l1"), 1000, true);
        var gan = RestorerRun.adversarial(CONFIG, l1.restorer());
        RestorerTraining.run(gan, training, heldBack, 100, 50, folder.resolve("gan"), 1000, true);

        INDArray input = heldBack.degraded();
        var before = ImageQuality.of(input, input, heldBack.truth(), 0.25, 5);
        var byL1 = ImageQuality.of(UNetGenerator.restore(l1.restorer().network(), input, 64), input, heldBack.truth(), 0.25, 5);
        var byGan = ImageQuality.of(UNetGenerator.restore(gan.restorer().network(), input, 64), input, heldBack.truth(), 0.25, 5);
        assertTrue(byL1.psnr() > before.psnr() + 0.2, "L1 " + byL1 + " against the input " + before);
        assertTrue(byGan.psnr() > before.psnr(), "GAN " + byGan + " against the input " + before);
        assertTrue(byGan.sharpness() > byL1.sharpness(), "the adversarial term adds detail: GAN " + byGan + ", L1 " + byL1);
        assertEquals(3, gan.scoreboard().measure().points().size(), "the error before training, then every 50 steps");
        assertTrue(gan.scoreboard().history().last().realScore() > 0, "D's verdicts were counted");
    }
}
