package org.gantutorial.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch norm followed by ReLU or LeakyReLU, forward and backward, one channel at a time in Java
 * (channels spread over the cores): the arithmetic of {@link BatchNormActivation}. Each channel's
 * values fit in the processor's cache, so its passes after the first read cost little; ND4J's own
 * operations took a pass over memory each, and the dozen calls a batch norm needs cost about
 * 1.5 ms in overhead alone, more than the arithmetic at the image GAN's smaller layers.
 */
final class BatchNormKernels {
    private BatchNormKernels() {
    }

    /**
     * What a forward pass measured and applied per channel (y = scale * x + shift), and the gamma it
     * used: the backward pass works from exactly these.
     */
    record Statistics(double[] mean, double[] variance, double[] scale, double[] shift, double[] gamma, double eps) {

        /** The statistics of inference mode: the running mean and variance instead of the batch's. */
        static Statistics of(double[] mean, double[] variance, double[] gamma, double[] beta, double eps) {
            var statistics = new Statistics(mean, variance, new double[mean.length], new double[mean.length], gamma, eps);
            for (int c = 0; c < mean.length; c++) {
                statistics.set(c, mean[c], variance[c], beta);
            }
            return statistics;
        }

        /** Channel {@code c}'s mean and variance, and the scale and shift they give with gamma and {@code beta}. */
        void set(int c, double channelMean, double channelVariance, double[] beta) {
            mean[c] = channelMean;
            variance[c] = channelVariance;
            scale[c] = gamma[c] / Math.sqrt(channelVariance + eps);
            shift[c] = beta[c] - channelMean * scale[c];
        }
    }

    /** Per-channel gradients of gamma and beta. */
    record Gradients(double[] gamma, double[] beta) {
    }

    /** Training mode: normalises each channel of {@code x} by its own mean and variance, into {@code out}. */
    static Statistics normaliseByBatch(INDArray x, INDArray out, double[] gamma, double[] beta, double eps, double slope) {
        ChannelValues in = ChannelValues.of(x);
        ChannelValues result = ChannelValues.of(out);
        int count = in.perChannel();
        int channels = in.channels();
        Statistics statistics = new Statistics(new double[channels], new double[channels], new double[channels],
                new double[channels], gamma, eps);
        ChannelValues.forEachChannel(channels, c -> {
            double[] values = ChannelValues.scratch(0, count);
            float[] row = in.rowScratch();
            in.read(c, values, row);
            double mean = sum(values, count) / count;
            // Two passes (mean, then squares about it) keep the variance exact when the mean is large.
            double variance = squaresAbout(values, count, mean) / count;
            statistics.set(c, mean, variance, beta);
            // The channel is still in the cache: normalised here, not in a second pass over memory.
            BiasAndRectifier.rectify(values, count, statistics.scale()[c], statistics.shift()[c], slope);
            result.write(c, values, row);
        });
        return statistics;
    }

    /** Inference mode: out = activation(scale * x + shift), per channel, with the running statistics. */
    static void apply(INDArray x, INDArray out, Statistics statistics, double slope) {
        ChannelValues in = ChannelValues.of(x);
        ChannelValues result = ChannelValues.of(out);
        int count = in.perChannel();
        ChannelValues.forEachChannel(in.channels(), c -> {
            double[] values = ChannelValues.scratch(0, count);
            float[] row = in.rowScratch();
            in.read(c, values, row);
            BiasAndRectifier.rectify(values, count, statistics.scale()[c], statistics.shift()[c], slope);
            result.write(c, values, row);
        });
    }

    /**
     * The error at the batch norm's input, into {@code errorAtInput}, from the error at the
     * activation's output; and gamma's and beta's gradients. The activation's derivative comes from
     * the sign of scale * x + shift, worked out again: no copy of the output is kept.
     */
    static Gradients backward(INDArray x, INDArray error, INDArray errorAtInput, Statistics statistics, double slope) {
        ChannelValues in = ChannelValues.of(x);
        ChannelValues errors = ChannelValues.of(error);
        ChannelValues result = ChannelValues.of(errorAtInput);
        int count = in.perChannel();
        double[] gammaGradient = new double[in.channels()];
        double[] betaGradient = new double[in.channels()];
        ChannelValues.forEachChannel(in.channels(), c -> {
            double[] values = ChannelValues.scratch(0, count);
            double[] errorAtNorm = ChannelValues.scratch(1, count);
            float[] row = in.rowScratch();
            in.read(c, values, row);
            errors.read(c, errorAtNorm, row);
            double scale = statistics.scale()[c];
            double shift = statistics.shift()[c];
            for (int i = 0; i < count; i++) {
                errorAtNorm[i] *= BiasAndRectifier.derivative(scale * values[i] + shift, slope);
            }
            double sumError = sum(errorAtNorm, count);
            double sumErrorTimesX = dot(errorAtNorm, values, count);
            double mean = statistics.mean()[c];
            double inverseStd = 1 / Math.sqrt(statistics.variance()[c] + statistics.eps());
            double sumErrorTimesNormalised = (sumErrorTimesX - mean * sumError) * inverseStd;
            // dx = k*error + a*x + b per channel, the usual batch-norm gradient with its sums multiplied out.
            double k = inverseStd * statistics.gamma()[c];
            double a = -k * inverseStd * sumErrorTimesNormalised / count;
            double b = -k * sumError / count - a * mean;
            for (int i = 0; i < count; i++) {
                errorAtNorm[i] = k * errorAtNorm[i] + a * values[i] + b;
            }
            result.write(c, errorAtNorm, row);
            gammaGradient[c] = sumErrorTimesNormalised;
            betaGradient[c] = sumError;
        });
        return new Gradients(gammaGradient, betaGradient);
    }

    // The sums keep four running totals: one total waits for each addition before the next, four
    // times slower. The order is fixed, so results do not change from run to run.

    static double sum(double[] values, int count) {
        double a = 0, b = 0, c = 0, d = 0;
        int i = 0;
        for (; i + 3 < count; i += 4) {
            a += values[i];
            b += values[i + 1];
            c += values[i + 2];
            d += values[i + 3];
        }
        for (; i < count; i++) {
            a += values[i];
        }
        return (a + b) + (c + d);
    }

    private static double squaresAbout(double[] values, int count, double mean) {
        double a = 0, b = 0, c = 0, d = 0;
        int i = 0;
        for (; i + 3 < count; i += 4) {
            double x0 = values[i] - mean, x1 = values[i + 1] - mean, x2 = values[i + 2] - mean, x3 = values[i + 3] - mean;
            a += x0 * x0;
            b += x1 * x1;
            c += x2 * x2;
            d += x3 * x3;
        }
        for (; i < count; i++) {
            a += (values[i] - mean) * (values[i] - mean);
        }
        return (a + b) + (c + d);
    }

    private static double dot(double[] x, double[] y, int count) {
        double a = 0, b = 0, c = 0, d = 0;
        int i = 0;
        for (; i + 3 < count; i += 4) {
            a += x[i] * y[i];
            b += x[i + 1] * y[i + 1];
            c += x[i + 2] * y[i + 2];
            d += x[i + 3] * y[i + 3];
        }
        for (; i < count; i++) {
            a += x[i] * y[i];
        }
        return (a + b) + (c + d);
    }
}
