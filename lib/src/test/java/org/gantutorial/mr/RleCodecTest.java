package org.gantutorial.mr;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-made RLE frames (Part 5, Annex G); whole series are compared with dcmtk's in CompressedDicomTest. */
class RleCodecTest {
    private static final Path FILE = Path.of("frame.dcm");

    /** A frame header listing {@code segments}, followed by them. */
    private static byte[] frame(byte[]... segments) {
        int size = 64;
        for (byte[] segment : segments) {
            size += segment.length;
        }
        ByteBuffer frame = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        frame.putInt(segments.length);
        int offset = 64;
        for (int s = 0; s < segments.length; s++) {
            frame.putInt(4 + 4 * s, offset);
            offset += segments[s].length;
        }
        frame.position(64);
        for (byte[] segment : segments) {
            frame.put(segment);
        }
        return frame.array();
    }

    private static PixelFormat format(int bits, boolean signed) {
        return new PixelFormat(2, 2, 1, 1, bits, bits, signed, "MONOCHROME2");
    }

    @Test
    void literalAndRepeatRunsAndTheNoOpByte() {
        // 1 = copy the next two bytes; -128 = nothing; -1 = repeat the next byte twice.
        byte[] segment = {1, 10, 20, -128, -1, 30};
        assertArrayEquals(new float[] {10, 20, 30, 30}, RleCodec.decode(FILE, frame(segment), format(8, false)));
    }

    @Test
    void sixteenBitSamplesComeMostSignificantByteFirstAndKeepTheirSign() {
        byte[] high = {-3, (byte) 0xff};
        byte[] low = {3, (byte) 0xfe, 0x01, 0x02, 0x03};
        assertArrayEquals(new float[] {-2, -255, -254, -253}, RleCodec.decode(FILE, frame(high, low), format(16, true)));
        assertArrayEquals(new float[] {65534, 65281, 65282, 65283}, RleCodec.decode(FILE, frame(high, low), format(16, false)));
    }

    @Test
    void corruptFramesAreRefusedByName() {
        MrLoadException e = assertThrows(MrLoadException.class,
                () -> RleCodec.decode(FILE, frame(new byte[] {3, 1, 2, 3, 4}), format(16, false)));
        assertTrue(e.getMessage().startsWith("frame.dcm: has a corrupt RLE frame: its header does not list the 2 segment(s)"),
                e.getMessage());
        e = assertThrows(MrLoadException.class, () -> RleCodec.decode(FILE, frame(new byte[] {1, 1, 2}), format(8, false)));
        assertTrue(e.getMessage().contains("a segment ends after 2 of its 4 pixels"), e.getMessage());
        byte[] outside = frame(new byte[] {3, 1, 2, 3, 4});
        outside[4] = 100;
        e = assertThrows(MrLoadException.class, () -> RleCodec.decode(FILE, outside, format(8, false)));
        assertTrue(e.getMessage().contains("segment 1 lies outside the frame"), e.getMessage());
    }
}
