package org.gantutorial.fast;

import java.util.Random;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.DcganDiscriminator;
import org.gantutorial.models.DcganGenerator;
import org.gantutorial.training.Discriminator;
import org.gantutorial.training.GanRound;
import org.gantutorial.training.Generator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneDnnHelpersTest {
    private static final DcganConfig CONFIG = DcganConfig.reference().withImageSize(32).withGeneratorWidth(8).withDiscriminatorWidth(8).withBatchSize(16);

    @AfterEach
    void restore() {
        OneDnnHelpers.setEnabled(true);
    }

    @Test
    void theOneDnnBuildLoadsAndTheHelpersAttach() {
        assertTrue(OneDnnHelpers.available(), "the oneDNN build of ND4J should load on x86-64 Linux");
        // G's last layer with this output block is DL4J's own convolution (tanh: its twin keeps it), which runs through
        // its helper; this package's layers call ND4J's ops, which take oneDNN's path while helpers are allowed.
        var upsampling = CONFIG.withOutputBlock(DcganConfig.OutputBlock.UPSAMPLE_AND_CONVOLVE);
        OneDnnHelpers.setEnabled(true);
        var generator = DcganGenerator.build(upsampling);
        assertTrue(OneDnnHelpers.active());
        assertTrue(Nd4j.getEnvironment().helpersAllowed(), "ND4J's ops take oneDNN's path");
        assertNotNull(generator.getLayer(generator.getnLayers() - 1).getHelper(), "DL4J's convolutions run through oneDNN");
        OneDnnHelpers.setEnabled(false);
        var plain = DcganGenerator.build(upsampling);
        assertNull(plain.getLayer(plain.getnLayers() - 1).getHelper(), "explicitly off stays off");
        assertFalse(Nd4j.getEnvironment().helpersAllowed(), "explicitly off stays off for ND4J's ops too");
    }

    @Test
    void oneDnnTrainingMatchesThePlainPath() {
        OneDnnHelpers.setEnabled(true);
        INDArray[] fast = train();
        OneDnnHelpers.setEnabled(false);
        INDArray[] plain = train();
        for (int i = 0; i < fast.length; i++) {
            double difference = fast[i].sub(plain[i]).norm2Number().doubleValue();
            double size = plain[i].norm2Number().doubleValue();
            assertTrue(difference < 1e-3 * size, "network " + i + " differs by " + difference / size + " (relative)");
        }
    }

    /** Three GAN iterations on fixed inputs; returns G's and D's parameters afterwards. */
    private static INDArray[] train() {
        var generator = new Generator(DcganGenerator.build(CONFIG));
        var discriminator = new Discriminator(DcganDiscriminator.build(CONFIG));
        INDArray real = org.gantutorial.HeadPhantoms.generate(8, 32, 11);
        for (int i = 0; i < 3; i++) {
            GanRound.play(generator, discriminator, real, CONFIG.noise(16, new Random(30 + i)), verdict -> { });
        }
        return new INDArray[] {generator.network().params().dup(), discriminator.network().params().dup()};
    }
}
