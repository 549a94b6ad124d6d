package org.gantutorial.mr;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Rewrites a tool-written compressed file (dcmtk or GDCM: one fragment per frame, explicit VR) with
 * its pixel data laid out another valid way (Part 5, A.4): VR OW or implicit VR, a filled or an
 * Extended Offset Table, frames split into several fragments, Data Set Trailing Padding, or no
 * sequence delimiter. The tools never write these layouts, but other writers do.
 */
final class EncapsulatedWriter {
    /** How the Pixel Data element is tagged: VR OB, VR OW, or implicit VR (no VR). */
    enum Vr { OB, OW, IMPLICIT }

    /** A layout; {@code fragment} &gt; 0 (even) splits each frame into fragments of that many bytes. */
    record Layout(Vr vr, boolean offsetTable, boolean extendedTable, int fragment, boolean trailingPadding,
                  boolean delimiter) {
        static Layout plain() {
            return new Layout(Vr.OB, false, false, 0, false, true);
        }

        Layout withVr(Vr value) {
            return new Layout(value, offsetTable, extendedTable, fragment, trailingPadding, delimiter);
        }

        Layout withOffsetTable() {
            return new Layout(vr, true, extendedTable, fragment, trailingPadding, delimiter);
        }

        Layout withExtendedTable() {
            return new Layout(vr, offsetTable, true, fragment, trailingPadding, delimiter);
        }

        Layout withFragments(int size) {
            return new Layout(vr, offsetTable, extendedTable, size, trailingPadding, delimiter);
        }

        Layout withTrailingPadding() {
            return new Layout(vr, offsetTable, extendedTable, fragment, true, delimiter);
        }

        Layout withoutDelimiter() {
            return new Layout(vr, offsetTable, extendedTable, fragment, trailingPadding, false);
        }
    }

    /** Pixel Data, VR OB, undefined length: how dcmtk and GDCM start encapsulated pixel data. */
    private static final byte[] ENCAPSULATED = {(byte) 0xe0, 0x7f, 0x10, 0x00, 'O', 'B', 0, 0, -1, -1, -1, -1};
    /** (FFFE,E0DD) read as a little-endian int. */
    private static final int SEQUENCE_END = 0xe0ddfffe;

    /** A tool-written file taken apart: everything before its Pixel Data element, and its frames. */
    record Parts(byte[] header, List<byte[]> frames) {
        Parts withFrames(List<byte[]> replaced) {
            return new Parts(header, replaced);
        }

        /** A single-frame file's frame {@code count} times, with Number of Frames (0028,0008) inserted before Rows. */
        Parts repeated(int count) {
            byte[] rows = {0x28, 0x00, 0x10, 0x00, 'U', 'S'};
            int at = Samples.find(header, rows);
            var out = new ByteArrayOutputStream();
            out.write(header, 0, at);
            out.writeBytes(new byte[] {0x28, 0x00, 0x08, 0x00, 'I', 'S', 2, 0, (byte) ('0' + count), ' '});
            out.write(header, at, header.length - at);
            return new Parts(out.toByteArray(), Collections.nCopies(count, frames.get(0)));
        }
    }

    private EncapsulatedWriter() {
    }

    /** Takes apart a file written by dcmtk or GDCM (a test may search bytes: these files hold no surprises). */
    static Parts parts(byte[] file) {
        int element = Samples.find(file, ENCAPSULATED);
        int at = element + ENCAPSULATED.length;
        at += 8 + le32(file, at + 4);
        var frames = new ArrayList<byte[]>();
        while (le32(file, at) != SEQUENCE_END) {
            int length = le32(file, at + 4);
            frames.add(Arrays.copyOfRange(file, at + 8, at + 8 + length));
            at += 8 + length;
        }
        return new Parts(Arrays.copyOf(file, element), frames);
    }

