package org.gantutorial.mr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The file GDCM is given: a minimal, well-formed DICOM file holding only the image description
 * ImageJ read and the frames the encapsulated-pixel reader checked, one fragment each. GDCM's own
 * header parser aborts the whole JVM on some corrupt headers (a failed assertion), so it never sees
 * the original file; only the codestreams reach its decoders.
 */
final class GdcmInput {
    private GdcmInput() {
    }

    /** Writes the file into a temporary file, which the caller deletes. */
    static Path write(Path file, List<byte[]> frames, PixelFormat format, TransferSyntax syntax) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        element(out, 0x0002, 0x0010, "UI", text(syntax.uid(), (byte) 0));
        element(out, 0x0028, 0x0002, "US", u16(format.samples()));
        element(out, 0x0028, 0x0004, "CS", text(format.photometric().isEmpty() ? "MONOCHROME2" : format.photometric(), (byte) ' '));
        if (format.samples() > 1) {
            element(out, 0x0028, 0x0006, "US", u16(0));
        }
        element(out, 0x0028, 0x0008, "IS", text(Integer.toString(frames.size()), (byte) ' '));
        element(out, 0x0028, 0x0010, "US", u16(format.height()));
        element(out, 0x0028, 0x0011, "US", u16(format.width()));
        element(out, 0x0028, 0x0100, "US", u16(format.bitsAllocated()));
        element(out, 0x0028, 0x0101, "US", u16(format.bitsStored()));
        element(out, 0x0028, 0x0102, "US", u16(format.bitsStored() - 1));
        element(out, 0x0028, 0x0103, "US", u16(format.signed() ? 1 : 0));
        out.writeBytes(new byte[] {(byte) 0xe0, 0x7f, 0x10, 0x00, 'O', 'B', 0, 0, -1, -1, -1, -1});
        item(out, new byte[0]);
        frames.forEach(frame -> item(out, frame.length % 2 == 0 ? frame : Arrays.copyOf(frame, frame.length + 1)));
        out.writeBytes(new byte[] {-2, -1, (byte) 0xdd, (byte) 0xe0, 0, 0, 0, 0});
        try {
            Path temporary = Files.createTempFile("gan-gdcm-", ".dcm");
            return Files.write(temporary, out.toByteArray());
        } catch (IOException e) {
            throw new MrLoadException(file, "cannot be handed to GDCM: writing a temporary file failed (" + e.getMessage() + ")");
        }
    }

    private static void element(ByteArrayOutputStream out, int group, int element, String vr, byte[] value) {
        out.writeBytes(u16(group));
        out.writeBytes(u16(element));
        out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(u16(value.length));
        out.writeBytes(value);
    }

    private static void item(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(new byte[] {-2, -1, 0, (byte) 0xe0});
        out.writeBytes(u16(value.length & 0xffff));
        out.writeBytes(u16(value.length >>> 16));
        out.writeBytes(value);
    }

    /** A text value padded to even length as its VR requires. */
    private static byte[] text(String value, byte padding) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        byte[] even = Arrays.copyOf(bytes, bytes.length + bytes.length % 2);
        if (even.length > bytes.length) {
            even[bytes.length] = padding;
        }
        return even;
    }

    private static byte[] u16(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8)};
    }
}
