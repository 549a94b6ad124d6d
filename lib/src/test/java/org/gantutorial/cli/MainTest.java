package org.gantutorial.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @Test
    void unknownCommandExitsWithUsageCode() {
        String err = captureErr(() -> assertEquals(2, Main.run(new String[] {"trian-1d"})));
        assertTrue(err.contains("unknown command 'trian-1d'"), err);
    }

    @Test
    void helpListsEveryCommand() {
        var out = new ByteArrayOutputStream();
        var old = System.out;
        System.setOut(new PrintStream(out));
        try {
            assertEquals(0, Main.run(new String[] {"help"}));
        } finally {
            System.setOut(old);
        }
        assertTrue(out.toString().contains("backend"));
    }

    @Test
    void optionsAreParsedAndChecked() {
        Args args = Args.parse(new String[] {"path/x", "--iterations", "30", "--resume"}, Set.of("resume"));
        assertEquals(30, args.integer("iterations", 5));
        assertTrue(args.flag("resume"));
        assertEquals("path/x", args.positional().get(0));
        args.rejectUnknown();
    }

    @Test
    void badOptionsGetOneClearMessage() {
        var wrongNumber = assertThrows(UsageException.class,
                () -> Args.parse(new String[] {"--iterations", "many"}, Set.of()).integer("iterations", 1));
        assertEquals("--iterations must be a whole number, not 'many'", wrongNumber.getMessage());

        var typo = assertThrows(UsageException.class, () -> {
            Args args = Args.parse(new String[] {"--iteratons", "5"}, Set.of());
            args.integer("iterations", 1);
            args.rejectUnknown();
        });
        assertEquals("unknown option --iteratons", typo.getMessage());

        var missing = assertThrows(UsageException.class, () -> Args.parse(new String[] {"--seed"}, Set.of()));
        assertEquals("option --seed needs a value", missing.getMessage());
    }

    private static String captureErr(Runnable action) {
        var err = new ByteArrayOutputStream();
        var old = System.err;
        System.setErr(new PrintStream(err));
        try {
            action.run();
        } finally {
            System.setErr(old);
        }
        return err.toString();
    }
}
