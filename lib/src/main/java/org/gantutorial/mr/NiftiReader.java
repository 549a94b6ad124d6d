package org.gantutorial.mr;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A small NIfTI-1 reader for single-file volumes ({@code .nii}, {@code .nii.gz}): the header,
 * the common voxel types, intensity scaling and the orientation (sform, else qform) needed to cut
 * axial slices. Only the first volume of a 4D file is read.
 */
final class NiftiReader {
    private static final int HEADER_BYTES = 348;
    /** The largest volume this loader reads (512³); a header asking for more is treated as corrupt. */
    static final long MAX_VOXELS = 1L << 27;

    private NiftiReader() {
    }

    static boolean handles(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return name.endsWith(".nii") || name.endsWith(".nii.gz");
    }

    /** @param directions the world direction of each voxel axis, or null to take them from the header */
    static MrVolume read(Path file, double[][] directions) {
        boolean gzipped = file.getFileName().toString().toLowerCase().endsWith(".gz");
        try (InputStream in = open(file, gzipped)) {
            ByteBuffer header = header(file, in);
            int[] dims = dims(file, header);
            int type = header.getShort(70);
            int bytesPerVoxel = bytesPerVoxel(file, type);
            long voxelCount = (long) dims[0] * dims[1] * dims[2];
            long voxelBytes = voxelCount * bytesPerVoxel;
            long offset = Math.max(HEADER_BYTES, (long) header.getFloat(108));
            if (voxelCount > MAX_VOXELS) {
                throw new MrLoadException(file, String.format("header claims %dx%dx%d voxels, more than this loader "
                        + "reads (%,d); the header is corrupt or the volume is too large", dims[0], dims[1], dims[2],
                        MAX_VOXELS));
            }
            if (!gzipped && offset + voxelBytes > Files.size(file)) {
                throw shortData(file, voxelBytes, offset, Files.size(file) - offset);
            }
            in.skipNBytes(offset - HEADER_BYTES);
            // readNBytes grows its buffer as data arrives, so a lying gzip header cannot make it allocate.
            byte[] data = in.readNBytes((int) voxelBytes);
            if (data.length < voxelBytes) {
                throw shortData(file, voxelBytes, offset, data.length);
            }
            float[] voxels = decode(ByteBuffer.wrap(data).order(header.order()), type, dims, header);
            AxialSlicer.Slices slices = AxialSlicer.slice(voxels, dims, directions == null ? directions(header) : directions);
            return new MrVolume(file.getFileName().toString(), "MR", slices.width(), slices.height(), slices.slices(),
                    summary(header, dims, slices));
        } catch (EOFException e) {
            throw new MrLoadException(file, "is cut short: its data ends early (" + e.getMessage() + ")", e);
        } catch (ZipException e) {
            throw new MrLoadException(file, "is not a valid gzip stream (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new MrLoadException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream open(Path file, boolean gzipped) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return gzipped ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private static ByteBuffer header(Path file, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(HEADER_BYTES);
        if (bytes.length < HEADER_BYTES) {
            throw new MrLoadException(file, "is too short for a NIfTI-1 header (" + bytes.length + " of 348 bytes)");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (header.getInt(0) != HEADER_BYTES) {
            header.order(ByteOrder.BIG_ENDIAN);
            if (header.getInt(0) != HEADER_BYTES) {
                throw new MrLoadException(file, "is not a NIfTI-1 file (its first field is not the header size 348)");
            }
        }
        String magic = new String(bytes, 344, 3, StandardCharsets.ISO_8859_1);
        if (magic.equals("ni1")) {
            throw new MrLoadException(file, "is the header of a two-file NIfTI pair (.hdr/.img); convert it to a "
                    + "single .nii file first");
        }
        if (!magic.equals("n+1")) {
            throw new MrLoadException(file, "has no NIfTI-1 magic 'n+1' at byte 344; it is not NIfTI-1 or is corrupt");
        }
        return header;
    }

    private static int[] dims(Path file, ByteBuffer header) {
        int rank = header.getShort(40);
        if (rank < 2 || rank > 7) {
            throw new MrLoadException(file, "has " + rank + " dimensions in its header; NIfTI allows 1 to 7 and "
                    + "images need at least 2");
        }
        int[] dims = {header.getShort(42), header.getShort(44), rank >= 3 ? header.getShort(46) : 1};
        for (int d : dims) {
            if (d < 1) {
                throw new MrLoadException(file, "has a non-positive image size " + dims[0] + "x" + dims[1] + "x"
                        + dims[2] + " in its header");
            }
        }
        return dims;
    }

    private static int bytesPerVoxel(Path file, int type) {
        return switch (type) {
            case 2, 256 -> 1;
            case 4, 512 -> 2;
            case 8, 16 -> 4;
            case 64 -> 8;
            default -> throw new MrLoadException(file, "has NIfTI datatype " + type + "; this reader takes uint8, "
                    + "int8, int16, uint16, int32, float32 and float64");
        };
    }

    private static float[] decode(ByteBuffer data, int type, int[] dims, ByteBuffer header) {
        float slope = header.getFloat(112);
        float intercept = header.getFloat(116);
        boolean scaled = slope != 0 && Float.isFinite(slope) && Float.isFinite(intercept);
        float[] voxels = new float[dims[0] * dims[1] * dims[2]];
        for (int i = 0; i < voxels.length; i++) {
            float raw = switch (type) {
                case 2 -> data.get(i) & 0xff;
                case 256 -> data.get(i);
                case 4 -> data.getShort(2 * i);
                case 512 -> data.getShort(2 * i) & 0xffff;
                case 8 -> data.getInt(4 * i);
                case 16 -> data.getFloat(4 * i);
                default -> (float) data.getDouble(8 * i);
            };
            voxels[i] = scaled ? raw * slope + intercept : raw;
        }
        return voxels;
    }

    /** Voxel axes in world space: the sform when set, else the qform, else the voxel grid itself. */
    private static double[][] directions(ByteBuffer header) {
        double[][] axes = new double[3][3];
        if (header.getShort(254) > 0) {
            for (int axis = 0; axis < 3; axis++) {
                for (int world = 0; world < 3; world++) {
                    axes[axis][world] = header.getFloat(280 + 16 * world + 4 * axis);
                }
            }
        } else if (header.getShort(252) > 0) {
            double b = header.getFloat(256);
            double c = header.getFloat(260);
            double d = header.getFloat(264);
            double a = Math.sqrt(Math.max(0, 1 - b * b - c * c - d * d));
            double qfac = header.getFloat(76) < 0 ? -1 : 1;
            axes[0] = new double[] {a * a + b * b - c * c - d * d, 2 * (b * c + a * d), 2 * (b * d - a * c)};
            axes[1] = new double[] {2 * (b * c - a * d), a * a + c * c - b * b - d * d, 2 * (c * d + a * b)};
            axes[2] = new double[] {qfac * 2 * (b * d + a * c), qfac * 2 * (c * d - a * b), qfac * (a * a + d * d - b * b - c * c)};
        } else {
            axes = new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        }
        return axes;
    }

    private static MrLoadException shortData(Path file, long needed, long offset, long found) {
        return new MrLoadException(file, String.format("voxel data is cut short: the header promises %,d bytes "
                + "after byte %,d but only %,d follow it", needed, offset, Math.max(0, found)));
    }

    private static HeaderSummary summary(ByteBuffer header, int[] dims, AxialSlicer.Slices slices) {
        byte[] description = new byte[80];
        header.get(148, description);
        String text = new String(description, StandardCharsets.ISO_8859_1).replace('\0', ' ').trim();
        return new HeaderSummary(List.of(
                new HeaderSummary.Field("Description", text, false),
                new HeaderSummary.Field("Format", "NIfTI-1, datatype " + header.getShort(70), false),
                new HeaderSummary.Field("Volume", dims[0] + "x" + dims[1] + "x" + dims[2], false),
                new HeaderSummary.Field("Size", slices.width() + "x" + slices.height(), false),
                new HeaderSummary.Field("Slices", Integer.toString(slices.slices().size()), false),
                new HeaderSummary.Field("Voxel size (mm)", String.format("%.3gx%.3gx%.3g", header.getFloat(80),
                        header.getFloat(84), header.getFloat(88)), false),
                new HeaderSummary.Field("Scaling", header.getFloat(112) + " x value + " + header.getFloat(116), false)));
    }
}
