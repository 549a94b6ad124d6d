package org.gantutorial.training;

import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gantutorial.HeadPhantoms;
import org.gantutorial.Tutorial;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.DcganDiscriminator;
import org.gantutorial.models.DcganGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generator.learnThrough trains G by hand (backpropGradient + G's updater), not with fit(): these checks make
 * sure that path still updates batch norm's running statistics as fit() would, so that slices
 * made in inference mode (running statistics) vary like those made in training mode (batch
 * statistics): different noise vectors must give different slices in both modes.
 */
class GeneratorBatchNormTest {
    private static final DcganConfig CONFIG = DcganConfig.reference().withImageSize(32).withGeneratorWidth(8).withDiscriminatorWidth(8).withBatchSize(16);

    @BeforeAll
    static void setUp() {
        Tutorial.setUp(Tutorial.Networks.IMAGE);
    }

    @Test
    void runningStatisticsFollowTheBatchesAndSamplesStayVaried() {
        MultiLayerNetwork generator = DcganGenerator.build(CONFIG);
        var generatorPlayer = new Generator(generator);
        var discriminator = new Discriminator(DcganDiscriminator.build(CONFIG));
        INDArray real = HeadPhantoms.generate(8, 32, 11);
        INDArray meanBefore = generator.getParam("1_mean").dup();
        INDArray spreadBefore = generator.getParam("1_log10stdev").dup();
        for (int i = 0; i < 40; i++) {
            GanRound.play(generatorPlayer, discriminator, real, CONFIG.noise(16, new Random(100 + i)), verdict -> { });
        }
        assertTrue(generator.getParam("1_mean").sub(meanBefore).norm2Number().doubleValue() > 0,
                "G's batch-norm running mean must move during G steps");
        assertTrue(generator.getParam("1_log10stdev").sub(spreadBefore).norm2Number().doubleValue() > 0.1,
                "G's batch-norm running spread must move towards the batches' spread");

        INDArray noise = CONFIG.noise(32, new Random(7));
        double training = spreadAcrossSamples(generator.output(noise, true));
        double inference = spreadAcrossSamples(generator.output(noise, false));
        assertTrue(training > 0.02, "different noise must give different slices (spread " + training + ")");
        // Running statistics lag the batches a little, but frozen ones (never updated) would make every
        // inference-mode slice the same: a spread of about 1% of the training-mode one.
        assertTrue(inference > 0.25 * training,
                "inference mode must give varied slices too: spread " + inference + " vs " + training + " in training mode");
    }

    /** Mean over pixels of the standard deviation across samples. */
    private static double spreadAcrossSamples(INDArray images) {
        return images.std(0).meanNumber().doubleValue();
    }
}
