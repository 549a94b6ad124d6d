package org.gantutorial.mr;

import java.nio.file.Path;

/**
 * How a DICOM image's pixels are stored, from its header (Part 3, C.7.6.3): size, frames, samples
 * per pixel, bits and sign. Refuses what cannot become a greyscale slice, and (on request) images
 * whose frames would not fit in this JVM, before any pixel is decoded.
 */
record PixelFormat(int width, int height, int frames, int samples, int bitsAllocated, int bitsStored, boolean signed,
                   String photometric) {

    static PixelFormat of(Path file, String header) {
        long width = DicomReader.number(header, "0028,0011", 0);
        long height = DicomReader.number(header, "0028,0010", 0);
        if (width <= 0 || height <= 0) {
            throw new MrLoadException(file, "gives no image size (Rows/Columns missing or zero)");
        }
        long bits = DicomReader.number(header, "0028,0100", 16);
        if (bits == 1) {
            throw new MrLoadException(file, "is a 1-bit black-and-white image (a mask or an overlay, not a scan); "
                    + "only greyscale images of 8, 16 or 32 bits can be used");
        }
        if (bits != 8 && bits != 16 && bits != 32) {
            throw new MrLoadException(file, "has " + bits + " bits per pixel; only 8, 16 and 32 can be read");
        }
        long samples = Math.max(1, DicomReader.number(header, "0028,0002", 1));
        String photometric = DicomReader.tag(header, "0028,0004").toUpperCase();
        if (samples != 1 && samples != 3) {
            throw new MrLoadException(file, "has " + samples + " samples per pixel; only greyscale (1) and colour (3) "
                    + "images can be read");
        }
        if (photometric.startsWith("PALETTE")) {
            throw new MrLoadException(file, "is a palette-colour image, whose values index a colour table rather than "
                    + "measure intensity; only greyscale (or RGB) images can be used");
        }
        long frames = Math.max(1, DicomReader.number(header, "0028,0008", 1));
        long stored = DicomReader.number(header, "0028,0101", bits);
        return new PixelFormat((int) width, (int) height, (int) Math.min(frames, Integer.MAX_VALUE), (int) samples,
                (int) bits, (int) Math.max(1, Math.min(stored, bits)), DicomReader.number(header, "0028,0103", 0) == 1,
                photometric);
    }

    /** The frames become floats: refuse an image that would take more than a quarter of the heap. */
    void checkFits(Path file) {
        long frameCount = frames;
        long bytes = frameCount * width * height * Float.BYTES;
        long budget = Runtime.getRuntime().maxMemory() / 4;
        if (bytes > budget) {
            throw new MrLoadException(file, String.format("holds %d frame(s) of %dx%d pixels, %,d MB as floats, more than "
                            + "this JVM can spare (%,d MB); load it with a larger heap (GAN_JVM_OPTS=-Xmx...)",
                    frameCount, width, height, bytes >> 20, budget >> 20));
        }
    }

    long pixels() {
        return (long) width * height;
    }

    /** A decoded sample as the stored value: sign-extended from Bits Stored, or bits above it cleared. */
    int stored(int raw) {
        int unused = 32 - bitsStored;
        return signed ? raw << unused >> unused : raw & (int) ((1L << bitsStored) - 1);
    }

    boolean monochrome1() {
        return photometric.startsWith("MONOCHROME1");
    }

    /** Colour stored as luminance and chroma: the first sample alone is the grey value. */
    boolean luminanceFirst() {
        return photometric.startsWith("YBR");
    }
}
