package org.gantutorial.plots;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnimatedGifTest {

    @Test
    void everyFrameKeepsItsGreys(@TempDir Path folder) throws Exception {
        BufferedImage ramp = greys(false);
        BufferedImage reversed = greys(true);
        Path gif = folder.resolve("frames.gif");

        AnimatedGif.write(List.of(ramp, reversed, ramp), gif, 100);

        var reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
            for (int frame = 0; frame < 3; frame++) {
                BufferedImage read = reader.read(frame);
                BufferedImage written = frame == 1 ? reversed : ramp;
                for (int y = 0; y < written.getHeight(); y++) {
                    for (int x = 0; x < written.getWidth(); x++) {
                        int grey = written.getRaster().getSample(x, y, 0);
                        assertEquals(grey * 0x010101, read.getRGB(x, y) & 0xFFFFFF, "frame " + frame + " at " + x + ", " + y);
                    }
                }
            }
        } finally {
            reader.dispose();
        }
    }

    /** Every grey level once per row, each row shifted by one. */
    private static BufferedImage greys(boolean reversed) {
        var image = new BufferedImage(256, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < 256; x++) {
                int grey = (x + y) % 256;
                image.getRaster().setSample(x, y, 0, reversed ? 255 - grey : grey);
            }
        }
        return image;
    }
}
