package org.gantutorial.mr;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * DICOM RLE Lossless (Part 5, Annex G): a frame is a 64-byte header (the number of segments and
 * where each starts) and up to 15 segments, one per byte of each sample, most significant byte
 * first; each segment is a PackBits byte stream of exactly one byte per pixel.
 */
final class RleCodec {
    private static final int HEADER = 64;

    private RleCodec() {
    }

    /** The frame's grey values as stored values (colour frames averaged to grey, or their luminance). */
    static float[] decode(Path file, byte[] frame, PixelFormat format) {
        int bytesPerSample = format.bitsAllocated() / 8;
        int segments = format.samples() * bytesPerSample;
        if (frame.length < HEADER || intAt(frame, 0) != segments) {
            throw new MrLoadException(file, "has a corrupt RLE frame: its header does not list the " + segments
                    + " segment(s) that " + format.samples() + " sample(s) of " + format.bitsAllocated() + " bits need");
        }
        int pixels = Math.toIntExact(format.pixels());
        int[][] values = new int[format.samples()][pixels];
        for (int s = 0; s < segments; s++) {
            long start = Integer.toUnsignedLong(intAt(frame, 4 + 4 * s));
            long end = s + 1 < segments ? Integer.toUnsignedLong(intAt(frame, 8 + 4 * s)) : frame.length;
            if (start < HEADER || start > end || end > frame.length) {
                throw new MrLoadException(file, "has a corrupt RLE frame: segment " + (s + 1) + " lies outside the frame");
            }
            byte[] bytes = unpack(file, frame, (int) start, (int) end, pixels);
            int[] sample = values[s / bytesPerSample];
            for (int p = 0; p < pixels; p++) {
                sample[p] = sample[p] << 8 | (bytes[p] & 0xff);
            }
        }
        float[] grey = new float[pixels];
        for (int p = 0; p < pixels; p++) {
            if (format.samples() == 1 || format.luminanceFirst()) {
                grey[p] = format.samples() == 1 ? format.stored(values[0][p]) : values[0][p];
            } else {
                grey[p] = (values[0][p] + values[1][p] + values[2][p]) / 3f;
            }
        }
        return grey;
    }

    /** PackBits: n in 0..127 copies the next n+1 bytes, n in -127..-1 repeats the next byte 1-n times, -128 does nothing. */
    private static byte[] unpack(Path file, byte[] data, int at, int end, int count) {
        byte[] out = new byte[count];
        int filled = 0;
        while (filled < count && at < end) {
            int n = data[at++];
            if (n >= 0) {
                int run = Math.min(Math.min(n + 1, end - at), count - filled);
                System.arraycopy(data, at, out, filled, run);
                at += n + 1;
                filled += run;
            } else if (n != -128 && at < end) {
                int run = Math.min(1 - n, count - filled);
                Arrays.fill(out, filled, filled + run, data[at++]);
                filled += run;
            }
        }
        if (filled < count) {
            throw new MrLoadException(file, "has a corrupt or cut-short RLE frame: a segment ends after " + filled
                    + " of its " + count + " pixels");
        }
        return out;
    }

    private static int intAt(byte[] data, int at) {
        return (data[at] & 0xff) | (data[at + 1] & 0xff) << 8 | (data[at + 2] & 0xff) << 16 | (data[at + 3] & 0xff) << 24;
    }
}
