package org.gantutorial.fast;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The channels of contiguous [N, C, H, W] feature maps read straight from ND4J's memory into Java
 * arrays and written back, one channel (N rows of H x W) at a time, channels spread over the cores:
 * for {@link BatchNormKernels} and {@link BiasAndRectifier}, which do in one or two passes over each
 * channel what took ND4J several operations, each a pass over memory with its own call overhead.
 * Float and double maps alike; the arithmetic is in double.
 */
final class ChannelValues {
    /** Per-thread working rows (a channel of values, a channel of errors), grown as needed. */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[2][0]);

    private final FloatBuffer floats;
    private final DoubleBuffer doubles;
    private final int start;
    private final int channels;
    private final int area;
    private final int examples;

    private ChannelValues(INDArray maps) {
        if (!isContiguous(maps) || maps.rank() != 4) {
            throw new IllegalArgumentException("ChannelValues needs contiguous [N, C, H, W] maps, got shape "
                    + java.util.Arrays.toString(maps.shape()) + " in order " + maps.ordering());
        }
        boolean isDouble = maps.dataType() == DataType.DOUBLE;
        if (!isDouble && maps.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("ChannelValues reads float or double maps, not " + maps.dataType());
        }
        floats = isDouble ? null : maps.data().asNioFloat();
        doubles = isDouble ? maps.data().asNioDouble() : null;
        start = isDouble ? doubles.position() : floats.position();
        examples = Math.toIntExact(maps.size(0));
        channels = Math.toIntExact(maps.size(1));
        area = Math.toIntExact(maps.size(2) * maps.size(3));
    }

    /** A reader and writer of {@code maps}, which must be contiguous [N, C, H, W] (see {@link #contiguous}). */
    static ChannelValues of(INDArray maps) {
        return new ChannelValues(maps);
    }

    /** {@code array} as contiguous [N, C, H, W]: a dense layer's [N, C] becomes [N, C, 1, 1]; other layouts are copied. */
    static INDArray contiguous(INDArray array) {
        INDArray maps = array.rank() == 2 ? array.reshape(array.size(0), array.size(1), 1, 1) : array;
        return isContiguous(maps) ? maps : maps.dup('c');
    }

    /** Row-major with its elements next to each other (ND4J gives size-1 dimensions strides that vary, so those are not compared). */
    private static boolean isContiguous(INDArray maps) {
        return maps.ordering() == 'c' && maps.elementWiseStride() == 1;
    }

    int channels() {
        return channels;
    }

    /** Values per channel: N x H x W. */
    int perChannel() {
        return examples * area;
    }

    /** Row scratch for {@link #read} and {@link #write}: one H x W row. */
    float[] rowScratch() {
        return new float[area];
    }

    /** Channel {@code channel}'s values, example after example, into {@code into}. */
    void read(int channel, double[] into, float[] row) {
        for (int n = 0; n < examples; n++) {
            int from = start + (n * channels + channel) * area;
            if (doubles != null) {
                doubles.get(from, into, n * area, area);
            } else {
                floats.get(from, row, 0, area);
                for (int i = 0; i < area; i++) {
                    into[n * area + i] = row[i];
                }
            }
        }
    }

    /** Writes {@code from} over channel {@code channel}, example after example. */
    void write(int channel, double[] from, float[] row) {
        for (int n = 0; n < examples; n++) {
            int to = start + (n * channels + channel) * area;
            if (doubles != null) {
                doubles.put(to, from, n * area, area);
            } else {
                for (int i = 0; i < area; i++) {
                    row[i] = (float) from[n * area + i];
                }
                floats.put(to, row, 0, area);
            }
        }
    }

    /** Writes {@code values} over {@code vector}, a contiguous parameter or gradient view, without an ND4J operation. */
    static void writeVector(INDArray vector, double[] values) {
        if (vector.length() != values.length || vector.elementWiseStride() != 1) {
            throw new IllegalArgumentException("expected a contiguous vector of " + values.length + " values, got shape "
                    + java.util.Arrays.toString(vector.shape()));
        }
        if (vector.dataType() == DataType.DOUBLE) {
            var buffer = vector.data().asNioDouble();
            buffer.put(buffer.position(), values);
        } else {
            var buffer = vector.data().asNioFloat();
            int start = buffer.position();
            for (int i = 0; i < values.length; i++) {
                buffer.put(start + i, (float) values[i]);
            }
        }
    }

    /** Channels are independent: each goes to one thread, so results do not depend on how many there are. */
    static void forEachChannel(int channels, IntConsumer work) {
        IntStream.range(0, channels).parallel().forEach(work);
    }

    /** This thread's working row {@code which} (0 or 1), at least {@code length} long. */
    static double[] scratch(int which, int length) {
        double[][] rows = SCRATCH.get();
        if (rows[which].length < length) {
            rows[which] = new double[length];
        }
        return rows[which];
    }
}
