package org.gantutorial.models;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution's bias and rectifier (ReLU, LeakyReLU) applied in Java, one pass per channel
 * ({@link ChannelValues}), forward and backward: for {@link LeanConvolution} and
 * {@link TransposeConvolution}, which add their bias outside ND4J's ops. ND4J's LeakyReLU and its
 * derivative took two passes over memory each; in one pass with the bias they cost a fraction.
 */
final class BiasAndRectifier {
    private BiasAndRectifier() {
    }

    /** maps += bias, per channel, in place (a layer's bias added outside its op). */
    static void addBias(INDArray maps, INDArray bias) {
        addBiasAndRectify(maps, ChannelValues.readVector(bias), 1);
    }

    /**
     * maps = max(y, slope * y) with y = maps + bias, per channel, in place: a bias (or none, when
     * {@code bias} is null) followed by ReLU (slope 0), LeakyReLU (slope below 1) or nothing (slope 1).
     */
    static void addBiasAndRectify(INDArray maps, double[] bias, double slope) {
        ChannelValues values = ChannelValues.of(maps);
        ChannelValues.forEachChannel(values.channels(), c -> {
            double[] row = ChannelValues.scratch(0, values.perChannel());
            float[] rowScratch = values.rowScratch();
            values.read(c, row, rowScratch);
            double shift = bias == null ? 0 : bias[c];
            for (int i = 0; i < values.perChannel(); i++) {
                double y = row[i] + shift;
                // max rather than an if: the processor would mispredict the sign half the time.
                row[i] = Math.max(y, slope * y);
            }
            values.write(c, row, rowScratch);
        });
    }

    /**
     * The error at a rectifier's input, written over {@code output} (what {@link #addBiasAndRectify}
     * wrote, which has the sign of the rectifier's input): {@code error} where the output is
     * positive, slope * error elsewhere.
     */
    static void rectifierBackward(INDArray output, INDArray error, double slope) {
        ChannelValues outputs = ChannelValues.of(output);
        ChannelValues errors = ChannelValues.of(ChannelValues.contiguous(error));
        ChannelValues.forEachChannel(outputs.channels(), c -> {
            double[] out = ChannelValues.scratch(0, outputs.perChannel());
            double[] err = ChannelValues.scratch(1, outputs.perChannel());
            float[] rowScratch = outputs.rowScratch();
            outputs.read(c, out, rowScratch);
            errors.read(c, err, rowScratch);
            for (int i = 0; i < outputs.perChannel(); i++) {
                // 1 where the output is positive, else 0, read off its sign bit (an if would be mispredicted half
                // the time). ReLU's zeros are -0.0 here (max(y, 0 * y) for a negative y), so they block the error.
                long positive = 1 - (Double.doubleToRawLongBits(out[i]) >>> 63);
                out[i] = err[i] * (slope + (1 - slope) * positive);
            }
            outputs.write(c, out, rowScratch);
        });
    }

    /** A bias's gradient: the per-channel sums of {@code delta}, the error at the layer's output (before its activation). */
    static double[] biasGradient(INDArray delta) {
        ChannelValues values = ChannelValues.of(ChannelValues.contiguous(delta));
        double[] sums = new double[values.channels()];
        ChannelValues.forEachChannel(values.channels(), c -> {
            double[] row = ChannelValues.scratch(0, values.perChannel());
            values.read(c, row, values.rowScratch());
            double sum = 0;
            for (int i = 0; i < values.perChannel(); i++) {
                sum += row[i];
            }
            sums[c] = sum;
        });
        return sums;
    }
}
