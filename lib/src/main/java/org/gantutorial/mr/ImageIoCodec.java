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
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Decodes one JPEG or JPEG 2000 frame with the ImageIO readers from Maven Central: TwelveMonkeys
 * for JPEG (its own pure-Java decoder for lossless process 14; lossy 8-bit goes to the JDK's), and
 * jai-imageio's JJ2000 reader for JPEG 2000.
 */
final class ImageIoCodec {
    private ImageIoCodec() {
    }

    /** The frame's grey values as stored values (colour frames converted to grey). */
    static float[] decode(Path file, byte[] frame, PixelFormat format, TransferSyntax syntax) {
        boolean lossyJpeg = syntax == TransferSyntax.JPEG_BASELINE || syntax == TransferSyntax.JPEG_EXTENDED;
        if (lossyJpeg && format.bitsStored() > 8) {
            throw new MrLoadException(file, "is " + format.bitsStored() + "-bit lossy JPEG, " + syntax.label() + ", "
                    + "which the JDK's JPEG decoder cannot read and no pure-Java decoder on Maven Central does; "
                    + "convert it to uncompressed DICOM first (dcmdjpeg IN OUT)");
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
