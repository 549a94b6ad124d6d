package org.gantutorial.training;

import org.gantutorial.models.DcganConfig;
import org.gantutorial.HeadPhantoms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageGanTrainerTest {
    private static final INDArray PHANTOMS = HeadPhantoms.generate(256, 32, 3);
    /** Small enough to train in seconds on two cores. */
    private static final DcganConfig SMALL = DcganConfig.reference().withImageSize(32).withBaseWidth(8).withBatchSize(32);

    @ParameterizedTest
    @EnumSource(value = DcganConfig.Augmentation.class, names = {"NONE", "TRANSLATION_AND_CUTOUT"})
    void aShortSeededRunLowersTheSwdClearly(DcganConfig.Augmentation augmentation) throws Exception {
        var plan = ImageTrainingPlan.of(150).withEvaluateEvery(50).withShowEvery(50).withQualitySamples(64);
        var trainer = ImageGanTrainer.start(SMALL.withBaseWidth(16).withAugmentation(augmentation), PHANTOMS, plan);
        var history = trainer.train();
        double first = history.evaluations().get(0).quality();
        double last = history.last().quality();
        assertEquals(4, history.evaluations().size());
        assertTrue(last < 0.6 * first, "SWD went from " + first + " to " + last);
        assertTrue(trainer.qualityFloor() < last, "the real-vs-real floor is the lower bound");
        assertEquals(4, trainer.frames().size(), "one GIF frame at the start and one per shown iteration");
    }

    @Test
    void resumingFromACheckpointContinuesTheSameHistory(@TempDir Path straight, @TempDir Path interrupted) throws Exception {
        // With augmentation, whose random changes must continue where they were too.
        var config = SMALL.withAugmentation(DcganConfig.Augmentation.TRANSLATION_AND_CUTOUT);
        var plan = ImageTrainingPlan.of(12).withEvaluateEvery(3).withShowEvery(6).withQualitySamples(32);
        var uninterrupted = ImageGanTrainer.start(config, PHANTOMS, plan.withCheckpoints(straight, 6));
        uninterrupted.train();

        ImageGanTrainer.start(config, PHANTOMS, plan.withIterations(6).withCheckpoints(interrupted, 100)).train();
        var resumed = ImageGanTrainer.startOrResume(config, PHANTOMS, plan.withCheckpoints(interrupted, 6));
        assertEquals(6, resumed.iteration());
        resumed.train();

        var expected = uninterrupted.history().evaluations();
        var actual = resumed.history().evaluations();
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).iteration(), actual.get(i).iteration());
            assertEquals(expected.get(i).discriminatorLoss(), actual.get(i).discriminatorLoss(), 1e-4);
            assertEquals(expected.get(i).generatorLoss(), actual.get(i).generatorLoss(), 1e-4);
            assertEquals(expected.get(i).quality(), actual.get(i).quality(), 1e-3 * expected.get(i).quality());
        }
        assertEquals(uninterrupted.frames().size(), resumed.frames().size());
        assertEquals(uninterrupted.generator().params().sub(resumed.generator().params()).norm2Number().doubleValue(), 0, 1e-3);
        assertEquals(uninterrupted.averagedGenerator().params().sub(resumed.averagedGenerator().params()).norm2Number().doubleValue(), 0, 1e-3);
    }

    @Test
    void aGeneratorLoadedFromACheckpointSamplesLikeTheTrainedOne(@TempDir Path folder) throws Exception {
        var trainer = ImageGanTrainer.start(SMALL, PHANTOMS, ImageTrainingPlan.of(4).withQualitySamples(32).withCheckpoints(folder, 100));
        trainer.train();
        assertTrue(Files.isRegularFile(folder.resolve("checkpoint").resolve("generator.zip")));

        var loaded = Checkpoint.loadGenerator(folder);
        var noise = org.gantutorial.models.DcganGenerator.noise(32, SMALL, 5);
        INDArray samples = org.gantutorial.models.DcganGenerator.sample(loaded, noise, 32);
        assertArrayEquals(new long[] {32, 1, 32, 32}, samples.shape());
        INDArray original = org.gantutorial.models.DcganGenerator.sample(trainer.averagedGenerator(), noise, 32);
        assertTrue(samples.equalsWithEps(original, 1e-5), "the saved generator is the averaged one the trainer shows");
    }

    @Test
    void aCheckpointOfOtherSettingsOrDataIsNotResumedSilently(@TempDir Path folder) throws Exception {
        var plan = ImageTrainingPlan.of(2).withEvaluateEvery(2).withShowEvery(2).withQualitySamples(32).withCheckpoints(folder, 2);
        ImageGanTrainer.start(SMALL, PHANTOMS, plan).train();
        var other = SMALL.withDiscriminatorWidth(4);
        var error = assertThrows(IllegalStateException.class, () -> ImageGanTrainer.startOrResume(other, PHANTOMS, plan));
        assertTrue(error.getMessage().contains(folder.toString()) && error.getMessage().contains("another output folder"), error.getMessage());
        INDArray fewer = PHANTOMS.get(NDArrayIndex.interval(0, 200));
        var otherData = assertThrows(IllegalStateException.class, () -> ImageGanTrainer.startOrResume(SMALL, fewer, plan));
        assertTrue(otherData.getMessage().contains("trained on 256 slices, not on these 200"), otherData.getMessage());
        assertEquals(2, ImageGanTrainer.startOrResume(SMALL, PHANTOMS, plan).iteration(), "the same settings resume");
    }

    @Test
    void theAverageFollowsTheGeneratorEarlyAndSmoothsItLater() {
        var generator = org.gantutorial.models.DcganGenerator.build(SMALL);
        var average = GeneratorAverage.startFrom(generator);
        INDArray start = generator.params().dup();
        generator.params().addi(1);
        GeneratorAverage.update(average, generator, 1);
        // Step 1 keeps 2/11 of the old average: the random start fades at once.
        assertEquals(9.0 / 11, average.params().sub(start).meanNumber().doubleValue(), 1e-3);
        generator.params().addi(1);
        GeneratorAverage.update(average, generator, 10_000);
        // Late in training the average moves only a little towards the generator (now start + 2).
        assertEquals(GeneratorAverage.DECAY * 9.0 / 11 + (1 - GeneratorAverage.DECAY) * 2,
                average.params().sub(start).meanNumber().doubleValue(), 1e-3);
    }
}
