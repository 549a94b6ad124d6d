package org.gantutorial.training;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gantutorial.Tutorial;
import org.gantutorial.history.Verdict;
import org.gantutorial.models.Discriminator1d;
import org.gantutorial.models.Gan1dConfig;
import org.gantutorial.models.Generator1d;
import org.gantutorial.patterns.Patterns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training loop's three calls do what notebooks 04 and 07 say they do. */
class GanCallsTest {
    private final Gan1dConfig config = Gan1dConfig.defaults();
    private final Generator generator = new Generator(Generator1d.build(config));
    private final Discriminator discriminator = new Discriminator(Discriminator1d.build(config));
    private final Random random = new Random(5);

    @BeforeAll
    static void setUp() {
        Tutorial.setUp(Tutorial.Networks.SMALL);
    }

    private INDArray real(int rows) {
        return Patterns.sine().sampleForTraining(rows, random);
    }

    private double meanOutput(INDArray batch) {
        return discriminator.network().output(batch, false).meanNumber().doubleValue();
    }

    @Test
    void dLearnsOnlyAtStepWithOneOptimiserStepForBothCallsAndLeavesGUntouched() {
        INDArray gBefore = generator.network().params().dup();
        INDArray dBefore = discriminator.network().params().dup();
        int dIterations = discriminator.network().getIterationCount();
        INDArray fake = generator.generate(config.noise(64, random));

        discriminator.learnFrom(real(64), Label.REAL);
        discriminator.learnFrom(fake, Label.FAKE);
        assertEquals(dBefore, discriminator.network().params(), "learnFrom alone must not change D's weights");
        discriminator.step();

        assertNotEquals(dBefore, discriminator.network().params());
        // Real and fake are separate passes but one Adam step, as in PyTorch's reference; two would make D outrun G.
        assertEquals(dIterations + 1, discriminator.network().getIterationCount());
        assertEquals(gBefore, generator.network().params());
        var error = assertThrows(IllegalStateException.class, discriminator::step);
        assertTrue(error.getMessage().contains("learnFrom"), error.getMessage());
    }

    @Test
    void aVerdictReportsDsOutputsLossAndAccuracyOnTheBatch() {
        INDArray batch = real(64);
        double[] outputs = discriminator.network().output(batch, true).toDoubleVector();
        double expectedLoss = 0;
        double calledReal = 0;
        for (double p : outputs) {
            expectedLoss -= Math.log(p) / outputs.length;
            calledReal += p > 0.5 ? 1.0 / outputs.length : 0;
        }

        Verdict verdict = discriminator.learnFrom(batch, Label.REAL);

        assertEquals(Verdict.Call.DISCRIMINATOR_ON_REAL, verdict.call());
        assertEquals(meanOutput(batch), verdict.meanOutput(), 1e-5, "D(x) comes from the learning call's own pass");
        assertEquals(expectedLoss, verdict.loss(), 1e-4);
        assertEquals(calledReal, verdict.accuracy(), 1e-9);
        Verdict onFake = discriminator.learnFrom(batch, Label.FAKE);
        assertEquals(1 - calledReal, onFake.accuracy(), 1e-9, "on a fake call, right means called fake");
    }

    @Test
    void aSmoothedRealLabelHoldsDsVerdictOnRealExamplesNearIt() {
        INDArray batch = real(64);
        double[] outputs = discriminator.network().output(batch, true).toDoubleVector();
        double expectedLoss = 0;
        for (double p : outputs) {
            expectedLoss -= (0.9 * Math.log(p) + 0.1 * Math.log(1 - p)) / outputs.length;
        }
        assertEquals(expectedLoss, discriminator.learnFrom(batch, new Label(0.9)).loss(), 1e-4);
        discriminator.step();
        for (int i = 0; i < 400; i++) {
            discriminator.learnFrom(batch, new Label(0.9));
            discriminator.step();
        }
        assertEquals(0.9, meanOutput(batch), 0.03, "told 0.9, D settles near 0.9 on real examples instead of running to 1");
        var error = assertThrows(IllegalArgumentException.class,
                () -> org.gantutorial.models.DcganConfig.reference().withRealLabel(0.3));
        assertTrue(error.getMessage().contains("realLabel"), error.getMessage());
    }

    @Test
    void gLearnsThroughDWithoutChangingDAndRaisesDOfGOfZ() {
        for (int i = 0; i < 100; i++) {
            GanRound.play(generator, discriminator, real(64), config.noise(128, random), verdict -> { });
        }
        INDArray z = config.noise(512, random);
        INDArray dBefore = discriminator.network().params().dup();
        INDArray gBefore = generator.network().params().dup();
        double before = meanOutput(generator.network().output(z, false));
        Verdict last = null;
        double judged = Double.NaN;
        for (int i = 0; i < 10; i++) {
            INDArray fake = generator.generate(config.noise(128, random));
            judged = meanOutput(fake);
            last = generator.learnThrough(discriminator, fake);
        }
        assertEquals(dBefore, discriminator.network().params(), "D's weights must be bit-identical after G steps");
        assertNotEquals(gBefore, generator.network().params(), "G's weights must change");
        assertTrue(meanOutput(generator.network().output(z, false)) > before, "G steps must make D rate the fakes as more real");
        assertEquals(Verdict.Call.GENERATOR_THROUGH_DISCRIMINATOR, last.call());
        assertEquals(judged, last.meanOutput(), 1e-5, "G's verdict is D's judgement of G's batch before G's step");
        assertTrue(last.loss() > 0);
    }

    @Test
    void gLearnsOnlyFromTheBatchItJustMade() {
        INDArray first = generator.generate(config.noise(16, random));
        generator.generate(config.noise(16, random));
        var stale = assertThrows(IllegalArgumentException.class, () -> generator.learnThrough(discriminator, first));
        assertTrue(stale.getMessage().contains("generate"), stale.getMessage());

        INDArray fresh = generator.generate(config.noise(16, random));
        generator.learnThrough(discriminator, fresh);
        assertThrows(IllegalArgumentException.class, () -> generator.learnThrough(discriminator, fresh),
                "a second step on the same pass would follow weights that have already moved");
    }

    @Test
    void gAndDStartFromDifferentWeights() {
        assertNotEquals(generator.network().getLayer(1).getParam("W"), discriminator.network().getLayer(1).getParam("W"));
    }

    @Test
    void networksThatDoNotEndAsAGanNeedsAreRefusedWithOneSentence() {
        var squaredError = network(new OutputLayer.Builder(new LossMSE()).nIn(8).nOut(1).activation(Activation.SIGMOID).build());
        var wrongD = assertThrows(IllegalArgumentException.class, () -> new Discriminator(squaredError));
        assertTrue(wrongD.getMessage().contains("one sigmoid unit and LossBinaryXENT"), wrongD.getMessage());
        var twoUnits = network(new OutputLayer.Builder(new LossBinaryXENT()).nIn(8).nOut(2).activation(Activation.SIGMOID).build());
        assertThrows(IllegalArgumentException.class, () -> new Discriminator(twoUnits));

        var wrongG = assertThrows(IllegalArgumentException.class, () -> new Generator(squaredError));
        assertTrue(wrongG.getMessage().contains("not in OutputLayer"), wrongG.getMessage());
    }

    /** Two inputs, a hidden dense layer, then {@code last}. */
    private static MultiLayerNetwork network(Layer last) {
        var network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(8).build()).layer(last).build());
        network.init();
        return network;
    }
}
