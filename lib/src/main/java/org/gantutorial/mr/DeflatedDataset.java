package org.gantutorial.mr;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Deflated Explicit VR Little Endian (Part 5, A.5): everything after the file meta group is one raw
 * deflate stream (RFC 1951, no zlib header). Inflated here, the data set is plain explicit VR
 * little endian that ImageJ reads.
 */
final class DeflatedDataset {
    /** Deflate cannot compress better than about 1032:1, which bounds what an honest file inflates to. */
    private static final int MAX_RATIO = 1032;

    private DeflatedDataset() {
    }

    static byte[] inflate(Path file, byte[] data, int from) {
        long limit = Math.min(Runtime.getRuntime().maxMemory() / 4, (long) MAX_RATIO * (data.length - from) + 1024);
        var inflater = new Inflater(true);
        inflater.setInput(data, from, data.length - from);
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new MrLoadException(file, "is cut short inside its deflated data set (after " + out.size()
                            + " inflated bytes)");
                }
                out.write(buffer, 0, n);
                if (out.size() > limit) {
                    throw new MrLoadException(file, "inflates to more than " + (limit >> 20) + " MB, more than this JVM "
                            + "can spare or the file can honestly hold; it is corrupt");
                }
            }
        } catch (DataFormatException e) {
            throw new MrLoadException(file, "has a corrupt deflated data set (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }
}