    /** The file with its pixel data written in {@code layout}. */
    static byte[] write(Parts parts, Layout layout) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(parts.header());
        var items = new ArrayList<byte[]>();
        var starts = new ArrayList<Long>();
        long offset = 0;
        for (byte[] frame : parts.frames()) {
            starts.add(offset);
            int size = layout.fragment() > 0 ? layout.fragment() : frame.length;
            for (int from = 0; from < frame.length; from += size) {
                byte[] fragment = Arrays.copyOfRange(frame, from, Math.min(frame.length, from + size));
                // Items have even lengths: an odd last fragment gets a padding byte.
                byte[] even = Arrays.copyOf(fragment, fragment.length + fragment.length % 2);
                items.add(even);
                offset += 8 + even.length;
            }
        }
        if (layout.extendedTable()) {
            element(out, 0x7fe0, 0x0001, "OV", longs(starts.stream().mapToLong(Long::longValue).toArray()));
            element(out, 0x7fe0, 0x0002, "OV", longs(parts.frames().stream().mapToLong(f -> f.length).toArray()));
        }
        out.writeBytes(new byte[] {(byte) 0xe0, 0x7f, 0x10, 0x00});
        if (layout.vr() != Vr.IMPLICIT) {
            out.writeBytes(new byte[] {'O', (byte) layout.vr().name().charAt(1), 0, 0});
        }
        out.writeBytes(new byte[] {-1, -1, -1, -1});
        byte[] table = new byte[layout.offsetTable() ? 4 * starts.size() : 0];
        for (int i = 0; i < table.length / 4; i++) {
            putLe32(table, 4 * i, starts.get(i).intValue());
        }
        item(out, table);
        items.forEach(item -> item(out, item));
        if (layout.delimiter()) {
            out.writeBytes(new byte[] {-2, -1, (byte) 0xdd, (byte) 0xe0, 0, 0, 0, 0});
        }
        if (layout.trailingPadding()) {
            // Data Set Trailing Padding (FFFC,FFFC): bytes that look like more items, to be ignored.
            byte[] padding = new byte[64];
            for (int i = 0; i < padding.length; i += 8) {
                System.arraycopy(new byte[] {-2, -1, 0, (byte) 0xe0, 8, 0, 0, 0}, 0, padding, i, 8);
            }
            element(out, 0xfffc, 0xfffc, "OB", padding);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG frame with a comment segment after its SOI marker whose bytes spell a sequence
     * delimiter, an item tag and an OB Pixel Data element of undefined length: a reader that searched
     * for those patterns would cut the frame there. JPEG decoders skip comments.
     */
    static byte[] withDelimiterPatterns(byte[] jpeg) {
        byte[] text = {-2, -1, (byte) 0xdd, (byte) 0xe0, 0, 0, 0, 0, -2, -1, 0, (byte) 0xe0, 4, 0, 0, 0,
                (byte) 0xe0, 0x7f, 0x10, 0x00, 'O', 'B', 0, 0, -1, -1, -1, -1, -2, -1, 0, (byte) 0xe0};
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(new byte[] {-1, (byte) 0xfe, 0, (byte) (text.length + 2)});
        out.writeBytes(text);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void element(ByteArrayOutputStream out, int group, int element, String vr, byte[] value) {
        byte[] head = new byte[12];
        head[0] = (byte) group;
        head[1] = (byte) (group >> 8);
        head[2] = (byte) element;
        head[3] = (byte) (element >> 8);
        head[4] = (byte) vr.charAt(0);
        head[5] = (byte) vr.charAt(1);
        putLe32(head, 8, value.length);
        out.writeBytes(head);
        out.writeBytes(value);
    }

    private static void item(ByteArrayOutputStream out, byte[] value) {
        byte[] head = {-2, -1, 0, (byte) 0xe0, 0, 0, 0, 0};
        putLe32(head, 4, value.length);
        out.writeBytes(head);
        out.writeBytes(value);
    }

    private static byte[] longs(long[] values) {
        byte[] bytes = new byte[8 * values.length];
        for (int i = 0; i < values.length; i++) {
            putLe32(bytes, 8 * i, (int) values[i]);
            putLe32(bytes, 8 * i + 4, (int) (values[i] >>> 32));
        }
        return bytes;
    }

    private static int le32(byte[] data, int at) {
        return (data[at] & 0xff) | (data[at + 1] & 0xff) << 8 | (data[at + 2] & 0xff) << 16 | (data[at + 3] & 0xff) << 24;
    }

    private static void putLe32(byte[] data, int at, int value) {
        for (int i = 0; i < 4; i++) {
            data[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
