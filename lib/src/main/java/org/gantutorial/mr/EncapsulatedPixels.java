package org.gantutorial.mr;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compressed pixel data as DICOM stores it (Part 5, A.4): the Pixel Data element with undefined
 * length, then items — a Basic Offset Table, then fragments of the compressed frames — closed by a
 * sequence delimiter. This class finds the frames in the fragments; decoding them is the codecs' job.
 */
final class EncapsulatedPixels {
    private record Fragment(int offset, int start, int length) {
    }

    private EncapsulatedPixels() {
    }

    /**
     * Each frame's compressed bytes, its fragments joined. The items are read one by one, each by
     * its length, up to the sequence delimiter; what follows it (Data Set Trailing Padding) is
     * never looked at.
     *
     * @param frameCount Number of Frames from the header (1 when absent)
     * @throws MrLoadException when the pixel data is cut short or its fragments cannot be told
     *                         apart into {@code frameCount} frames
     */
    static List<byte[]> read(Path file, byte[] data, PixelDataElement element, int frameCount, TransferSyntax syntax) {
        int at = element.items();
        int tableLength = itemLength(file, data, at);
        if (tableLength % 4 != 0) {
            throw new MrLoadException(file, "has a corrupt offset table in its compressed pixel data (length "
                    + tableLength + ")");
        }
        long[] table = new long[tableLength / 4];
        for (int i = 0; i < table.length; i++) {
            table[i] = Integer.toUnsignedLong(PixelDataElement.intAt(data, at + 8 + 4 * i));
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
            if (PixelDataElement.tagAt(data, at) == PixelDataElement.SEQUENCE_END) {
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
        if (element.extendedOffsets() != null) {
            return extended(file, data, fragments, element, frameCount);
        }
        return split(file, data, fragments, table, frameCount, syntax);
    }

    /**
     * Frames from an Extended Offset Table (Part 3, C.7.6.3.1.8): each frame is the one fragment
     * whose item starts at its offset, and its length is listed beside it.
     */
    private static List<byte[]> extended(Path file, byte[] data, List<Fragment> fragments, PixelDataElement element,
                                         int frameCount) {
        long[] offsets = element.extendedOffsets();
        long[] lengths = element.extendedLengths();
        if (offsets.length != frameCount || lengths == null || lengths.length != frameCount) {
            throw new MrLoadException(file, "has an Extended Offset Table that does not list its " + frameCount
                    + " frame(s) with their lengths");
        }
        var frames = new ArrayList<byte[]>();
        for (int f = 0; f < frameCount; f++) {
            long offset = offsets[f];
            Fragment fragment = fragments.stream().filter(x -> x.offset() == offset).findFirst().orElse(null);
            if (fragment == null || lengths[f] < 0 || lengths[f] > fragment.length()) {
                throw new MrLoadException(file, "has an Extended Offset Table whose entry for frame " + (f + 1)
                        + " points at no fragment of that length");
            }
            frames.add(Arrays.copyOfRange(data, fragment.start(), fragment.start() + (int) lengths[f]));
        }
        return frames;
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

    /** A JPEG or JPEG-LS fragment that starts with SOI, a JPEG 2000 one with SOC and SIZ: the first fragment of a frame. */
    private static boolean opensFrame(byte[] data, Fragment fragment, TransferSyntax syntax) {
        int at = fragment.start();
        if (fragment.length() < 4) {
            return false;
        }
        return switch (syntax.codec()) {
            case JPEG, GDCM -> (data[at] & 0xff) == 0xff && (data[at + 1] & 0xff) == 0xd8;
            case JPEG_2000 -> PixelDataElement.intAt(data, at) == 0x51ff4fff;
            default -> true;
        };
    }

    private static int itemLength(Path file, byte[] data, int at) {
        if (at + 8 > data.length || PixelDataElement.tagAt(data, at) != PixelDataElement.ITEM) {
            throw new MrLoadException(file, "has corrupt compressed pixel data (an item is missing or cut short)");
        }
        long length = Integer.toUnsignedLong(PixelDataElement.intAt(data, at + 4));
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
}
