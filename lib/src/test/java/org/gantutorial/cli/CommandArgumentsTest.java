package org.gantutorial.cli;

import org.gantutorial.HeadPhantoms;
import org.gantutorial.plots.SyntheticImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandArgumentsTest {
    /** Runs Main and returns its exit code, what it printed to stdout and to stderr. */
    static String[] run(String... argv) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true));
        System.setErr(new PrintStream(stderr, true));
        try {
            return new String[] {String.valueOf(Main.run(argv)), stderr.toString(), stdout.toString()};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void everyCommandAnswersHelpWithItsOptions() {
        for (String command : new String[] {"backend", "mr-info", "train-1d", "train-mr", "bench"}) {
            String[] result = run(command, "--help");
            assertEquals("0", result[0], command + ": " + result[1]);
            assertTrue(result[2].contains("Usage: gan " + command), command + ": " + result[2]);
        }
        assertTrue(run("train-mr", "--help")[2].contains("--generator-width"));
    }

    @Test
    void trainOneDNeedsAPattern() {
        String[] result = run("train-1d");
        assertEquals("2", result[0]);
        assertTrue(result[1].contains("--pattern") && result[1].contains("--help"), result[1]);
    }

    @Test
    void unknownPatternsNumbersAndOptionsAreUsageErrors() {
        assertTrue(run("train-1d", "--pattern", "zigzag")[1].contains("no pattern called 'zigzag'"));
        assertTrue(run("train-1d", "--pattern", "sine", "--iterations", "many")[1].contains("'many' is not an int"));
        assertTrue(run("train-1d", "--pattern", "sine", "--iterations", "0")[1].contains("--iterations must be at least 1"));
        assertTrue(run("train-1d", "--pattern", "sine", "--epochs", "3")[1].contains("Unknown options: '--epochs'"));
        assertEquals("2", run("bench", "--fast", "yes")[0]);
    }

    @Test
    void trainMrRejectsBadSizesWidthsAugmentationsAndLevelsBeforeLoadingAnything() {
        String[] width = run("train-mr", "--generator-width", "0");
        assertEquals("2", width[0]);
        assertTrue(width[1].contains("--generator-width must be at least 1"), width[1]);
        assertTrue(run("train-mr", "--image-size", "48")[1].contains("--image-size must be 32, 64, 128 or 256"));
        assertTrue(run("train-mr", "--augmentation", "sideways")[1]
                .contains("must be one of none, translation, translation-and-cutout, not 'sideways'"));
        assertTrue(run("train-mr", "--levels", "orbits")[1].contains("must be one of all, ventricles, not 'orbits'"));
        // The ranges are the config record's own; the refusal names the option as typed.
        assertTrue(run("train-mr", "--scan-weight-power", "2")[1].contains("--scan-weight-power runs from 0 (every scan drawn alike)"));
        assertTrue(run("train-mr", "--real-label", "0.2")[1].contains("--real-label is what D is told a real batch is, from 0.5"));
        assertTrue(run("train-mr", "--average-decay", "1")[1].contains("--average-decay is the share of the old average"));
    }

    @Test
    void trainMrRefusesToResumeWithOtherSettings(@TempDir Path temp) throws Exception {
        SyntheticImages.writePngs(HeadPhantoms.generate(32, 32, 1), temp.resolve("slices"), "phantom");
        String[] common = {"train-mr", "--data", temp.resolve("slices").toString(), "--image-size", "32", "--iterations", "2",
                "--out", temp.resolve("run").toString()};
        String[] first = run(concat(common, "--generator-width", "4"));
        assertEquals("0", first[0], first[1]);
        assertTrue(first[2].contains("swd: ") && first[2].contains("near-copies: "), first[2]);

        String[] other = run(concat(common, "--generator-width", "8", "--resume"));
        assertEquals("1", other[0]);
        assertTrue(other[1].contains("was trained with") && other[1].contains("generatorWidth=4"), other[1]);
        assertEquals("0", run(concat(common, "--generator-width", "4", "--resume"))[0], "the same settings resume");
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more)).toArray(String[]::new);
    }
}
