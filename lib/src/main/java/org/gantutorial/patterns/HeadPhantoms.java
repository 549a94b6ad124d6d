package org.gantutorial.patterns;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * Synthetic axial "head slices" made of ellipses: a bright skull ring, grey brain, two dark
 * lateral ventricles whose size changes from slice to slice, and a small bright spot.
 * They stand in for MR slices where no scans are at hand (tests, quick runs): a GAN must learn
 * the same kinds of structure, but nothing here is anatomy.
 */
public final class HeadPhantoms {
    private HeadPhantoms() {
    }

    /** {@code count} slices of {@code size} x {@code size}, shape [count, 1, size, size], values in [-1, 1]. */
    public static INDArray generate(int count, int size, long seed) {
        var random = new Random(seed);
        float[] pixels = new float[count * size * size];
        for (int i = 0; i < count; i++) {
            draw(random, pixels, i * size * size, size);
        }
        return Nd4j.create(pixels, new long[] {count, 1, size, size}, DataType.FLOAT);
    }

    private static void draw(Random random, float[] pixels, int offset, int size) {
        double headA = 0.36 + 0.06 * random.nextDouble();
        double headB = headA * (1.12 + 0.1 * random.nextDouble());
        double tilt = 0.15 * random.nextGaussian();
        double cx = 0.5 + 0.02 * random.nextGaussian();
        double cy = 0.5 + 0.02 * random.nextGaussian();
        double ventricle = 0.04 + 0.08 * random.nextDouble();
        double spotX = cx + 0.15 * random.nextGaussian();
        double spotY = cy + 0.15 * random.nextGaussian();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double u = (x + 0.5) / size - cx;
                double v = (y + 0.5) / size - cy;
                double ru = u * Math.cos(tilt) + v * Math.sin(tilt);
                double rv = -u * Math.sin(tilt) + v * Math.cos(tilt);
                double head = ellipse(ru, rv, headA, headB);
                float value = -1f;
                if (head <= 1) {
                    value = head > 0.78 ? 0.8f : 0.05f + 0.1f * (float) (1 - head);
                    if (ellipse(Math.abs(ru) - ventricle * 0.9, rv + 0.02, ventricle, ventricle * 2.2) <= 1) {
                        value = -0.75f;
                    }
                    if (ellipse((x + 0.5) / size - spotX, (y + 0.5) / size - spotY, 0.025, 0.025) <= 1 && head < 0.7) {
                        value = 0.55f;
                    }
                }
                pixels[offset + y * size + x] = value;
            }
        }
    }

    private static double ellipse(double u, double v, double a, double b) {
        return (u * u) / (a * a) + (v * v) / (b * b);
    }
}
