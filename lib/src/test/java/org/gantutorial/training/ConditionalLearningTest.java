package org.gantutorial.training;

import org.gantutorial.Tutorial;
import org.gantutorial.history.Measure;
import org.gantutorial.metrics.HeadArea;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.DcganDiscriminator;
import org.gantutorial.models.DcganGenerator;
import org.gantutorial.mr.HeadLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notebook 08's level-conditional GAN, trained briefly at 32x32 on the sample scans, draws the level it is asked for. */
class ConditionalLearningTest {
    /** The reference decay of the generator average. */
    private static final double DECAY = org.gantutorial.models.DcganConfig.reference().averageDecay();

    @BeforeAll
    static void setUp() {
        Tutorial.setUp(Tutorial.Networks.IMAGE);
    }

    @Test
    void askedForEachBandItDrawsHeadsThatStepDownInAreaAsTheRealBandsDo() {
        var config = DcganConfig.reference().withImageSize(32).withGeneratorWidth(16).withDiscriminatorWidth(16)
                .withAugmentation(DcganConfig.Augmentation.TRANSLATION_AND_CUTOUT).withLearningRates(2e-4, 1e-4).withSeed(7);
        var levelled = LevelSlices.sampleData(32);
        var random = new Random(config.seed());
        var generator = new Generator(DcganGenerator.build(config.withLatentSize(config.latentSize() + LevelSlices.LEVELS)));
        var discriminator = new Discriminator(DcganDiscriminator.build(config, 1 + LevelSlices.LEVELS)).seeing(config.augmentation(), random);
        var average = GeneratorAverage.of(generator, DECAY);
        var watch = new TrainingWatch(new Scoreboard(new Measure("none", 0), 5), 600, 600, () -> 0).quiet();
        int half = config.batchSize() / 2;
        // Notebook 08's loop, line for line.
        for (int iteration = 1; iteration <= 600; iteration++) {
            LevelSlices.Batch real = levelled.randomBatch(half, random);
            INDArray asked = levelled.randomLevels(config.batchSize(), random);
            INDArray fake = generator.generate(Conditions.attach(config.noise(config.batchSize(), random), asked));
            watch.add(discriminator.learnFrom(real.images(), real.levels(), Label.REAL));
            watch.add(discriminator.learnFrom(Batches.first(half, fake), Batches.first(half, asked), Label.FAKE));
            discriminator.learnFrom(real.images(), levelled.otherLevels(real.levels(), random), Label.FAKE);
            discriminator.step();
            watch.add(generator.learnThrough(discriminator, fake, asked));
            average.follow(generator, iteration);
            watch.after(iteration);
        }

        Map<HeadLevel, Double> asked = new EnumMap<>(HeadLevel.class);
        INDArray noise = config.noise(256, new Random(100));
        for (HeadLevel level : HeadLevel.values()) {
            INDArray drawn = DcganGenerator.sample(average.network(), Conditions.attach(noise, LevelSlices.levels(level, 256)), 64);
            asked.put(level, HeadArea.percentile(HeadArea.perSlice(drawn), 50));
        }
        // Real medians at 32x32: ventricles 0.48, skull base 0.45, vertex 0.37. The same noise, asked for each level:
        assertTrue(asked.get(HeadLevel.VENTRICLES) > asked.get(HeadLevel.SKULL_BASE)
                && asked.get(HeadLevel.SKULL_BASE) > asked.get(HeadLevel.VERTEX), "median head area when asked for each level: " + asked);
        assertTrue(asked.get(HeadLevel.VENTRICLES) - asked.get(HeadLevel.VERTEX) > 0.05, "ventricles clearly above vertex: " + asked);
    }
}
