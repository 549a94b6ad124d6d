package org.gantutorial.mr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an encapsulated image's frames with the codec its transfer syntax needs: RLE here, JPEG
 * and JPEG 2000 through the ImageIO readers from Maven Central, and what no pure-Java decoder reads
 * (JPEG-LS, 12-bit lossy JPEG, JPEG processes the pure-Java decoders do not support) through GDCM
 * where it is installed. Corrupt frames are not retried with GDCM: its native decoders are the
 * least hardened part, and a second refusal would say nothing new.
 */
final class CompressedFrames {
    private CompressedFrames() {
    }

    /** Every frame in stored values, in the order the file holds them. */
    static List<float[]> decode(Path file, byte[] data, PixelDataElement element, PixelFormat format, TransferSyntax syntax) {
        // The fragments are read first even where GDCM decodes: a corrupt item structure is refused before native code sees it.
        List<byte[]> frames = EncapsulatedPixels.read(file, data, element, format.frames(), syntax);
        boolean lossyJpeg = syntax == TransferSyntax.JPEG_BASELINE || syntax == TransferSyntax.JPEG_EXTENDED;
        if (syntax.codec() == TransferSyntax.Codec.GDCM) {
            return gdcm(file, frames, format, syntax, "uses " + syntax.label() + ", " + Gdcm.refusal("dcmdjpls IN OUT, or gdcmconv --raw IN OUT"));
        }
        if (lossyJpeg && format.bitsStored() > 8) {
            // The JDK's JPEG decoder reads 8-bit lossy JPEG only, and no pure-Java decoder on Maven Central reads 12-bit.
            return gdcm(file, frames, format, syntax, "is " + format.bitsStored() + "-bit lossy JPEG, " + syntax.label() + ", "
                    + Gdcm.refusal("dcmdjpeg IN OUT, or gdcmconv --raw IN OUT"));
        }
        var values = new ArrayList<float[]>();
        try {
            for (byte[] frame : frames) {
                values.add(syntax.codec() == TransferSyntax.Codec.RLE ? RleCodec.decode(file, frame, format)
                        : ImageIoCodec.decode(file, frame, format, syntax));
            }
            return values;
        } catch (MrLoadException refused) {
            if (!refused.reason().matches("(?i).*\\b(unsupported|not supported)\\b.*") || !Gdcm.available()) {
                throw refused;
            }
            try {
                return GdcmCodec.decode(file, frames, format, syntax);
            } catch (MrLoadException alsoRefused) {
                throw refused;
            }
        }
    }

    private static List<float[]> gdcm(Path file, List<byte[]> frames, PixelFormat format, TransferSyntax syntax,
                                      String refusal) {
        if (!Gdcm.available()) {
            throw new MrLoadException(file, refusal);
        }
        return GdcmCodec.decode(file, frames, format, syntax);
    }
}
