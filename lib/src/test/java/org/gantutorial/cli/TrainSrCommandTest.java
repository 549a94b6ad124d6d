package org.gantutorial.cli;

import org.gantutorial.plots.SyntheticPng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.gantutorial.cli.CommandArgumentsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainSrCommandTest {

    @Test
    void trainSrAnswersHelpWithNotebookEightsKnobs() {
        String[] help = run("train-sr", "--help");
        assertEquals("0", help[0], help[1]);
        for (String option : new String[] {"--degradation", "--held-back-scan", "--l1-weight", "--l1-iterations",
                "--adversarial-iterations", "--invented-difference", "--resume"}) {
            assertTrue(help[2].contains(option), option + " in " + help[2]);
        }
        assertTrue(run("help")[2].contains("train-sr"), "listed with the other commands");
    }

    @Test
    void trainSrRejectsBadDegradationsSizesAndScansInOneLine() {
        String[] degradation = run("train-sr", "--degradation", "blurred:2");
        assertEquals("2", degradation[0]);
        assertTrue(degradation[1].contains("must be downsampled:FACTOR or noisy:DEVIATION"), degradation[1]);
        assertTrue(run("train-sr", "--degradation", "downsampled:3")[1].contains("power of two"));
        assertTrue(run("train-sr", "--image-size", "48")[1].contains("--image-size must be 32, 64, 128 or 256"));
        String[] scan = run("train-sr", "--image-size", "32", "--held-back-scan", "mni152");
        assertEquals("2", scan[0]);
        assertTrue(scan[1].contains("not one of the whole-head sample scans") && scan[1].contains("almi5"), scan[1]);
    }

    @Test
    void aShortRunWritesCheckpointsPicturesAndALineOfFiguresAndResumes(@TempDir Path out) throws Exception {
        String[] common = {"train-sr", "--image-size", "32", "--restorer-width", "4", "--l1-iterations", "3",
                "--adversarial-iterations", "2", "--out", out.toString()};
        String[] first = run(common);
        assertEquals("0", first[0], first[1]);
        String last = first[2].strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.matches("psnr: input [0-9.]+ l1 [0-9.]+ gan [0-9.]+ ssim: .* sharpness: .* invented: .*%"), last);
        assertTrue(Files.isRegularFile(out.resolve("l1-checkpoint").resolve("restorer.zip")));
        assertTrue(Files.isRegularFile(out.resolve("gan-checkpoint").resolve("discriminator.zip")));
        assertTrue(Files.isRegularFile(out.resolve("figures.png")) && Files.isRegularFile(out.resolve("curves.png")));
        assertEquals("yes", SyntheticPng.read(out.resolve("SYNTHETIC-most-invented.png")).get("Synthetic"));

        String[] resumed = run(concat(common, "--resume"));
        assertEquals("0", resumed[0], resumed[1]);
        assertTrue(resumed[2].contains("psnr: "), "a finished run resumes to its figures without training");
        String[] other = run(concat(common, "--l1-weight", "10", "--resume"));
        assertEquals("1", other[0]);
        assertTrue(other[1].contains("was trained with") && other[1].contains("l1Weight=100"), other[1]);
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more)).toArray(String[]::new);
    }
}
