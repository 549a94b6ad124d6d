package org.gantutorial.mr;

import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * BrainBrowser's volume format: raw uint8 voxels ({@code NAME.mnc.raw.gz}) beside a JSON header
 * ({@code NAME.mnc.header.gz}) that gives the storage order (slowest axis first), sizes and steps.
 */
final class MincRawReader {
    private static final String RAW = ".mnc.raw.gz";
    private static final String HEADER = ".mnc.header.gz";
    private static final List<String> SPACES = List.of("xspace", "yspace", "zspace");

    private MincRawReader() {
    }

    static boolean handles(Path file) {
        return file.getFileName().toString().endsWith(RAW);
    }

    /** The header is read together with its raw file, so a folder scan passes it over. */
    static boolean isHeader(Path file) {
        return file.getFileName().toString().endsWith(HEADER);
    }

    static MrVolume read(Path file) {
        String name = file.getFileName().toString();
        Path headerFile = file.resolveSibling(name.substring(0, name.length() - RAW.length()) + HEADER);
        int[] dims = new int[3];
        double[][] directions = new double[3][];
        try (InputStream in = new GZIPInputStream(Files.newInputStream(headerFile))) {
            JsonNode header = new ObjectMapper().readTree(in);
            JsonNode order = header.path("order");
            if (order.size() != 3) {
                throw new MrLoadException(headerFile, "has no three-axis \"order\"; it is not a BrainBrowser volume header");
            }
            for (int i = 0; i < 3; i++) {
                // The header lists the slowest axis first; axis 0 here varies fastest.
                String space = order.get(2 - i).asText();
                JsonNode axis = header.path(space);
                int world = SPACES.indexOf(space);
                dims[i] = axis.path("space_length").asInt(0);
                if (world < 0 || dims[i] < 1 || dims[i] > 4096) {
                    throw new MrLoadException(headerFile, "has an unusable axis '" + space + "' (length " + dims[i] + ")");
                }
                double step = axis.path("step").asDouble(1);
                directions[i] = new double[3];
                directions[i][world] = step < 0 ? -1 : 1;
            }
        } catch (IOException e) {
            throw new MrLoadException(headerFile, "cannot be read as a BrainBrowser header (" + e.getMessage() + ")", e);
        }
        long count = (long) dims[0] * dims[1] * dims[2];
        byte[] raw;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            raw = in.readNBytes((int) Math.min(count, NiftiReader.MAX_VOXELS));
        } catch (IOException e) {
            throw new MrLoadException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (raw.length != count) {
            throw new MrLoadException(file, "holds " + raw.length + " voxels where its header promises " + count);
        }
        float[] voxels = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            voxels[i] = raw[i] & 0xff;
        }
        AxialSlicer.Slices slices = AxialSlicer.slice(voxels, dims, directions);
        return new MrVolume(name, "MR", slices.width(), slices.height(), slices.slices(), new HeaderSummary(List.of(
                new HeaderSummary.Field("Format", "BrainBrowser raw uint8 with JSON header", false),
                new HeaderSummary.Field("Size", slices.width() + "x" + slices.height(), false),
                new HeaderSummary.Field("Slices", Integer.toString(slices.slices().size()), false))));
    }
}
