package org.gantutorial.mr;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compressed pixel data as DICOM stores it (Part 5, A.4): the Pixel Data element with undefined
 * length, then items — a Basic Offset Table, then fragments of the compressed frames — closed by a
 * sequence delimiter. This class finds the frames in the fragments; decoding them is the codecs' job.
 */
final class EncapsulatedPixels {
    /** Pixel Data (7FE0,0010), VR OB, undefined length, then the first item's tag: a 16-byte signature. */
    private static final byte[] SIGNATURE = {(byte) 0xe0, 0x7f, 0x10, 0x00, 'O', 'B', 0, 0, -1, -1, -1, -1,
            (byte) 0xfe, (byte) 0xff, 0x00, (byte) 0xe0};
    private static final int ITEM = 0xe000fffe;
    private static final int SEQUENCE_END = 0xe0ddfffe;

    private record Fragment(int offset, int start, int length) {
    }

    private EncapsulatedPixels() {
    }

    /**
     * Where the image's Pixel Data element starts: ImageJ reads the header before it.
     *
     * @throws MrLoadException when the file holds no encapsulated pixel data
     */
    static int find(Path file, byte[] data, TransferSyntax syntax) {
        // The image's Pixel Data is the last one in the file: an icon's would come earlier, inside its sequence.
        int element = lastIndexOf(data, SIGNATURE);
        if (element < 0) {
            throw new MrLoadException(file, "names the compressed transfer syntax " + syntax.label()
                    + " but holds no compressed pixel data: the file is cut short or corrupt");
        }
        return element;
    }

    /**
     * Each frame's compressed bytes, its fragments joined.
     *
     * @param element    where the Pixel Data element starts ({@link #find})
     * @param frameCount Number of Frames from the header (1 when absent)
     * @throws MrLoadException when the pixel data is cut short or its fragments cannot be told
     *                         apart into {@code frameCount} frames
     */
    static List<byte[]> read(Path file, byte[] data, int element, int frameCount, TransferSyntax syntax) {
        int at = element + 12;
        int tableLength = itemLength(file, data, at);
        if (tableLength % 4 != 0) {
            throw new MrLoadException(file, "has a corrupt offset table in its compressed pixel data (length "
                    + tableLength + ")");
        }
        long[] table = new long[tableLength / 4];
        for (int i = 0; i < table.length; i++) {
            table[i] = Integer.toUnsignedLong(intAt(data, at + 8 + 4 * i));
        }
        at += 8 + tableLength;
        int first = at;
        var fragments = new ArrayList<Fragment>();
        while (true) {
            // Some writers end the file with the last fragment, leaving out the sequence delimiter.
            if (at == data.length && !fragments.isEmpty()) {
                break;
            }
            if (at + 8 > data.length) {
                throw new MrLoadException(file, "is cut short inside its compressed pixel data (after " + fragments.size()
                        + " fragment(s))");
            }
            if (intAt(data, at) == SEQUENCE_END) {
                break;
            }
            int length = itemLength(file, data, at);
            fragments.add(new Fragment(at - first, at + 8, length));
            at += 8 + length;
        }
        if (fragments.isEmpty()) {
            throw new MrLoadException(file, "holds no compressed frame: its pixel data is empty");
        }
        if (frameCount > fragments.size()) {
            throw new MrLoadException(file, "claims " + frameCount + " frames but its compressed pixel data holds only "
                    + fragments.size() + " fragment(s)");
        }
        return split(file, data, fragments, table, frameCount, syntax);
    }

    /** Which fragments make up which frame: Part 5, A.4.1 to A.4.3. */
    private static List<byte[]> split(Path file, byte[] data, List<Fragment> fragments, long[] table, int frameCount,
                                      TransferSyntax syntax) {
        var starts = new ArrayList<Integer>();
        if (frameCount == 1) {
            starts.add(0);
        } else if (tableFits(table, fragments, frameCount)) {
            for (int i = 0; i < fragments.size(); i++) {
                if (contains(table, fragments.get(i).offset())) {
                    starts.add(i);
                }
            }
        } else if (fragments.size() == frameCount) {
            for (int i = 0; i < frameCount; i++) {
                starts.add(i);
            }
        } else {
            // No usable offset table: a new frame starts with each fragment that opens a codestream.
            for (int i = 0; i < fragments.size(); i++) {
                if (opensFrame(data, fragments.get(i), syntax)) {
                    starts.add(i);
                }
            }
            if (starts.size() != frameCount || starts.get(0) != 0) {
                throw new MrLoadException(file, "has " + frameCount + " frames in " + fragments.size() + " fragments and "
                        + "no usable offset table, so its frames cannot be told apart");
            }
        }
        var frames = new ArrayList<byte[]>();
        for (int f = 0; f < starts.size(); f++) {
            int end = f + 1 < starts.size() ? starts.get(f + 1) : fragments.size();
            var frame = new ByteArrayOutputStream();
            for (Fragment fragment : fragments.subList(starts.get(f), end)) {
                frame.write(data, fragment.start(), fragment.length());
            }
            frames.add(frame.toByteArray());
        }
        return frames;
    }

    /** A JPEG fragment that starts with SOI, a JPEG 2000 one with SOC and SIZ: the first fragment of a frame. */
    private static boolean opensFrame(byte[] data, Fragment fragment, TransferSyntax syntax) {
        int at = fragment.start();
        if (fragment.length() < 4) {
            return false;
        }
        return switch (syntax.codec()) {
            case JPEG -> (data[at] & 0xff) == 0xff && (data[at + 1] & 0xff) == 0xd8;
            case JPEG_2000 -> intAt(data, at) == 0x51ff4fff;
            default -> true;
        };
    }

    private static int itemLength(Path file, byte[] data, int at) {
        if (at + 8 > data.length || intAt(data, at) != ITEM) {
            throw new MrLoadException(file, "has corrupt compressed pixel data (an item is missing or cut short)");
        }
        long length = Integer.toUnsignedLong(intAt(data, at + 4));
        if (length > data.length - at - 8) {
            throw new MrLoadException(file, "is cut short inside its compressed pixel data (an item claims " + length
                    + " bytes, " + (data.length - at - 8) + " are left)");
        }
        return (int) length;
    }

    /** An offset table is usable when it starts at the first fragment and each entry is where a fragment starts. */
    private static boolean tableFits(long[] table, List<Fragment> fragments, int frameCount) {
        return table.length == frameCount && contains(table, 0)
                && fragments.stream().filter(f -> contains(table, f.offset())).count() == frameCount;
    }

    private static boolean contains(long[] table, long value) {
        for (long entry : table) {
            if (entry == value) {
                return true;
            }
        }
        return false;
    }

    private static int intAt(byte[] data, int at) {
        return (data[at] & 0xff) | (data[at + 1] & 0xff) << 8 | (data[at + 2] & 0xff) << 16 | (data[at + 3] & 0xff) << 24;
    }

    private static int lastIndexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = data.length - pattern.length; i >= 0; i--) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
