package org.gantutorial.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @Test
    void unknownCommandExitsWithUsageCode() {
        String[] result = CommandArgumentsTest.run("trian-1d");
        assertEquals("2", result[0]);
        assertTrue(result[1].contains("Unmatched argument") && result[1].contains("trian-1d"), result[1]);
    }

    @Test
    void withoutACommandOrWithHelpItListsEveryCommand() {
        for (String[] argv : new String[][] {{}, {"help"}}) {
            String[] result = CommandArgumentsTest.run(argv);
            assertEquals("0", result[0]);
            for (String command : new String[] {"backend", "mr-info", "train-1d", "train-mr", "bench"}) {
                assertTrue(result[2].contains(command), command + " missing from: " + result[2]);
            }
        }
    }
}
