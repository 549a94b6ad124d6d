package org.gantutorial.training;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * How notebook 08 spoils a slice for the image-to-image GAN to restore: a scan at lower resolution
 * ({@link Kind#DOWNSAMPLED}: each {@code amount} x {@code amount} block averaged into one pixel, then
 * blown back up by bilinear interpolation, as a viewer would show it) or a noisier one
 * ({@link Kind#NOISY}: Gaussian noise of deviation {@code amount} on the [-1, 1] scale, clipped).
 *
 * @param kind   what is lost: fine detail, or the signal-to-noise ratio
 * @param amount the downsampling factor (a power of two), or the noise's standard deviation
 */
public record Degradation(Kind kind, double amount) implements java.io.Serializable {
    public enum Kind { DOWNSAMPLED, NOISY }

    public Degradation {
        boolean factor = amount >= 2 && amount == Math.rint(amount) && Integer.bitCount((int) amount) == 1;
        if (kind == Kind.DOWNSAMPLED ? !factor : !(amount > 0)) {
            throw new IllegalArgumentException(kind == Kind.DOWNSAMPLED ? "a downsampling factor must be a power of two of at least 2, not " + amount
                    : "a noise deviation must be above 0, not " + amount);
        }
    }

    /** Detail lost: {@code factor} x {@code factor} blocks averaged, then interpolated back. */
    public static Degradation downsampled(int factor) {
        return new Degradation(Kind.DOWNSAMPLED, factor);
    }

    /** Signal lost: Gaussian noise of deviation {@code deviation} (the slices span 2). */
    public static Degradation noisy(double deviation) {
        return new Degradation(Kind.NOISY, deviation);
    }

    /** Degraded copies of {@code slices} ([N, 1, S, S] in [-1, 1]); noise is drawn from {@code random}. */
    public INDArray apply(INDArray slices, Random random) {
        int n = (int) slices.size(0);
        int side = (int) slices.size(3);
        float[][] pixels = slices.reshape(n, (long) side * side).toFloatMatrix();
        float[] out = new float[n * side * side];
        for (int i = 0; i < n; i++) {
            float[] degraded = kind == Kind.DOWNSAMPLED ? blownUp(shrunk(pixels[i], side, (int) amount), side / (int) amount, side)
                    : noisy(pixels[i], random);
            System.arraycopy(degraded, 0, out, i * side * side, degraded.length);
        }
        return Nd4j.create(out, slices.shape(), 'c').castTo(DataType.FLOAT);
    }

    /** As the command line writes it: "downsampled:4" or "noisy:0.3". */
    @Override
    public String toString() {
        return kind == Kind.DOWNSAMPLED ? "downsampled:" + (int) amount : "noisy:" + amount;
    }

    /** "4x downsampled" or "noise 0.20". */
    public String describe() {
        return kind == Kind.DOWNSAMPLED ? (int) amount + "x downsampled" : String.format("noise %.2f", amount);
    }

    private static float[] shrunk(float[] slice, int side, int factor) {
        int small = side / factor;
        float[] out = new float[small * small];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                out[(y / factor) * small + x / factor] += slice[y * side + x] / (factor * factor);
            }
        }
        return out;
    }

    /** Bilinear interpolation from {@code small} to {@code side}, pixel centres aligned, edges held. */
    private static float[] blownUp(float[] slice, int small, int side) {
        float[] out = new float[side * side];
        double scale = (double) small / side;
        for (int y = 0; y < side; y++) {
            double sy = Math.max(0, Math.min(small - 1, (y + 0.5) * scale - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(small - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < side; x++) {
                double sx = Math.max(0, Math.min(small - 1, (x + 0.5) * scale - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(small - 1, x0 + 1);
                double fx = sx - x0;
                double top = slice[y0 * small + x0] * (1 - fx) + slice[y0 * small + x1] * fx;
                double bottom = slice[y1 * small + x0] * (1 - fx) + slice[y1 * small + x1] * fx;
                out[y * side + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }

    private float[] noisy(float[] slice, Random random) {
        float[] out = new float[slice.length];
        for (int p = 0; p < slice.length; p++) {
            out[p] = (float) Math.max(-1, Math.min(1, slice[p] + amount * random.nextGaussian()));
        }
        return out;
    }
}
