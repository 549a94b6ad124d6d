package org.gantutorial.mr;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import ij.ImagePlus;
import ij.process.ImageProcessor;

import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Decodes one JPEG or JPEG 2000 frame with the ImageIO readers from Maven Central: TwelveMonkeys
 * for JPEG (its own pure-Java decoder for lossless process 14; lossy 8-bit goes to the JDK's), and
 * jai-imageio's JJ2000 reader for JPEG 2000.
 */
final class ImageIoCodec {
    /** Real files use one tile or a few dozen; thousands only come from corrupt headers. */
    private static final long MAX_TILES = 4096;

    private ImageIoCodec() {
    }

    /** The frame's grey values as stored values (colour frames converted to grey). */
    static float[] decode(Path file, byte[] frame, PixelFormat format, TransferSyntax syntax) {
        if (syntax.codec() == TransferSyntax.Codec.JPEG_2000) {
            checkTiles(file, frame);
        }
        ImageReader reader = reader(syntax);
        try (var input = new MemoryCacheImageInputStream(new ByteArrayInputStream(frame))) {
            reader.setInput(input, true, true);
            // The codestream's own size is read from its header alone: check it before decoding allocates.
            if (reader.getWidth(0) != format.width() || reader.getHeight(0) != format.height()) {
                throw new MrLoadException(file, "holds a compressed frame of " + reader.getWidth(0) + "x"
                        + reader.getHeight(0) + " pixels where its header says " + format.width() + "x" + format.height());
            }
            return format.samples() == 1 ? grey(file, reader.readRaster(0, null), format) : colour(reader.read(0));
        } catch (MrLoadException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ').trim();
            throw new MrLoadException(file, "could not be decoded as " + syntax.label() + " (" + message
                    + "): its compressed data is corrupt or cut short");
        } finally {
            reader.dispose();
        }
    }

    /**
     * A JPEG 2000 codestream's tiling (its SIZ segment, right after SOC) must be consistent and
     * modest: with a corrupt tile offset or a tiny tile size JJ2000 allocates gigabytes for minutes.
     */
    private static void checkTiles(Path file, byte[] frame) {
        ByteBuffer siz = ByteBuffer.wrap(frame);
        if (frame.length < 42 || siz.getInt(0) != 0xff4fff51) {
            throw new MrLoadException(file, "holds a JPEG 2000 frame that does not start with its SOC and SIZ markers");
        }
        long width = siz.getInt(8) & 0xffffffffL;
        long height = siz.getInt(12) & 0xffffffffL;
        long left = siz.getInt(16) & 0xffffffffL;
        long top = siz.getInt(20) & 0xffffffffL;
        long tileWidth = siz.getInt(24) & 0xffffffffL;
        long tileHeight = siz.getInt(28) & 0xffffffffL;
        long tileLeft = siz.getInt(32) & 0xffffffffL;
        long tileTop = siz.getInt(36) & 0xffffffffL;
        boolean consistent = tileWidth > 0 && tileHeight > 0 && tileLeft <= left && tileTop <= top && left < width
                && top < height && tileLeft + tileWidth > left && tileTop + tileHeight > top;
        if (!consistent || divideUp(width - tileLeft, tileWidth) * divideUp(height - tileTop, tileHeight) > MAX_TILES) {
            throw new MrLoadException(file, "holds a JPEG 2000 frame with a corrupt or unusable tiling (tiles of "
                    + tileWidth + "x" + tileHeight + " from " + tileLeft + "," + tileTop + "; at most " + MAX_TILES + " tiles are read)");
        }
    }

    private static long divideUp(long a, long b) {
        return (a + b - 1) / b;
    }

    private static float[] grey(Path file, Raster raster, PixelFormat format) {
        if (raster.getNumBands() != 1) {
            throw new MrLoadException(file, "holds a compressed frame with " + raster.getNumBands() + " colour components "
                    + "where its header says it is greyscale");
        }
        int[] samples = raster.getSamples(raster.getMinX(), raster.getMinY(), format.width(), format.height(), 0, (int[]) null);
        float[] values = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            values[i] = format.stored(samples[i]);
        }
        return values;
    }

    /** A colour frame as ImageJ turns colour into grey: the mean of red, green and blue. */
    private static float[] colour(BufferedImage image) {
        ImageProcessor grey = new ImagePlus("", image).getProcessor().convertToFloatProcessor();
        return (float[]) grey.getPixels();
    }

    private static ImageReader reader(TransferSyntax syntax) {
        try {
            return syntax.codec() == TransferSyntax.Codec.JPEG_2000
                    ? provider(J2KImageReaderSpi.class, J2KImageReaderSpi::new).createReaderInstance(null)
                    : provider(JPEGImageReaderSpi.class, JPEGImageReaderSpi::new).createReaderInstance(null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the " + syntax.label() + " reader", e);
        }
    }

    /**
     * The registered instance of a reader's provider, registering it first where ImageIO's scan of
     * the class path missed it (a notebook kernel's class loader). TwelveMonkeys finds the JDK's
     * JPEG reader, to which it hands lossy JPEG, only once registered.
     */
    private static <T extends ImageReaderSpi> T provider(Class<T> type, Supplier<T> create) {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        synchronized (registry) {
            T provider = registry.getServiceProviderByClass(type);
            if (provider == null) {
                registry.registerServiceProvider(create.get(), ImageReaderSpi.class);
                provider = registry.getServiceProviderByClass(type);
            }
            return provider;
        }
    }
}
