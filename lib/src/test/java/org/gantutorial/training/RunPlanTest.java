package org.gantutorial.training;

import org.gantutorial.HeadPhantoms;
import org.gantutorial.Tutorial;
import org.gantutorial.models.DcganConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunPlanTest {
    /** A 2 GB session, less the 400 MB that tools/budget keeps for JupyterLab and the system. */
    private static final MemoryBudget TWO_GB = new MemoryBudget(1648L << 20, 2L << 30);
    /** The sample heads' ventricle levels: 278 slices. */
    private static final int SLICES = 278;
    private static final DcganConfig DEFAULT = ImageGanInputs.defaults().model();

    @BeforeAll
    static void setUp() {
        Tutorial.setUp(Tutorial.Networks.IMAGE);
    }

    private static long data(int size) {
        return (long) SLICES * size * size * Float.BYTES;
    }

    @Test
    void theDefaultSizeTrainsAsItIsInTwoGigabytes() {
        assertEquals(DEFAULT, RunPlan.fit(DEFAULT, data(64), TWO_GB));
        var at128 = DEFAULT.withImageSize(128);
        assertEquals(at128, RunPlan.fit(at128, data(128), TWO_GB), "128 fits at batch 64 (issue 27: peak 1.33 GB)");
    }

    @Test
    void size256ShrinksItsBatchOrIsRefusedInTwoGigabytes() {
        var at256 = DEFAULT.withImageSize(256);
        try {
            var fitted = RunPlan.fit(at256, data(256), TWO_GB);
            assertTrue(fitted.batchSize() < at256.batchSize() && fitted.batchSize() >= RunPlan.SMALLEST_BATCH, "batch " + fitted.batchSize());
            assertEquals(at256.withBatchSize(fitted.batchSize()), fitted, "only the batch changes");
        } catch (RunPlan.TooLarge refused) {
            assertOneSentenceNamingASize(refused.getMessage(), 128);
        }
    }

    @Test
    void aRefusalIsOneSentenceThatNamesWhatIsNeededAndTheSizeThatFits() {
        var tooSmall = new MemoryBudget(700L << 20, 1L << 30);
        var refused = assertThrows(RunPlan.TooLarge.class, () -> RunPlan.fit(DEFAULT.withImageSize(256), data(256), tooSmall));
        String sentence = refused.getMessage();
        assertOneSentenceNamingASize(sentence, 64);
        assertTrue(sentence.startsWith("256×256 slices need about "), sentence);
        assertTrue(sentence.contains("700 MB"), "names the session's memory: " + sentence);
        assertEquals(0, refused.getStackTrace().length, "shown as one line, without a stack trace");
    }

    private static void assertOneSentenceNamingASize(String sentence, int atMost) {
        assertFalse(sentence.contains("\n"), sentence);
        assertTrue(sentence.endsWith(".") && sentence.indexOf(". ") < 0, "one sentence: " + sentence);
        var size = java.util.regex.Pattern.compile("image size (\\d+) fits").matcher(sentence);
        assertTrue(size.find(), "names a size that fits: " + sentence);
        assertTrue(Integer.parseInt(size.group(1)) <= atMost, sentence);
    }

    @Test
    void planningTimesStepsWithoutChangingTheRun() {
        var slices = TrainingSlices.of(HeadPhantoms.generate(64, 32, 3));
        var config = DcganConfig.reference().withImageSize(32).withGeneratorWidth(8).withDiscriminatorWidth(8).withBatchSize(16);
        INDArray straight = trainThreeSteps(config, slices);
        var plan = RunPlan.of(config, slices, 1800);
        assertEquals(config, plan.config(), "a small config fits any machine as it is");
        assertEquals(straight, trainThreeSteps(plan.config(), slices), "the throwaway steps leave the run's weights as they would be");

        String[] lines = plan.describe().split("\\R");
        assertEquals(2, lines.length, plan.describe());
        assertTrue(lines[0].startsWith("32×32 at batch 16 needs about "), lines[0]);
        assertTrue(lines[1].matches("About [0-9.]+ s per step, about .+ for 1,800 steps on this machine\\."), lines[1]);
        assertTrue(plan.secondsPerStep() > 0);
    }

    private static INDArray trainThreeSteps(DcganConfig config, TrainingSlices slices) {
        var gan = ImageGan.start(config, slices, SwdMeter.of(slices, config, 16));
        Random random = gan.random();
        for (int step = 1; step <= 3; step++) {
            GanRound.play(gan.generator(), gan.discriminator(), slices.randomBatch(config.batchSize() / 2, random),
                    config.noise(config.batchSize(), random), verdict -> {
                    });
        }
        return gan.generator().network().params().dup();
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("40 s", StepTimer.duration(40.2));
        assertEquals("12 min", StepTimer.duration(12 * 60 + 10));
        assertEquals("2 h 12 min", StepTimer.duration(4.4 * 1800));
    }
}
