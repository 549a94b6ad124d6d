package org.gantutorial.fast;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution's bias and rectifier (ReLU, LeakyReLU) applied in Java, one pass per channel
 * ({@link ChannelValues}), forward and backward: for {@link LeanConvolution} and
 * {@link TransposeConvolution}, which add their bias outside ND4J's ops, and for
 * {@link BatchNormActivation}. ND4J's LeakyReLU and its derivative took two passes over memory each;
 * in one pass with the bias they cost a fraction.
 */
final class BiasAndRectifier {
    private BiasAndRectifier() {
    }

    /**
     * True for the activations written here: the identity, ReLU and LeakyReLU with a slope from 0 to 1.
     * Others lose the sign of their input (tanh keeps it but not as max(y, slope * y)).
     */
    static boolean isRectifier(IActivation activation) {
        return activation instanceof ActivationIdentity || activation instanceof ActivationReLU && activation.equals(new ActivationReLU())
                || activation instanceof ActivationLReLU leaky && leaky.getAlpha() >= 0 && leaky.getAlpha() <= 1;
    }

    /** The activation as a rectifier's slope left of zero: 1 for the identity, 0 for ReLU, alpha for LeakyReLU. */
    static double slope(IActivation activation) {
        if (!isRectifier(activation)) {
            throw new IllegalArgumentException(activation + " is not a rectifier; keep it as DL4J's own layer.");
        }
        return activation instanceof ActivationIdentity ? 1 : activation instanceof ActivationLReLU leaky ? leaky.getAlpha() : 0;
    }

    /** maps += bias, per channel, in place (a layer's bias added outside its op). */
    static void addBias(INDArray maps, INDArray bias) {
        addBiasAndRectify(maps, bias.toDoubleVector(), 1);
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
            rectify(row, values.perChannel(), 1, bias == null ? 0 : bias[c], slope);
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
                // ReLU's zeros are -0.0 here (max(y, 0 * y) for a negative y): their sign bit blocks the error.
                out[i] = err[i] * derivative(out[i], slope);
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
            sums[c] = BatchNormKernels.sum(row, values.perChannel());
        });
        return sums;
    }

    /**
     * values = max(y, slope * y) with y = scale * values + shift: ReLU (slope 0), LeakyReLU or nothing
     * (slope 1), with max rather than an if, which the processor would mispredict half the time.
     */
    static void rectify(double[] values, int count, double scale, double shift, double slope) {
        for (int i = 0; i < count; i++) {
            double y = scale * values[i] + shift;
            values[i] = Math.max(y, slope * y);
        }
    }

    /**
     * The rectifier's derivative where its input (or output, which has the same sign) is {@code y}:
     * 1 where y's sign bit is clear, else the slope. Read off the bit, not by an if, which would be
     * mispredicted half the time and cost more than the rest of a backward pass.
     */
    static double derivative(double y, double slope) {
        long positive = 1 - (Double.doubleToRawLongBits(y) >>> 63);
        return slope + (1 - slope) * positive;
    }
}
