package org.gantutorial.mr;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;
import ij.util.DicomTools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one DICOM file. ImageJ ({@link ImageJInput}) parses every header and reads uncompressed
 * pixels; this class decides what ImageJ is given — the file, or bytes rebuilt from it when the
 * preamble is missing or the data set is deflated — and hands compressed pixel data to the
 * codecs ({@link CompressedFrames}). It checks what ImageJ cannot be trusted with first (a header whose image needs more
 * bytes than the file holds, so a corrupt header never makes it allocate gigabytes).
 */
final class DicomReader {
    /** The meta group and the first elements of a data set fit in this. */
    private static final int START_BYTES = 1 << 16;
    /** A Pixel Data element of 2 bytes, where a compressed file's is: ImageJ notes where pixels start and stops. */
    private static final byte[] PIXEL_DATA_STUB = {(byte) 0xe0, 0x7f, 0x10, 0x00, 'O', 'B', 0, 0, 2, 0, 0, 0, 0, 0};

    private DicomReader() {
    }

    /** Synchronized because ImageJ's DICOM decoder keeps its dictionary and a scratch buffer in static fields. */
    static synchronized DicomImage read(Path file) {
        long length = sizeOf(file);
        FileMeta meta = FileMeta.read(file, start(file), length);
        TransferSyntax syntax = meta.syntax(file);
        if (syntax.codec() == TransferSyntax.Codec.IMAGEJ && meta.layout() == FileMeta.Layout.PART10) {
            return uncompressed(ImageJInput.of(file, length), syntax);
        }
        byte[] all = whole(file, length);
        return switch (syntax.codec()) {
            case IMAGEJ -> uncompressed(ImageJInput.of(file, meta.rebuilt(file, all, syntax, all, meta.datasetStart(),
                    all.length, new byte[0])), syntax);
            case DEFLATE -> {
                byte[] dataset = DeflatedDataset.inflate(file, all, meta.datasetStart());
                yield uncompressed(ImageJInput.of(file, meta.rebuilt(file, all, TransferSyntax.EXPLICIT_LITTLE, dataset, 0,
                        dataset.length, new byte[0])), syntax);
            }
            default -> compressed(file, meta, syntax, all);
        };
    }

    private static DicomImage uncompressed(ImageJInput input, TransferSyntax syntax) {
        Path file = input.file();
        String header = input.header();
        long offset = number(header, "7FE0,0010", -1);
        if (offset < 0) {
            throw new MrLoadException(file, "has no pixel data element (7FE0,0010): it holds no image, "
                    + "or it is cut short before the image");
        }
        PixelFormat format = PixelFormat.of(file, header);
        double needed = (double) format.pixels() * format.frames() * format.samples() * (format.bitsAllocated() / 8);
        if (needed > input.length() - offset) {
            throw new MrLoadException(file, String.format("header claims %dx%d pixels x %d frame(s) of %d bits "
                            + "(%,.0f bytes) but only %,d bytes follow the header: the file is cut short or its "
                            + "header is corrupt", format.width(), format.height(), format.frames(), format.bitsAllocated(),
                    needed, Math.max(0, input.length() - offset)));
        }
        format.checkFits(file);
        ImagePlus image = input.open();
        if (image.getWidth() != format.width() || image.getHeight() != format.height()) {
            throw new MrLoadException(file, "ImageJ read " + image.getWidth() + "x" + image.getHeight()
                    + " pixels where the header says " + format.width() + "x" + format.height());
        }
        return image(file, header, syntax, format, framesOf(image, header, format));
    }

    private static DicomImage compressed(Path file, FileMeta meta, TransferSyntax syntax, byte[] all) {
        PixelDataElement element = PixelDataElement.find(file, all, meta.datasetStart(), syntax);
        String header = ImageJInput.of(file, meta.rebuilt(file, all, TransferSyntax.EXPLICIT_LITTLE, all,
                meta.datasetStart(), element.start(), PIXEL_DATA_STUB)).header();
        PixelFormat format = PixelFormat.of(file, header);
        format.checkFits(file);
        Rescale rescale = Rescale.of(header, format);
        List<float[]> frames = CompressedFrames.decode(file, all, element, format, syntax);
        for (float[] values : frames) {
            for (int i = 0; i < values.length; i++) {
                values[i] = rescale.apply(values[i]);
            }
        }
        return image(file, header, syntax, format, frames);
    }

    private static DicomImage image(Path file, String header, TransferSyntax syntax, PixelFormat format, List<float[]> frames) {
        FrameOrder order = FrameOrder.of(header, frames.size());
        return new DicomImage(file, header, syntax, tag(header, "0020,000E"), (int) number(header, "0020,0013", 0),
                order.position(), order.orientation(), tag(header, "0008,0060"), format.width(), format.height(),
                order.order().stream().map(frames::get).toList());
    }

    /**
     * Every frame in physical units (see {@link Rescale}). ImageJ keeps signed 16-bit pixels
     * shifted by 32768, so the stored value is recovered first; colour becomes grey.
     */
    private static List<float[]> framesOf(ImagePlus image, String header, PixelFormat format) {
        Rescale rescale = Rescale.of(header, format);
        float shift = image.getBitDepth() == 16 && format.signed() ? 32768 : 0;
        ImageStack stack = image.getStack();
        var frames = new ArrayList<float[]>();
        for (int s = 1; s <= stack.getSize(); s++) {
            ImageProcessor processor = stack.getProcessor(s);
            if (processor.getNChannels() > 1) {
                processor = processor.convertToFloatProcessor();
            }
            float[] values = new float[processor.getPixelCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rescale.apply(processor.getf(i) - shift);
            }
            frames.add(values);
        }
        return frames;
    }

    private static long sizeOf(Path file) {
        try {
            long length = Files.size(file);
            if (length == 0) {
                throw new MrLoadException(file, "is empty");
            }
            return length;
        } catch (IOException e) {
            throw new MrLoadException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] start(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(START_BYTES);
        } catch (IOException e) {
            throw new MrLoadException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The whole file, for the paths that rebuild it in memory; refused when it would crowd the heap. */
    private static byte[] whole(Path file, long length) {
        long budget = Runtime.getRuntime().maxMemory() / 8;
        if (length > budget) {
            throw new MrLoadException(file, String.format("is %,d MB, more than this JVM can spare to rebuild or decode "
                    + "it (%,d MB); load it with a larger heap (GAN_JVM_OPTS=-Xmx...)", length >> 20, budget >> 20));
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MrLoadException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** A header value as ImageJ lists it, trimmed; empty when the element is absent. */
    static String tag(String header, String id) {
        var holder = new ImagePlus();
        holder.setProperty("Info", header);
        String value = DicomTools.getTag(holder, id);
        return value == null ? "" : value.trim();
    }

    /** The first value of a numeric element; saturates rather than overflows on absurd values. */
    static long number(String header, String id, long fallback) {
        return Math.round(decimal(header, id, fallback));
    }

    static double decimal(String header, String id, double fallback) {
        try {
            double value = Double.parseDouble(tag(header, id).split("\\\\")[0]);
            return Double.isNaN(value) ? fallback : value;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** {@code count} backslash-separated numbers, or null when there are not exactly that many. */
    static double[] numbers(String value, int count) {
        String[] parts = value.trim().split("\\\\");
        if (parts.length != count) {
            return null;
        }
        double[] values = new double[count];
        try {
            for (int i = 0; i < count; i++) {
                values[i] = Double.parseDouble(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return values;
    }
}
