package org.gantutorial.mr;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CD-style export: the series under DICOM/ with ISO 9660 names, a viewer's files beside it, and a
 * DICOMDIR written by dcmmkdir. Loading the folder loads what the DICOMDIR lists, as walking the
 * series folder does, without touching the viewer's files.
 */
class DicomDirTest {
    @TempDir
    Path export;

    @BeforeEach
    void writeExport() throws Exception {
        DicomTwins.requireTools();
        Files.createDirectories(export.resolve("DICOM"));
        for (int i = 1; i <= 20; i++) {
            Files.copy(DicomTwins.original(i), export.resolve(String.format("DICOM/IM%03d", i)));
        }
        byte[] junk = new byte[4096];
        new Random(3).nextBytes(junk);
        for (int i = 0; i < 30; i++) {
            Samples.write(export.resolve("VIEWER/lib" + i + ".dll"), junk);
        }
        DicomTwins.run(List.of("dcmmkdir", "--recurse", "DICOM"), export);
    }

    private static MrVolume walked(Path folder) {
        return MrLoader.load(folder).volumes().get(0);
    }

    private static void assertSameSlices(MrVolume expected, MrLoad load) {
        assertEquals(1, load.volumes().size());
        MrVolume volume = load.volumes().get(0);
        assertEquals(expected.depth(), volume.depth());
        for (int i = 0; i < expected.depth(); i++) {
            assertArrayEquals(expected.slices().get(i), volume.slices().get(i), "slice " + i);
        }
    }

    @Test
    void folderWithDicomdirLoadsWhatItLists() {
        MrVolume walked = walked(export.resolve("DICOM"));
        MrLoad viaDicomdir = MrLoader.load(export);
        assertSameSlices(walked, viaDicomdir);
        assertEquals("", viaDicomdir.skippedReport(), "the viewer's files are never read");
        assertTrue(viaDicomdir.warnings().isEmpty(), viaDicomdir.warnings().toString());
        assertSameSlices(walked, MrLoader.load(export.resolve("DICOMDIR")));
    }

    @Test
    void lowerCaseNamesOnDiskAndMissingFiles() throws Exception {
        MrVolume walked = walked(export.resolve("DICOM"));
        Files.move(export.resolve("DICOM"), export.resolve("dicom"));
        try (var files = Files.list(export.resolve("dicom"))) {
            for (Path file : files.toList()) {
                Files.move(file, file.resolveSibling(file.getFileName().toString().toLowerCase(Locale.ROOT)));
            }
        }
        assertSameSlices(walked, MrLoader.load(export));

        Files.delete(export.resolve("dicom/im020"));
        MrLoad load = MrLoader.load(export);
        assertEquals(19, load.sliceCount());
        assertTrue(load.skippedReport().contains("IM020: is listed in DICOMDIR but is not in the folder"), load.skippedReport());
    }

    @Test
    void anUnreadableDicomdirFallsBackToTheFolder() throws Exception {
        Files.writeString(export.resolve("DICOMDIR"), "not a DICOMDIR");
        Files.walk(export.resolve("VIEWER")).sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        MrLoad load = MrLoader.load(export);
        assertEquals(20, load.sliceCount());
        assertEquals(1, load.warnings().size());
        assertTrue(load.warnings().get(0).contains("DICOMDIR: is not a DICOM file")
                && load.warnings().get(0).endsWith("the folder was searched file by file instead"), load.warnings().get(0));
    }
}
