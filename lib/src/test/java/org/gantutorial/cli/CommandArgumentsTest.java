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
    /** Runs Main and returns its exit code and what it printed to stderr. */
    private static String[] run(String... argv) {
        PrintStream original = System.err;
        var err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            return new String[] {String.valueOf(Main.run(argv)), err.toString()};
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void trainOneDNeedsAPattern() {
        String[] result = run("train-1d");
        assertEquals("2", result[0]);
        assertTrue(result[1].contains("--pattern is required") && result[1].contains("circle"));
    }

    @Test
    void unknownPatternsNumbersAndOptionsAreUsageErrors() {
        assertTrue(run("train-1d", "--pattern", "zigzag")[1].contains("no pattern called 'zigzag'"));
        assertTrue(run("train-1d", "--pattern", "sine", "--iterations", "many")[1].contains("whole number"));
        assertTrue(run("train-1d", "--pattern", "sine", "--iterations", "0")[1].contains("at least 1"));
        assertTrue(run("train-1d", "--pattern", "sine", "--epochs", "3")[1].contains("unknown option --epochs"));
        assertEquals("2", run("bench", "--fast", "yes")[0]);
    }

    @Test
    void trainMrRejectsBadSizesWidthsAugmentationsAndLevelsBeforeLoadingAnything() {
        String[] width = run("train-mr", "--width", "0");
        assertEquals("2", width[0]);
        assertTrue(width[1].contains("--width must be at least 1"));
        assertTrue(run("train-mr", "--size", "48")[1].contains("--size must be 32, 64, 128 or 256"));
        assertTrue(run("train-mr", "--augment", "sideways")[1].contains("--augment must be one of none, translation, translation-and-cutout, not 'sideways'"));
        assertTrue(run("train-mr", "--levels", "orbits")[1].contains("--levels must be one of all, ventricles, not 'orbits'"));
    }

    @Test
    void trainMrRefusesToResumeWithOtherSettings(@TempDir Path temp) throws Exception {
        SyntheticImages.writePngs(HeadPhantoms.generate(32, 32, 1), temp.resolve("slices"), "phantom");
        String[] common = {"train-mr", "--data", temp.resolve("slices").toString(), "--size", "32", "--iterations", "2",
                "--out", temp.resolve("run").toString()};
        assertEquals("0", run(concat(common, "--width", "4"))[0]);

        String[] other = run(concat(common, "--width", "8", "--resume"));
        assertEquals("1", other[0]);
        assertTrue(other[1].contains("was trained with") && other[1].contains("generatorWidth=4"), other[1]);
        assertEquals("0", run(concat(common, "--width", "4", "--resume"))[0], "the same settings resume");
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more)).toArray(String[]::new);
    }
}
