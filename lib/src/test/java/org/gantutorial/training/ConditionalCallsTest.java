package org.gantutorial.training;

import org.gantutorial.HeadPhantoms;
import org.gantutorial.Tutorial;
import org.gantutorial.history.Verdict;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.DcganDiscriminator;
import org.gantutorial.models.DcganGenerator;
import org.gantutorial.models.ImageToImageConfig;
import org.gantutorial.models.PatchDiscriminator;
import org.gantutorial.models.UNetGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop's calls with a condition, a patch discriminator and a U-Net generator do what notebooks 08 and 09 say. */
class ConditionalCallsTest {
    private static final DcganConfig SMALL = DcganConfig.reference().withImageSize(32).withGeneratorWidth(8)
            .withDiscriminatorWidth(8).withBatchSize(16);
    private static final ImageToImageConfig PIX2PIX = ImageToImageConfig.defaults().withImageSize(32).withRestorerWidth(8)
            .withPatchWidth(8).withBatchSize(8);
    private final Random random = new Random(3);

    @BeforeAll
    static void setUp() {
        Tutorial.setUp(Tutorial.Networks.IMAGE);
    }

    @Test
    void conditionsGoBesideTheLatentVectorAndAsPlanesBesideTheImage() {
        INDArray levels = Conditions.oneHot(new int[] {2, 0}, 3);
        assertEquals(Nd4j.createFromArray(new float[][] {{0, 0, 1}, {1, 0, 0}}), levels);
        INDArray z = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 5);
        INDArray beside = Conditions.attach(z, levels);
        assertArrayEquals(new long[] {2, 8}, beside.shape());
        assertEquals(1, beside.getDouble(0, 7));
        INDArray images = HeadPhantoms.generate(2, 16, 1);
        INDArray planes = Conditions.attach(images, levels);
        assertArrayEquals(new long[] {2, 4, 16, 16}, planes.shape());
        assertEquals(images.getDouble(1, 0, 5, 6), planes.getDouble(1, 0, 5, 6));
        assertEquals(256, planes.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.point(3))
                .sumNumber().intValue(), "the asked class's plane is all ones");
        assertEquals(0, planes.getDouble(0, 1, 3, 3));
        assertArrayEquals(new long[] {2, 2, 16, 16}, Conditions.attach(images, images).shape(), "an image condition: its channels");
        var none = assertThrows(IllegalArgumentException.class, () -> Conditions.attach(images, null));
        assertTrue(none.getMessage().contains("without the condition argument"), none.getMessage());
        var wrongRows = assertThrows(IllegalArgumentException.class, () -> Conditions.attach(images, Conditions.oneHot(new int[] {1}, 3)));
        assertTrue(wrongRows.getMessage().contains("one condition per row"), wrongRows.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Conditions.oneHot(new int[] {3}, 3));
    }

    @Test
    void aConditionalGLearnsThroughAConditionalDWithoutChangingD() {
        var generator = new Generator(DcganGenerator.build(SMALL.withLatentSize(SMALL.latentSize() + 3)));
        var discriminator = new Discriminator(DcganDiscriminator.build(SMALL, 4));
        INDArray asked = Conditions.oneHot(random.ints(16, 0, 3).toArray(), 3);
        INDArray fake = generator.generate(Conditions.attach(SMALL.noise(16, random), asked));
        assertArrayEquals(new long[] {16, 1, 32, 32}, fake.shape(), "G draws one channel; the condition is not drawn");
        discriminator.learnFrom(HeadPhantoms.generate(8, 32, 2), Batches.first(8, asked), Label.REAL);
        discriminator.learnFrom(Batches.first(8, fake), Batches.first(8, asked), Label.FAKE);
        discriminator.step();

        INDArray dBefore = discriminator.network().params().dup();
        INDArray gBefore = generator.network().params().dup();
        Verdict verdict = generator.learnThrough(discriminator, fake, asked);
        assertEquals(Verdict.Call.GENERATOR_THROUGH_DISCRIMINATOR, verdict.call());
        assertEquals(dBefore, discriminator.network().params(), "D is left as it was");
        assertNotEquals(gBefore, generator.network().params());
    }

    @Test
    void aPatchDiscriminatorGivesOneVerdictPerPatchAndLearnsToTellPairsApart() {
        var discriminator = new Discriminator(PatchDiscriminator.build(PIX2PIX));
        INDArray truth = HeadPhantoms.generate(8, 32, 4);
        INDArray degraded = Degradation.downsampled(4).apply(truth, random);
        double[] outputs = discriminator.network().output(Conditions.attach(truth, degraded), true).reshape(-1).toDoubleVector();
        assertEquals(8 * 4 * 4, outputs.length, "a 4x4 map of patches for 32-pixel slices");
        Verdict first = null;
        Verdict last = null;
        for (int i = 0; i < 30; i++) {
            Verdict real = discriminator.learnFrom(truth, degraded, Label.REAL);
            Verdict blurred = discriminator.learnFrom(degraded, degraded, Label.FAKE);
            discriminator.step();
            first = first == null ? blurred : first;
            last = blurred;
            assertTrue(real.meanOutput() > 0 && real.meanOutput() < 1);
        }
        assertTrue(last.accuracy() > first.accuracy() && last.accuracy() > 0.9,
                "D learns that the degraded slice itself is not the true one: " + first.accuracy() + " -> " + last.accuracy());
    }

    @Test
    void theRestorerTakesOneStepOnBothTermsAndLearnsTowardsTheTruth() {
        var restorer = new Restorer(UNetGenerator.build(PIX2PIX));
        var discriminator = new Discriminator(PatchDiscriminator.build(PIX2PIX));
        INDArray truth = HeadPhantoms.generate(8, 32, 5);
        INDArray degraded = Degradation.downsampled(4).apply(truth, random);
        INDArray untrained = UNetGenerator.restore(restorer.network(), degraded, 8);
        assertTrue(untrained.equalsWithEps(degraded, 0.1), "a fresh residual U-Net changes the input only a little");

        INDArray restored = restorer.restore(degraded);
        double before = restorer.learnTowards(truth, 100);
        INDArray dBefore = discriminator.network().params().dup();
        restorer.learnThrough(discriminator, restored, degraded);
        restorer.step();
        assertEquals(dBefore, discriminator.network().params(), "D is left as it was");
        assertEquals(1, restorer.network().getConfiguration().getIterationCount(), "one Adam step for both terms");
        assertThrows(IllegalStateException.class, restorer::step, "nothing gathered since the step");
        assertThrows(IllegalArgumentException.class, () -> restorer.learnTowards(truth, 1), "the forward pass was used");

        restorer.setLearningRate(1e-3);
        double after = before;
        for (int i = 0; i < 100; i++) {
            restorer.restore(degraded);
            after = restorer.learnTowards(truth, 100);
            restorer.step();
        }
        assertTrue(after < 0.8 * before, "L1 alone pulls the restorations towards the truth: " + before + " -> " + after);
    }
}
