package org.gantutorial.plots;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import javax.imageio.ImageIO;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exported synthetic slices say what they are: in the file name and, with a provenance, inside the PNG. */
class SyntheticPngTest {
    private static final Provenance PROVENANCE = new Provenance("level-conditional DCGAN 32x32, asked for VERTEX", 7,
            LocalDate.of(2026, 12, 1));

    @Test
    void everyExportedSliceCarriesTheSyntheticMarkTheModelTheSeedAndTheDate(@TempDir Path folder) throws Exception {
        var slices = Nd4j.linspace(-1, 1, 3 * 32 * 32, DataType.FLOAT).reshape(3, 1, 32, 32);
        List<Path> files = SyntheticImages.writePngs(slices, folder, "level-vertex", PROVENANCE);

        assertEquals(3, files.size());
        for (Path file : files) {
            assertTrue(file.getFileName().toString().startsWith("SYNTHETIC-level-vertex-"), file.toString());
            Map<String, String> text = SyntheticPng.read(file);
            assertEquals("yes", text.get("Synthetic"));
            assertEquals("level-conditional DCGAN 32x32, asked for VERTEX", text.get("Model"));
            assertEquals("7", text.get("Seed"));
            assertEquals("2026-12-01", text.get("Creation Time"));
            assertTrue(text.get("Description").startsWith("SYNTHETIC image"), text.get("Description"));
            assertEquals("Synthetic", text.keySet().iterator().next(), "the mark comes first");
        }
        // The chunks are plain PNG tEXt, which any tool can find in the file's bytes: keyword, a zero byte, the text.
        String bytes = new String(Files.readAllBytes(files.get(0)), StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains("tEXtSynthetic\0yes"), "a tEXt chunk 'Synthetic' in the file");
        // And the pixels are the slice's, as without the metadata.
        var image = ImageIO.read(files.get(2).toFile());
        assertEquals(32, image.getWidth());
        assertEquals(255, image.getRaster().getSample(31, 31, 0));
    }

    @Test
    void aGridOfSyntheticSlicesIsMarkedToo(@TempDir Path folder) throws Exception {
        var grid = ImageGrid.of(Nd4j.zeros(DataType.FLOAT, 4, 1, 8, 8), 2, 1);
        Path file = SyntheticImages.writePicture(grid, folder, "levels", PROVENANCE);
        assertEquals("SYNTHETIC-levels.png", file.getFileName().toString());
        assertEquals("yes", SyntheticPng.read(file).get("Synthetic"));
        Path plain = SyntheticImages.writePicture(grid, folder, "plain");
        assertTrue(SyntheticPng.read(plain).isEmpty(), "without a provenance, only the name says it");
    }

    @Test
    void aSyntheticImageMustNameItsModel() {
        var error = assertThrows(IllegalArgumentException.class, () -> Provenance.of(" ", 1));
        assertTrue(error.getMessage().contains("name the model"), error.getMessage());
    }
}
