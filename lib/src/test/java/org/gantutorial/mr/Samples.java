package org.gantutorial.mr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.fail;

/** Test helpers: the fetched sample files, byte patches and a NIfTI-1 writer for synthetic volumes. */
final class Samples {
    private Samples() {
    }

    /** A file in data/cache; fails with what to run when the cache is missing. */
    static Path file(String relative) {
        Path path;
        try {
            path = SampleData.cache().resolve(relative);
        } catch (IllegalStateException e) {
            return fail(e.getMessage() + " (./gan test runs it before the tests)");
        }
        if (!Files.exists(path)) {
            fail("sample file " + path + " is missing; run ./gan data (./gan test runs it before the tests)");
        }
        return path;
    }

    static byte[] bytes(String relative) throws IOException {
        return Files.readAllBytes(file(relative));
    }

    /** Index of the first occurrence of {@code pattern} in {@code data}. */
    static int find(byte[] data, byte[] pattern) {
        int index = indexOf(data, pattern);
        if (index < 0) {
            throw new IllegalArgumentException("pattern not found");
        }
        return index;
    }

    /** Index of the first occurrence of {@code pattern} in {@code data}, or -1. */
    static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Overwrites the value of a short explicit-VR little-endian element (tag group, element, VR) in place. */
    static byte[] setElement(byte[] data, int group, int element, String vr, byte[] value) {
        byte[] tag = {(byte) group, (byte) (group >> 8), (byte) element, (byte) (element >> 8),
                (byte) vr.charAt(0), (byte) vr.charAt(1)};
        int at = find(data, tag) + 8;
        System.arraycopy(value, 0, data, at, value.length);
        return data;
    }

    static byte[] unsignedShort(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8)};
    }

    static Path write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, data);
    }

    /**
     * A NIfTI-1 file of int16 voxels (axis 0 fastest) with an identity sform (RAS), scaled by
     * {@code slope} and {@code intercept}.
     */
    static byte[] nifti(int[] dims, short[] voxels, float slope, float intercept) {
        ByteBuffer out = ByteBuffer.allocate(352 + 2 * voxels.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0, 348);
        out.putShort(40, (short) 3);
        for (int i = 0; i < 3; i++) {
            out.putShort(42 + 2 * i, (short) dims[i]);
            out.putFloat(80 + 4 * i, 1f);
        }
        out.putShort(70, (short) 4);
        out.putShort(72, (short) 16);
        out.putFloat(108, 352f);
        out.putFloat(112, slope);
        out.putFloat(116, intercept);
        out.putShort(254, (short) 1);
        out.putFloat(280, 1f);
        out.putFloat(296 + 4, 1f);
        out.putFloat(312 + 8, 1f);
        out.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        for (int i = 0; i < voxels.length; i++) {
            out.putShort(352 + 2 * i, voxels[i]);
        }
        return out.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }
}
