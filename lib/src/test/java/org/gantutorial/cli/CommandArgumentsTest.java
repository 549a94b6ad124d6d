package org.gantutorial.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

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
    void trainMrRejectsBadSizesWidthsAndAugmentationsBeforeLoadingAnything() {
        String[] width = run("train-mr", "--width", "0");
        assertEquals("2", width[0]);
        assertTrue(width[1].contains("--width must be at least 1"));
        assertTrue(run("train-mr", "--size", "48")[1].contains("--size must be 32, 64, 128 or 256"));
        assertTrue(run("train-mr", "--augment", "sideways")[1].contains("--augment must be translation-and-cutout, translation or none, not sideways"));
    }
}
