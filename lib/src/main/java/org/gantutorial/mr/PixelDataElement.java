package org.gantutorial.mr;

import java.nio.file.Path;

/**
 * Where a compressed file's Pixel Data element (7FE0,0010) starts, and its Extended Offset Table
 * when one precedes it. ImageJ lists the header's values but cannot say where a Pixel Data element
 * of undefined length lies (it reads on into the items), so the data set's elements are stepped over
 * here by tag and length alone (Part 5, 7.1 and 7.5): no value is interpreted, and sequences are
 * skipped item by item, so an icon's Pixel Data inside one is never taken for the image's.
 *
 * @param start           where the element's tag starts: ImageJ is given the header before it
 * @param items           where its first item (the Basic Offset Table) starts
 * @param extendedOffsets the Extended Offset Table (7FE0,0001), or null
 * @param extendedLengths its Extended Offset Table Lengths (7FE0,0002), or null
 */
record PixelDataElement(int start, int items, long[] extendedOffsets, long[] extendedLengths) {
    static final int ITEM = 0xfffee000;
    static final int SEQUENCE_END = 0xfffee0dd;
    private static final int ITEM_END = 0xfffee00d;
    private static final int PIXEL_DATA = 0x7fe00010;
    private static final int EXTENDED_OFFSETS = 0x7fe00001;
    private static final int EXTENDED_LENGTHS = 0x7fe00002;
    private static final long UNDEFINED = 0xffffffffL;
    /** Real files nest sequences a few levels deep; a corrupt one could claim any depth. */
    private static final int MAX_DEPTH = 32;

    /** An element's tag, header size (8 or 12 bytes) and value length. */
    private record Header(int tag, int size, long length) {
    }

    /**
     * @param datasetStart where the data set starts, after the file meta group
     * @throws MrLoadException when the file holds no encapsulated Pixel Data element, or its elements
     *                         run past the end of the file
     */
    static PixelDataElement find(Path file, byte[] data, int datasetStart, TransferSyntax syntax) {
        long[] offsets = null;
        long[] lengths = null;
        int at = datasetStart;
        while (true) {
            Header header = header(data, at);
            if (header == null) {
                throw new MrLoadException(file, "names the compressed transfer syntax " + syntax.label()
                        + " but holds no compressed pixel data: the file is cut short or corrupt");
            }
            if (header.tag() == PIXEL_DATA) {
                if (header.length() != UNDEFINED) {
                    throw new MrLoadException(file, "names the compressed transfer syntax " + syntax.label() + " but its "
                            + "pixel data is stored uncompressed (a defined length); the file is corrupt");
                }
                return new PixelDataElement(at, at + header.size(), offsets, lengths);
            }
            if (header.tag() == EXTENDED_OFFSETS || header.tag() == EXTENDED_LENGTHS) {
                long[] values = longs(file, data, at + header.size(), header.length());
                offsets = header.tag() == EXTENDED_OFFSETS ? values : offsets;
                lengths = header.tag() == EXTENDED_LENGTHS ? values : lengths;
            }
            at = end(file, data, at, header, 0);
        }
    }

    /** Where the element at {@code at} ends; one of undefined length is a sequence of items. */
    private static int end(Path file, byte[] data, int at, Header header, int depth) {
        int value = at + header.size();
        if (header.length() != UNDEFINED) {
            if (header.length() > data.length - value) {
                throw new MrLoadException(file, "is cut short or corrupt: element " + tag(header.tag()) + " claims "
                        + header.length() + " bytes, " + (data.length - value) + " are left");
            }
            return value + (int) header.length();
        }
        if (depth >= MAX_DEPTH) {
            throw new MrLoadException(file, "has a corrupt header: its sequences nest more than " + MAX_DEPTH + " deep");
        }
        at = value;
        while (true) {
            Header item = header(data, at);
            if (item == null) {
                throw new MrLoadException(file, "is cut short inside the sequence " + tag(header.tag()));
            }
            if (item.tag() == SEQUENCE_END) {
                return at + item.size();
            }
            if (item.tag() != ITEM) {
                throw new MrLoadException(file, "has a corrupt sequence " + tag(header.tag()) + " (" + tag(item.tag())
                        + " where an item should start)");
            }
            if (item.length() != UNDEFINED) {
                at = end(file, data, at, item, depth + 1);
                continue;
            }
            // An item of undefined length holds elements up to its item delimiter.
            at += item.size();
            for (Header element = header(data, at); element == null || element.tag() != ITEM_END; element = header(data, at)) {
                if (element == null) {
                    throw new MrLoadException(file, "is cut short inside the sequence " + tag(header.tag()));
                }
                at = end(file, data, at, element, depth + 1);
            }
            at += 8;
        }
    }

    /**
     * The element header at {@code at}, or null when the file ends before it. Item tags carry no VR;
     * other elements are read as explicit VR where their VR letters are known, else as implicit
     * (as ImageJ reads them: some writers encode compressed data sets in implicit VR).
     */
    private static Header header(byte[] data, int at) {
        if (at < 0 || at + 8 > data.length) {
            return null;
        }
        int tag = tagAt(data, at);
        if (tag >>> 16 == 0xfffe || !FileMeta.explicit(data, at)) {
            return new Header(tag, 8, u32(data, at + 4));
        }
        if (FileMeta.longForm(data, at)) {
            return at + 12 > data.length ? null : new Header(tag, 12, u32(data, at + 8));
        }
        return new Header(tag, 8, u16(data, at + 6));
    }

    /** An OV value: unsigned 64-bit little-endian numbers (taken as signed; offsets past 2^63 are absurd anyway). */
    private static long[] longs(Path file, byte[] data, int at, long length) {
        if (length == UNDEFINED || length % 8 != 0 || length > data.length - at) {
            throw new MrLoadException(file, "has a corrupt Extended Offset Table (length " + length + ")");
        }
        long[] values = new long[(int) length / 8];
        for (int i = 0; i < values.length; i++) {
            values[i] = Integer.toUnsignedLong(intAt(data, at + 8 * i)) | (long) intAt(data, at + 8 * i + 4) << 32;
        }
        return values;
    }

    /** The tag at {@code at} as group and element: 0x7FE00010 for Pixel Data. */
    static int tagAt(byte[] data, int at) {
        return u16(data, at) << 16 | u16(data, at + 2);
    }

    static int intAt(byte[] data, int at) {
        return (data[at] & 0xff) | (data[at + 1] & 0xff) << 8 | (data[at + 2] & 0xff) << 16 | (data[at + 3] & 0xff) << 24;
    }

    private static int u16(byte[] data, int at) {
        return (data[at] & 0xff) | (data[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] data, int at) {
        return Integer.toUnsignedLong(intAt(data, at));
    }

    private static String tag(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xffff);
    }
}
