package org.gantutorial.models;

import java.util.Random;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.gantutorial.Tutorial;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DcganModelsTest {
    @BeforeAll
    static void setUp() {
        Tutorial.setUp(Tutorial.Networks.IMAGE);
    }

    @Test
    void referenceGeneratorMakes64x64SlicesInMinusOneToOne() {
        var config = DcganConfig.reference();
        var generator = DcganGenerator.build(config);
        var images = generator.output(config.noise(3, new Random(1)));
        assertArrayEquals(new long[] {3, 1, 64, 64}, images.shape());
        assertTrue(images.maxNumber().doubleValue() <= 1 && images.minNumber().doubleValue() >= -1);
    }

    @Test
    void discriminatorGivesOneProbabilityPerSlice() {
        var config = DcganConfig.reference().withImageSize(32);
        var discriminator = DcganDiscriminator.build(config);
        var scores = discriminator.output(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 1, 32, 32));
        assertArrayEquals(new long[] {5, 1}, scores.shape());
        assertTrue(scores.minNumber().doubleValue() > 0 && scores.maxNumber().doubleValue() < 1);
    }

    @Test
    void blockCountAndWidthsFollowTheImageSize() {
        var reference = DcganConfig.reference();
        assertEquals(4, reference.blocks());
        assertEquals(256, reference.deepestWidth());
        assertEquals(3, reference.withImageSize(32).blocks());
        assertEquals(6, reference.withImageSize(256).blocks());
        var generator = DcganGenerator.build(reference.withImageSize(128).withGeneratorWidth(8).withDiscriminatorWidth(8));
        assertArrayEquals(new long[] {2, 1, 128, 128},
                generator.output(reference.noise(2, new Random(3))).shape());
    }

    @Test
    void upsampleAndConvolveOutputBlockMakesTheSameSlicesWithoutATransposeConvolutionAtTheEnd() {
        var config = DcganConfig.reference().withImageSize(32).withGeneratorWidth(8).withDiscriminatorWidth(8)
                .withOutputBlock(DcganConfig.OutputBlock.UPSAMPLE_AND_CONVOLVE);
        var generator = DcganGenerator.build(config);
        var images = generator.output(config.noise(2, new Random(4)));
        assertArrayEquals(new long[] {2, 1, 32, 32}, images.shape());
        assertTrue(images.maxNumber().doubleValue() <= 1 && images.minNumber().doubleValue() >= -1);
        var layers = generator.getLayerWiseConfigurations().getConfs();
        assertInstanceOf(Upsampling2D.class, layers.get(layers.size() - 2).getLayer());
        assertInstanceOf(ConvolutionLayer.class, layers.get(layers.size() - 1).getLayer());
    }

    @Test
    void discriminatorWidthIsSetApartFromTheGenerators() {
        var config = DcganConfig.reference().withImageSize(32).withGeneratorWidth(16).withDiscriminatorWidth(16).withDiscriminatorWidth(8);
        var discriminator = DcganDiscriminator.build(config);
        assertEquals(8, ((ConvolutionLayer) discriminator.getLayerWiseConfigurations().getConf(0).getLayer()).getNOut());
        assertEquals(16 * 4, config.deepestWidth(), "G keeps its own width");
    }

    @Test
    void rejectsImageSizesThatAreNotPowersOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> DcganConfig.reference().withImageSize(48));
    }
}
