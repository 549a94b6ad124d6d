package org.gantutorial.mr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * How a DICOM file begins: with the 128-byte preamble and 'DICM', with the file meta group but no
 * preamble, or straight with the data set (older tools wrote files like that, in little or big
 * endian). Only the meta group (group 0002, always explicit VR little endian; Part 10, 7.1) is
 * read here, for its transfer syntax: ImageJ parses everything after it.
 *
 * @param syntaxUid    the Transfer Syntax UID of the meta group, or null when there is none
 * @param syntaxAt     where that UID's value starts in the file (-1 without one)
 * @param datasetStart where the data set starts, after the meta group
 */
record FileMeta(Layout layout, String syntaxUid, int syntaxAt, int syntaxLength, int datasetStart) {
    enum Layout { PART10, META_WITHOUT_PREAMBLE, IMPLICIT_LITTLE_DATASET, EXPLICIT_LITTLE_DATASET, EXPLICIT_BIG_DATASET }

    private static final int PREAMBLE = 128;
    private static final byte[] DICM = "DICM".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO",
            "LT", "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL",
            "UN", "UR", "US", "UT", "UV");
    /** VRs whose length takes 4 bytes after 2 reserved ones (Part 5, 7.1.2). */
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR",
            "UT", "UV");

    /**
     * @param start  the first bytes of the file (enough for its meta group)
     * @param length the whole file's length
     * @throws MrLoadException when the file starts neither with 'DICM' at byte 128 nor with a DICOM element
     */
    static FileMeta read(Path file, byte[] start, long length) {
        if (start.length >= PREAMBLE + 4 && Arrays.equals(start, PREAMBLE, PREAMBLE + 4, DICM, 0, 4)) {
            return withMeta(Layout.PART10, start, PREAMBLE + 4);
        }
        if (group(start, 0, false) == 0x0002 && elementEnd(start, 0, false, true, length) > 0) {
            return withMeta(Layout.META_WITHOUT_PREAMBLE, start, 0);
        }
        int littleEndian = datasetStart(start, false, length);
        if (littleEndian >= 0) {
            Layout layout = explicit(start, littleEndian) ? Layout.EXPLICIT_LITTLE_DATASET : Layout.IMPLICIT_LITTLE_DATASET;
            return new FileMeta(layout, null, -1, 0, littleEndian);
        }
        int bigEndian = datasetStart(start, true, length);
        if (bigEndian >= 0) {
            return new FileMeta(Layout.EXPLICIT_BIG_DATASET, null, -1, 0, bigEndian);
        }
        throw new MrLoadException(file, "is not a DICOM file (no 'DICM' marker at byte 128 and no DICOM element at its start)");
    }

    /** The syntax named in the meta group; without one, what the first elements show. */
    TransferSyntax syntax(Path file) {
        if (syntaxUid != null) {
            return TransferSyntax.of(file, syntaxUid);
        }
        return switch (layout) {
            case EXPLICIT_LITTLE_DATASET -> TransferSyntax.EXPLICIT_LITTLE;
            case EXPLICIT_BIG_DATASET -> TransferSyntax.EXPLICIT_BIG;
            default -> TransferSyntax.IMPLICIT_LITTLE;
        };
    }

    /**
     * A Part 10 file that ImageJ can parse: preamble, 'DICM', this file's meta group and then
     * {@code dataset[from, to)} followed by {@code tail}. The meta group's transfer syntax becomes
     * {@code readAs} (ImageJ stops at any compressed one), and a data set that came without a meta
     * group in big endian gets one saying so.
     */
    byte[] rebuilt(Path file, byte[] original, TransferSyntax readAs, byte[] dataset, int from, int to, byte[] tail) {
        var out = new ByteArrayOutputStream(PREAMBLE + 4 + datasetStart + (to - from) + tail.length);
        out.writeBytes(new byte[PREAMBLE]);
        out.writeBytes(DICM);
        int metaStart = layout == Layout.PART10 ? PREAMBLE + 4 : 0;
        boolean hasMeta = layout == Layout.PART10 || layout == Layout.META_WITHOUT_PREAMBLE;
        byte[] meta = hasMeta ? Arrays.copyOfRange(original, metaStart, datasetStart) : new byte[0];
        if (syntaxUid != null) {
            byte[] uid = readAs.uid().getBytes(StandardCharsets.US_ASCII);
            if (uid.length > syntaxLength) {
                throw new MrLoadException(file, "has a corrupt Transfer Syntax UID in its file meta header");
            }
            Arrays.fill(meta, syntaxAt - metaStart, syntaxAt - metaStart + syntaxLength, (byte) 0);
            System.arraycopy(uid, 0, meta, syntaxAt - metaStart, uid.length);
        } else if (layout == Layout.EXPLICIT_BIG_DATASET) {
            meta = new byte[] {2, 0, 0x10, 0, 'U', 'I', 20, 0, '1', '.', '2', '.', '8', '4', '0', '.', '1', '0', '0', '0',
                    '8', '.', '1', '.', '2', '.', '2', 0};
        }
        out.writeBytes(meta);
        out.write(dataset, from, to - from);
        out.writeBytes(tail);
        return out.toByteArray();
    }

    private static FileMeta withMeta(Layout layout, byte[] start, int at) {
        String uid = null;
        int uidAt = -1;
        int uidLength = 0;
        while (group(start, at, false) == 0x0002) {
            int end = elementEnd(start, at, false, true, start.length);
            if (end < 0) {
                break;
            }
            if (u16(start, at + 2, false) == 0x0010) {
                int header = end - at - lengthOf(start, at, false, true);
                uidAt = at + header;
                uidLength = end - uidAt;
                uid = new String(start, uidAt, uidLength, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
            }
            at = end;
        }
        return new FileMeta(layout, uid, uidAt, uidLength, at);
    }

    /**
     * Where a data set without meta group starts, or -1 when its first elements are not plausible
     * DICOM: groups 0000 or 0008 first and then never decreasing, known VRs where explicit, values
     * inside the file, group lengths of 4 bytes (which tells the two byte orders apart when a
     * command group 0000 comes first). Leading group 0000 elements are left out: they do not
     * belong in a stored file, and ImageJ cannot read them in big endian.
     */
    private static int datasetStart(byte[] start, boolean bigEndian, long length) {
        int at = 0;
        int previous = 0;
        int firstStored = -1;
        for (int checked = 0; checked < 3 && at + 8 <= start.length; checked++) {
            int group = group(start, at, bigEndian);
            if (group < previous || group > 0 && group < 8 || checked == 0 && group != 0 && group != 8) {
                return -1;
            }
            // Implicit VR exists only in little endian.
            boolean explicitVr = bigEndian || explicit(start, at);
            int end = elementEnd(start, at, bigEndian, explicitVr, length);
            if (end < 0 || u16(start, at + 2, bigEndian) == 0 && lengthOf(start, at, bigEndian, explicitVr) != 4) {
                return -1;
            }
            if (group != 0 && firstStored < 0) {
                firstStored = at;
            }
            previous = group;
            at = end;
        }
        return at == 0 ? -1 : firstStored >= 0 ? firstStored : at;
    }

    /** Where the element at {@code at} ends, or -1 when its header is cut short or its value runs past the file. */
    private static int elementEnd(byte[] data, int at, boolean bigEndian, boolean explicitVr, long length) {
        if (at + 8 > data.length || (explicitVr && !explicit(data, at))) {
            return -1;
        }
        boolean longForm = explicitVr && longForm(data, at);
        if (longForm && at + 12 > data.length) {
            return -1;
        }
        long value = lengthOf(data, at, bigEndian, explicitVr);
        long end = at + (longForm ? 12 : 8) + value;
        return value < 0 || end > length || end > Integer.MAX_VALUE ? -1 : (int) end;
    }

    private static int lengthOf(byte[] data, int at, boolean bigEndian, boolean explicitVr) {
        if (!explicitVr) {
            return u32(data, at + 4, bigEndian);
        }
        return longForm(data, at) ? u32(data, at + 8, bigEndian) : u16(data, at + 6, bigEndian);
    }

    /** An explicit VR whose length takes 4 bytes after 2 reserved ones. */
    static boolean longForm(byte[] data, int at) {
        return LONG_VRS.contains(vr(data, at));
    }

    /** Whether the element at {@code at} names a known VR: explicit VR, or implicit when not. */
    static boolean explicit(byte[] data, int at) {
        return at + 6 <= data.length && VRS.contains(vr(data, at));
    }

    private static String vr(byte[] data, int at) {
        return new String(data, at + 4, 2, StandardCharsets.US_ASCII);
    }

    private static int group(byte[] data, int at, boolean bigEndian) {
        return at + 2 <= data.length ? u16(data, at, bigEndian) : -1;
    }

    private static int u16(byte[] data, int at, boolean bigEndian) {
        int a = data[at] & 0xff;
        int b = data[at + 1] & 0xff;
        return bigEndian ? a << 8 | b : b << 8 | a;
    }

    /** An unsigned 32-bit length; lengths of 2 GB and more (and undefined lengths) come out negative. */
    private static int u32(byte[] data, int at, boolean bigEndian) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value |= (data[at + (bigEndian ? 3 - i : i)] & 0xff) << (8 * i);
        }
        return value;
    }
}
