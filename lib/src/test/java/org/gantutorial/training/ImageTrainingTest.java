package org.gantutorial.training;

import java.util.Random;
import org.deeplearning4j.util.ModelSerializer;
import org.gantutorial.HeadPhantoms;
import org.gantutorial.Tutorial;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.DcganGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageTrainingTest {
    /** The reference decay of the generator average. */
    private static final double DECAY = org.gantutorial.models.DcganConfig.reference().averageDecay();

    private static final TrainingSlices PHANTOMS = TrainingSlices.of(HeadPhantoms.generate(256, 32, 3));
    /** Small enough to train in seconds on two cores. */
    private static final DcganConfig SMALL = DcganConfig.reference().withImageSize(32).withGeneratorWidth(8)
            .withDiscriminatorWidth(8).withBatchSize(32);

    @BeforeAll
    static void setUp() {
        Tutorial.setUp(Tutorial.Networks.IMAGE);
    }

    /** A fresh or resumed run of {@code config} into {@code folder}, trained up to {@code schedule}'s iteration. */
    private static ImageGan train(DcganConfig config, ImageSchedule schedule, Path folder, boolean resume) throws Exception {
        var swd = SwdMeter.of(PHANTOMS, config, 32);
        var gan = resume ? Checkpoint.resumeOrStart(folder, config, PHANTOMS, swd) : ImageGan.start(config, PHANTOMS, swd);
        ImageTraining.run(gan, PHANTOMS, swd, new ImageDashboard(gan, swd, folder), schedule, folder, true);
        return gan;
    }

    @ParameterizedTest
    @EnumSource(value = DcganConfig.Augmentation.class, names = {"NONE", "TRANSLATION_AND_CUTOUT"})
    void aShortSeededRunLowersTheSwdClearly(DcganConfig.Augmentation augmentation, @TempDir Path folder) throws Exception {
        var config = SMALL.withGeneratorWidth(16).withDiscriminatorWidth(16).withAugmentation(augmentation);
        var swd = SwdMeter.of(PHANTOMS, config, 64);
        var gan = ImageGan.start(config, PHANTOMS, swd);
        var dashboard = new ImageDashboard(gan, swd, folder);
        ImageTraining.run(gan, PHANTOMS, swd, dashboard, new ImageSchedule(150, 50, 50, 100), folder, true);

        var measure = gan.scoreboard().measure();
        assertEquals(4, measure.points().size(), "the untrained generator, then every 50 iterations");
        assertEquals(3, gan.scoreboard().history().evaluations().size());
        assertTrue(measure.last() < 0.6 * measure.first(), "SWD went from " + measure.first() + " to " + measure.last());
        assertTrue(measure.floor() < measure.last(), "the real-vs-real floor is the lower bound");
        assertEquals(4, dashboard.frames().all().size(), "one GIF frame at the start and one per shown iteration");
    }

    @Test
    void resumingFromACheckpointContinuesTheSameRun(@TempDir Path straight, @TempDir Path interrupted) throws Exception {
        // With augmentation, whose random changes must continue where they were too.
        var config = SMALL.withAugmentation(DcganConfig.Augmentation.TRANSLATION_AND_CUTOUT);
        var uninterrupted = train(config, new ImageSchedule(12, 3, 6, 6), straight, false);
        train(config, new ImageSchedule(6, 3, 6, 100), interrupted, false);
        var resumed = train(config, new ImageSchedule(12, 3, 6, 6), interrupted, true);

        var expected = uninterrupted.scoreboard().history().evaluations();
        var actual = resumed.scoreboard().history().evaluations();
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).iteration(), actual.get(i).iteration());
            assertEquals(expected.get(i).discriminatorLoss(), actual.get(i).discriminatorLoss(), 1e-4);
            assertEquals(expected.get(i).generatorLoss(), actual.get(i).generatorLoss(), 1e-4);
        }
        assertEquals(uninterrupted.scoreboard().measure().last(), resumed.scoreboard().measure().last(), 1e-3);
        assertEquals(new ImageDashboard(uninterrupted, SwdMeter.of(PHANTOMS, config, 32), straight).frames().all().size(),
                new ImageDashboard(resumed, SwdMeter.of(PHANTOMS, config, 32), interrupted).frames().all().size());
        assertEquals(0, distance(uninterrupted.generator().network().params(), resumed.generator().network().params()), 1e-3);
        assertEquals(0, distance(uninterrupted.average().network().params(), resumed.average().network().params()), 1e-3);
    }

    @Test
    void anInterruptStopsAfterTheIterationAndKeepsACheckpoint(@TempDir Path folder) throws Exception {
        Thread.currentThread().interrupt();
        var gan = train(SMALL, new ImageSchedule(50, 5, 5, 100), folder, false);
        assertEquals(0, gan.iteration(), "interrupted before the first iteration");
        assertTrue(gan.scoreboard().warnings().get(0).contains("interrupted"));
        assertTrue(Checkpoint.existsIn(folder), "what was learned is saved");
        assertTrue(!Thread.interrupted(), "the interrupt is taken, not left for the next cell");
    }

    @Test
    void aGeneratorLoadedFromACheckpointSamplesLikeTheAverage(@TempDir Path folder) throws Exception {
        var gan = train(SMALL, new ImageSchedule(4, 2, 2, 100), folder, false);
        assertTrue(Files.isRegularFile(folder.resolve("checkpoint").resolve("generator.zip")));

        var loaded = Checkpoint.loadGenerator(folder);
        var noise = SMALL.noise(32, new Random(5));
        INDArray samples = DcganGenerator.sample(loaded, noise, 32);
        assertArrayEquals(new long[] {32, 1, 32, 32}, samples.shape());
        INDArray original = DcganGenerator.sample(gan.average().network(), noise, 32);
        assertTrue(samples.equalsWithEps(original, 1e-5), "the saved generator is the average the pictures show");
    }

    @Test
    void aCheckpointOfAnEarlierVersionIsRefusedWithOneSentence(@TempDir Path folder) throws Exception {
        // Before the networks were DL4J's own layers, checkpoints named the library's layers, which no longer exist.
        Path file = folder.resolve(Checkpoint.FOLDER).resolve("generator.zip");
        Files.createDirectories(file.getParent());
        ModelSerializer.writeModel(DcganGenerator.build(SMALL), file.toFile(), false);
        try (FileSystem zip = FileSystems.newFileSystem(file)) {
            Path json = zip.getPath("configuration.json");
            Files.writeString(json, Files.readString(json).replace("org.deeplearning4j.nn.conf.layers.DenseLayer", "org.gantutorial.models.LeanDense"));
        }
        var error = assertThrows(IOException.class, () -> Checkpoint.loadGenerator(folder));
        assertTrue(error.getMessage().contains("another version of the tutorial; delete its folder"), error.getMessage());
    }

    @Test
    void aCheckpointOfOtherSettingsOrDataIsNotResumedSilently(@TempDir Path folder) throws Exception {
        train(SMALL, new ImageSchedule(2, 2, 2, 2), folder, false);
        var other = SMALL.withDiscriminatorWidth(4);
        var swd = SwdMeter.of(PHANTOMS, SMALL, 32);
        var error = assertThrows(IllegalStateException.class, () -> Checkpoint.resumeOrStart(folder, other, PHANTOMS, swd));
        assertTrue(error.getMessage().contains(folder.toString()) && error.getMessage().contains("another output folder"), error.getMessage());
        var fewer = TrainingSlices.of(PHANTOMS.images().get(NDArrayIndex.interval(0, 200)));
        var otherData = assertThrows(IllegalStateException.class, () -> Checkpoint.resumeOrStart(folder, SMALL, fewer, swd));
        assertTrue(otherData.getMessage().contains("trained on 256 slices, not on these 200"), otherData.getMessage());
        assertEquals(2, Checkpoint.resumeOrStart(folder, SMALL, PHANTOMS, swd).iteration(), "the same settings resume");
    }

    @Test
    void theAverageFollowsTheGeneratorEarlyAndSmoothsItLater() {
        var generator = new Generator(DcganGenerator.build(SMALL));
        var average = GeneratorAverage.of(generator, DECAY);
        INDArray start = generator.network().params().dup();
        generator.network().params().addi(1);
        average.follow(generator, 1);
        // Step 1 keeps 2/11 of the old average: the random start fades at once.
        assertEquals(9.0 / 11, average.network().params().sub(start).meanNumber().doubleValue(), 1e-3);
        generator.network().params().addi(1);
        average.follow(generator, 10_000);
        // Late in training the average moves only a little towards the generator (now start + 2).
        assertEquals(DECAY * 9.0 / 11 + (1 - DECAY) * 2,
                average.network().params().sub(start).meanNumber().doubleValue(), 1e-3);
    }

    @Test
    void trainingSlicesRefuseTheWrongLayoutWithOneSentence() {
        var flat = assertThrows(IllegalArgumentException.class, () -> TrainingSlices.of(PHANTOMS.images().reshape(256, 32 * 32)));
        assertTrue(flat.getMessage().contains("[N, 1, S, S]"), flat.getMessage());
        var bright = assertThrows(IllegalArgumentException.class, () -> TrainingSlices.of(PHANTOMS.images().mul(3)));
        assertTrue(bright.getMessage().contains("scale them to [-1, 1]"), bright.getMessage());
        var wrongSize = assertThrows(IllegalArgumentException.class,
                () -> ImageGan.start(SMALL.withImageSize(64), PHANTOMS, SwdMeter.of(PHANTOMS, SMALL, 32)));
        assertTrue(wrongSize.getMessage().contains("load them at image size 64"), wrongSize.getMessage());
    }

    private static double distance(INDArray a, INDArray b) {
        return a.sub(b).norm2Number().doubleValue();
    }
}
