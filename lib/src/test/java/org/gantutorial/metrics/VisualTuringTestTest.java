package org.gantutorial.metrics;

import org.gantutorial.HeadPhantoms;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VisualTuringTestTest {
    /** Real slices are phantoms; "generated" ones are their negatives, so a tile tells which it is by its mean. */
    private static final INDArray REAL = HeadPhantoms.generate(20, 32, 1);
    private static final INDArray GENERATED = HeadPhantoms.generate(12, 32, 2).neg();
    private final VisualTuringTest test = VisualTuringTest.of(REAL, GENERATED, 42);

    @Test
    void theKeyHoldsEightRealAndEightGeneratedAndMatchesTheSlices() {
        assertEquals(16, test.key().length());
        assertEquals(8, test.key().chars().filter(c -> c == 'R').count());
        assertEquals(8, test.key().chars().filter(c -> c == 'F').count());
        assertEquals(16, test.slices().size(0));
        for (int number = 1; number <= 16; number++) {
            double mean = test.slices().slice(number - 1).meanNumber().doubleValue();
            assertEquals(test.isReal(number), mean < 0, "slice " + number + " has mean " + mean);
        }
    }

    @Test
    void theSameSeedGivesTheSameSheetAndAnotherSeedAnother() {
        var again = VisualTuringTest.of(REAL, GENERATED, 42);
        assertEquals(test.key(), again.key());
        assertEquals(test.slices(), again.slices());
        assertNotEquals(test.key(), VisualTuringTest.of(REAL, GENERATED, 43).key());
    }

    @Test
    void allRightIsSixteenOfSixteenWithChanceOneIn65536() {
        var score = test.score(test.key().toLowerCase().replaceAll("(....)", "$1 "));
        assertEquals(16, score.correct());
        assertEquals(1.0, score.accuracy());
        assertEquals(1.0 / 65536, score.pValue(), 1e-15);
    }

    @Test
    void twelveRightHasTheBinomialTailChance() {
        char[] guesses = test.key().toCharArray();
        for (int i = 0; i < 4; i++) {
            guesses[i] = guesses[i] == 'R' ? 'F' : 'R';
        }
        var score = test.score(new String(guesses));
        assertEquals(12, score.correct());
        assertEquals((1820 + 560 + 120 + 16 + 1) / 65536.0, score.pValue(), 1e-15);
        assertEquals(0.75, score.accuracy());
        assertTrue(score.toString().startsWith("12/16 right (75%)"), score.toString());
    }

    @Test
    void allWrongAndGuessingEverythingRealAreNoBetterThanChance() {
        String opposite = test.key().replace('R', 'x').replace('F', 'R').replace('x', 'F');
        assertEquals(0, test.score(opposite).correct());
        assertEquals(1.0, test.score(opposite).pValue(), 1e-15);
        var allReal = test.score("R".repeat(16));
        assertEquals(8, allReal.correct());
        assertEquals(39203 / 65536.0, allReal.pValue(), 1e-15);
    }

    @Test
    void aWrongLengthOrLetterGetsOneClearSentence() {
        var length = assertThrows(IllegalArgumentException.class, () -> test.score("RFRF"));
        assertEquals("write one letter, R or F, for each of the 16 slices, not 4 letters", length.getMessage());
        var letter = assertThrows(IllegalArgumentException.class, () -> test.score("RRRR FFFF RRXR FFFF"));
        assertEquals("guess 11 is 'X'; write R for real or F for fake (generated)", letter.getMessage());
    }

    @Test
    void tooFewGeneratedSlicesAreRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> VisualTuringTest.of(REAL, HeadPhantoms.generate(5, 32, 3), 1));
        assertTrue(error.getMessage().startsWith("a visual Turing test needs at least 8 real and 8 generated"), error.getMessage());
    }
}
