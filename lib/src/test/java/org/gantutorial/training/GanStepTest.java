package org.gantutorial.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gantutorial.models.Discriminator1d;
import org.gantutorial.models.Gan1dConfig;
import org.gantutorial.models.Generator1d;
import org.gantutorial.patterns.Patterns;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GanStepTest {
    static {
        CpuThreads.forTinyNetworks();
    }

    private final Gan1dConfig config = Gan1dConfig.defaults();
    private final MultiLayerNetwork generator = Generator1d.build(config);
    private final MultiLayerNetwork discriminator = Discriminator1d.build(config);
    private final GanStep step = new GanStep(generator, discriminator);
    private final Random random = new Random(5);

    private INDArray noise(int rows) {
        return config.latent().sample(rows, config.latentSize(), random);
    }

    private double meanScoreOfFakes(INDArray z) {
        return discriminator.output(generator.output(z, false), false).meanNumber().doubleValue();
    }

    @Test
    void generatorStepLeavesDUntouchedAndRaisesDOfGOfZ() {
        for (int i = 0; i < 100; i++) {
            step.step(Patterns.sine().sampleForTraining(64, random), noise(64), noise(128));
        }
        INDArray z = noise(512);
        INDArray dBefore = discriminator.params().dup();
        INDArray gBefore = generator.params().dup();
        double before = meanScoreOfFakes(z);
        for (int i = 0; i < 10; i++) {
            step.trainGenerator(noise(128));
        }
        assertEquals(dBefore, discriminator.params(), "D's weights must be bit-identical after G steps");
        assertNotEquals(gBefore, generator.params(), "G's weights must change");
        assertTrue(meanScoreOfFakes(z) > before, "G steps must make D rate the fakes as more real");
    }

    @Test
    void generatorLossIsTheCrossEntropyOfDsVerdictOnTheCurrentFakes() {
        for (int i = 0; i < 50; i++) {
            step.trainDiscriminator(Patterns.sine().sampleForTraining(64, random), noise(64));
        }
        INDArray z = noise(128);
        INDArray verdicts = discriminator.output(generator.output(z, true), true);
        double expected = -org.nd4j.linalg.ops.transforms.Transforms.log(verdicts, true).meanNumber().doubleValue();

        assertEquals(expected, step.trainGenerator(z), 1e-4);
        assertTrue(Double.isNaN(step.withoutGeneratorLoss().trainGenerator(z)));
    }

    @Test
    void gAndDStartFromDifferentWeights() {
        INDArray gFirst = generator.getLayer(1).getParam("W");
        INDArray dSecond = discriminator.getLayer(1).getParam("W");
        assertNotEquals(gFirst, dSecond);
    }

    @Test
    void discriminatorStepLeavesGUntouchedAndTakesOneOptimiserStep() {
        INDArray gBefore = generator.params().dup();
        int dIterations = discriminator.getIterationCount();
        var losses = step.trainDiscriminator(Patterns.sine().sampleForTraining(64, random), noise(64));
        assertEquals(gBefore, generator.params());
        // Real and fake are separate passes but one Adam step, as in the reference; two would make D outrun G.
        assertEquals(dIterations + 1, discriminator.getIterationCount());
        assertTrue(Double.isNaN(losses.generator()) && losses.discriminator() > 0);
    }

    @Test
    void sharingFakesShowsDTheFirstHalfOfOneGeneratorPassAndTrainsGOnAllOfIt() {
        INDArray z = noise(128);
        INDArray real = Patterns.sine().sampleForTraining(64, random);
        INDArray firstHalf = generator.output(z, true).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 64));
        double expectedFakeLoss = -org.nd4j.linalg.ops.transforms.Transforms.log(
                discriminator.output(firstHalf, true).rsub(1), true).meanNumber().doubleValue();
        INDArray dBefore = discriminator.params().dup();
        INDArray gBefore = generator.params().dup();

        var losses = step.stepSharingFakes(real, z);

        assertEquals(expectedFakeLoss, losses.discriminatorFake(), 1e-4, "D's fake half-batch is the first half of G(z)");
        assertNotEquals(dBefore, discriminator.params());
        assertNotEquals(gBefore, generator.params());
        assertTrue(losses.generator() > 0, "G's loss is measured on D's verdict after D's step");
    }
}
