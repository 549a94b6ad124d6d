package org.gantutorial.plots;

import org.gantutorial.HeadPhantoms;
import org.gantutorial.metrics.VisualTuringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TuringSheetTest {
    private final VisualTuringTest test = VisualTuringTest.of(HeadPhantoms.generate(10, 32, 1), HeadPhantoms.generate(10, 32, 2), 7);

    @Test
    void theSheetIsFourByFourTilesAndTheSameSeedDrawsTheSamePicture() {
        BufferedImage sheet = TuringSheet.sheet(test);
        BufferedImage again = TuringSheet.sheet(VisualTuringTest.of(HeadPhantoms.generate(10, 32, 1), HeadPhantoms.generate(10, 32, 2), 7));
        assertTrue(sheet.getWidth() >= 4 * 192 && sheet.getHeight() >= 4 * 192, sheet.getWidth() + "x" + sheet.getHeight());
        assertArrayEquals(pixels(sheet), pixels(again));
    }

    @Test
    void theAnswersShowTheSameSlicesWithOtherCaptions() {
        BufferedImage sheet = TuringSheet.sheet(test);
        BufferedImage answers = TuringSheet.answers(test);
        assertEquals(sheet.getHeight(), answers.getHeight());
        // Below the first caption band the first tile is the same slice on both sheets.
        assertEquals(sheet.getRGB(96, 22 + 96), answers.getRGB(96, 22 + 96));
        assertTrue(!java.util.Arrays.equals(pixels(sheet), pixels(answers)), "the captions differ");
    }

    @Test
    void writesTheSheetTheAnswerPictureAndTheKey(@TempDir Path folder) throws IOException {
        List<Path> files = TuringSheet.write(test, folder);

        assertEquals(List.of("SYNTHETIC-turing-sheet.png", "SYNTHETIC-turing-answers.png", "turing-answers.txt"),
                files.stream().map(f -> f.getFileName().toString()).toList());
        assertEquals(TuringSheet.sheet(test).getWidth(), ImageIO.read(files.get(0).toFile()).getWidth());
        List<String> lines = Files.readAllLines(files.get(2));
        String key = test.key();
        assertEquals("key: " + key.substring(0, 4) + " " + key.substring(4, 8) + " " + key.substring(8, 12) + " " + key.substring(12),
                lines.get(1));
        assertEquals(18, lines.size(), "a title, the key and a line per slice");
        assertEquals("16 " + (test.isReal(16) ? "R real" : "F fake"), lines.get(17));
        assertEquals(16, test.score(lines.get(1).substring(5)).correct(), "the key line scores as all right");
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
