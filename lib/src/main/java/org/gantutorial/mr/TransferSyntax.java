package org.gantutorial.mr;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The DICOM transfer syntaxes this loader knows by name (DICOM Part 5, Annex A and Part 6) and
 * which codec reads the pixel data of each. ImageJ reads the uncompressed ones; the others are
 * decoded here, by GDCM, or refused with the reason.
 */
enum TransferSyntax {
    IMPLICIT_LITTLE("1.2.840.10008.1.2", "Implicit VR Little Endian", Codec.IMAGEJ),
    EXPLICIT_LITTLE("1.2.840.10008.1.2.1", "Explicit VR Little Endian", Codec.IMAGEJ),
    EXPLICIT_BIG("1.2.840.10008.1.2.2", "Explicit VR Big Endian", Codec.IMAGEJ),
    DEFLATED("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", Codec.DEFLATE),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", Codec.JPEG),
    JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", Codec.JPEG),
    JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", "JPEG Lossless (Process 14)", Codec.JPEG),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEG Lossless, First-Order Prediction (Process 14, SV1)", Codec.JPEG),
    JPEG_LS("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless", Codec.GDCM),
    JPEG_LS_NEAR_LOSSLESS("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless", Codec.GDCM),
    JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless", Codec.JPEG_2000),
    JPEG_2000("1.2.840.10008.1.2.4.91", "JPEG 2000", Codec.JPEG_2000),
    RLE("1.2.840.10008.1.2.5", "RLE Lossless", Codec.RLE);

    /** How the pixel data is read: by ImageJ, by a decoder here, or only by GDCM where it is installed. */
    enum Codec { IMAGEJ, DEFLATE, RLE, JPEG, JPEG_2000, GDCM }

    private final String uid;
    private final String title;
    private final Codec codec;

    TransferSyntax(String uid, String title, Codec codec) {
        this.uid = uid;
        this.title = title;
        this.codec = codec;
    }

    String uid() {
        return uid;
    }

    Codec codec() {
        return codec;
    }

    /** Name and UID, as {@code mr-info} prints it: "JPEG Lossless (Process 14) (1.2.840.10008.1.2.4.57)". */
    String label() {
        return title + " (" + uid + ")";
    }

    /** Pixel data stored as a sequence of fragments (Part 5, A.4) rather than as plain samples. */
    boolean encapsulated() {
        return codec != Codec.IMAGEJ && codec != Codec.DEFLATE;
    }

    /**
     * The syntax with this UID; a UID this loader cannot read is refused with what to do.
     *
     * @throws MrLoadException for video, High-Throughput JPEG 2000 and unknown UIDs
     */
    static TransferSyntax of(Path file, String uid) {
        TransferSyntax syntax = Arrays.stream(values()).filter(s -> s.uid.equals(uid)).findFirst().orElse(null);
        if (syntax == null) {
            String kind = uid.matches("1\\.2\\.840\\.10008\\.1\\.2\\.4\\.1\\d\\d") ? "a video (MPEG/HEVC) transfer syntax"
                    : uid.matches("1\\.2\\.840\\.10008\\.1\\.2\\.4\\.20\\d") ? "High-Throughput JPEG 2000, which JJ2000 cannot decode"
                    : "a transfer syntax this loader does not know";
            // A corrupt UID may hold any bytes: the message stays one printable line.
            String shown = uid.isEmpty() ? "an empty UID" : uid.replaceAll("[^\\x21-\\x7e]", "?");
            throw new MrLoadException(file, "uses " + kind + " (" + shown.substring(0, Math.min(shown.length(), 64))
                    + "); convert it to uncompressed DICOM first (gdcmconv --raw IN OUT)");
        }
        return syntax;
    }
}
