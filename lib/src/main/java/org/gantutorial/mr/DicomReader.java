package org.gantutorial.mr;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.Prefs;
import ij.plugin.DICOM;
import ij.process.ImageProcessor;
import ij.util.DicomTools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one DICOM file through ImageJ ({@link DICOM}). ImageJ does the parsing; this class checks
 * what ImageJ cannot be trusted with before it runs — a compressed transfer syntax, a missing image,
 * a header whose image size needs more bytes than the file holds (so a corrupt header never makes
 * it allocate gigabytes) — and turns every failure into an {@link MrLoadException}.
 */
final class DicomReader {
    static {
        // ImageJ opens dialogs for errors unless AWT is headless.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // With a rescale slope other than 1 ImageJ converts through its GUI command layer, which fails
        // headless; this reader applies slope and intercept itself (see framesOf).
        Prefs.ignoreRescaleSlope = true;
    }

    private static final Pattern TRANSFER_SYNTAX = Pattern.compile("1\\.2\\.840\\.10008\\.1\\.2[0-9.]*");
    private static final Map<String, String> COMPRESSED = Map.of(
            "1.2.840.10008.1.2.1.99", "deflate",
            "1.2.840.10008.1.2.4.5", "JPEG",
            "1.2.840.10008.1.2.4.7", "JPEG lossless",
            "1.2.840.10008.1.2.4.8", "JPEG-LS",
            "1.2.840.10008.1.2.4.9", "JPEG 2000",
            "1.2.840.10008.1.2.4.10", "MPEG",
            "1.2.840.10008.1.2.5", "RLE");
    private static final int SNIFF_BYTES = 4096;

    private DicomReader() {
    }

    /** Synchronized because ImageJ's DICOM decoder keeps its dictionary and a scratch buffer in static fields. */
    static synchronized DicomImage read(Path file) {
        long length = sizeOf(file);
        rejectCompressed(file);
        String header = headerOf(file);
        int width = (int) number(header, "0028,0011", 0);
        int height = (int) number(header, "0028,0010", 0);
        long offset = number(header, "7FE0,0010", -1);
        if (offset < 0) {
            throw new MrLoadException(file, "has no pixel data element (7FE0,0010): it holds no image, "
                    + "or it is cut short before the image");
        }
        if (width <= 0 || height <= 0) {
            throw new MrLoadException(file, "gives no image size (Rows/Columns missing or zero)");
        }
        long bits = number(header, "0028,0100", 16);
        if (bits != 8 && bits != 16 && bits != 32) {
            throw new MrLoadException(file, "has " + bits + " bits per pixel; only 8, 16 and 32 can be read");
        }
        long frames = Math.max(1, number(header, "0028,0008", 1));
        long samples = Math.max(1, number(header, "0028,0002", 1));
        double needed = (double) width * height * frames * samples * (bits / 8);
        if (needed > length - offset) {
            throw new MrLoadException(file, String.format("header claims %dx%d pixels x %d frame(s) of %d bits "
                            + "(%,.0f bytes) but only %,d bytes follow the header: the file is cut short or its "
                            + "header is corrupt", width, height, frames, bits, needed, Math.max(0, length - offset)));
        }
        ImagePlus image = open(file);
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new MrLoadException(file, "ImageJ read " + image.getWidth() + "x" + image.getHeight()
                    + " pixels where the header says " + width + "x" + height);
        }
        return new DicomImage(file, header, tag(header, "0020,000E"), (int) number(header, "0020,0013", 0),
                numbers(header, "0020,0032", 3), numbers(header, "0020,0037", 6), tag(header, "0008,0060"),
                width, height, framesOf(image, header));
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

    /** ImageJ reads only uncompressed pixel data; say which codec a file uses before it tries. */
    private static void rejectCompressed(Path file) {
        String start;
        try (InputStream in = Files.newInputStream(file)) {
            start = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new MrLoadException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        Matcher uid = TRANSFER_SYNTAX.matcher(start);
        if (!uid.find()) {
            return;
        }
        String syntax = uid.group();
        COMPRESSED.entrySet().stream().filter(e -> syntax.startsWith(e.getKey())).findFirst().ifPresent(e -> {
            throw new MrLoadException(file, "uses the compressed transfer syntax " + e.getValue() + " (" + syntax
                    + "), which ImageJ cannot decode; convert it to uncompressed DICOM first "
                    + "(e.g. gdcmconv --raw or dcmdjpeg)");
        });
    }

    private static String headerOf(Path file) {
        String header;
        try {
            header = new DICOM().getInfo(file.toString());
        } catch (RuntimeException | OutOfMemoryError e) {
            // A corrupt element length makes ImageJ's parser fail (negative or huge array sizes).
            throw new MrLoadException(file, "has a corrupt DICOM header (ImageJ failed with "
                    + e.getClass().getSimpleName() + ")");
        }
        if (header == null || header.isBlank()) {
            throw new MrLoadException(file, "is not a DICOM file (no 'DICM' marker and no DICOM header at its start)");
        }
        return header;
    }

    private static ImagePlus open(Path file) {
        IJ.getErrorMessage();
        var dicom = new DICOM();
        try {
            dicom.open(file.toString());
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new MrLoadException(file, "could not be decoded by ImageJ (" + e.getClass().getSimpleName() + ")");
        }
        if (dicom.getWidth() == 0) {
            String message = IJ.getErrorMessage();
            throw new MrLoadException(file, "could not be decoded by ImageJ"
                    + (message == null ? "" : " (" + message.replace('\n', ' ').trim() + ")"));
        }
        return dicom;
    }

    /**
     * Every frame in physical units: stored value × Rescale Slope + Rescale Intercept. ImageJ keeps
     * signed 16-bit pixels shifted by 32768, so the stored value is recovered first.
     */
    private static List<float[]> framesOf(ImagePlus image, String header) {
        double slope = decimal(header, "0028,1053", 1);
        double intercept = decimal(header, "0028,1052", 0);
        float shift = image.getBitDepth() == 16 && number(header, "0028,0103", 0) == 1 ? 32768 : 0;
        ImageStack stack = image.getStack();
        var frames = new ArrayList<float[]>();
        for (int s = 1; s <= stack.getSize(); s++) {
            ImageProcessor processor = stack.getProcessor(s);
            if (processor.getNChannels() > 1) {
                processor = processor.convertToFloatProcessor();
            }
            float[] values = new float[processor.getPixelCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (slope * (processor.getf(i) - shift) + intercept);
            }
            frames.add(values);
        }
        return frames;
    }

    /** A header value as ImageJ lists it, trimmed; empty when the element is absent. */
    static String tag(String header, String id) {
        var holder = new ImagePlus();
        holder.setProperty("Info", header);
        String value = DicomTools.getTag(holder, id);
        return value == null ? "" : value.trim();
    }

    /** The first value of a numeric element; saturates rather than overflows on absurd values. */
    private static long number(String header, String id, long fallback) {
        return Math.round(decimal(header, id, fallback));
    }

    private static double decimal(String header, String id, double fallback) {
        try {
            double value = Double.parseDouble(tag(header, id).split("\\\\")[0]);
            return Double.isNaN(value) ? fallback : value;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double[] numbers(String header, String id, int count) {
        String[] parts = tag(header, id).split("\\\\");
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
