package org.gantutorial.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Worse copies of real slices for the tests: blurred, noised, brightened. */
final class Degraded {
    private Degraded() {
    }

    /** {@code passes} passes of a 3x3 binomial blur (clamped edges). */
    static INDArray blurred(INDArray slices, int passes) {
        int side = (int) slices.size(3);
        float[][] pixels = Slices.pixels(slices);
        for (float[] image : pixels) {
            for (int pass = 0; pass < passes; pass++) {
                float[] source = image.clone();
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        float sum = 0;
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                int yy = Math.max(0, Math.min(side - 1, y + dy));
                                int xx = Math.max(0, Math.min(side - 1, x + dx));
                                sum += (dx == 0 ? 2 : 1) * (dy == 0 ? 2 : 1) * source[yy * side + xx];
                            }
                        }
                        image[y * side + x] = sum / 16;
                    }
                }
            }
        }
        return Nd4j.create(pixels).reshape(slices.shape());
    }

    /** Gaussian noise of deviation {@code deviation}, seeded, clipped to [-1, 1]. */
    static INDArray noised(INDArray slices, double deviation, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return clipped(slices.add(Nd4j.randn(DataType.FLOAT, slices.shape()).muli(deviation)));
    }

    /** Every pixel {@code shift} brighter, clipped to [-1, 1]. */
    static INDArray brightened(INDArray slices, double shift) {
        return clipped(slices.add(shift));
    }

    private static INDArray clipped(INDArray slices) {
        return Transforms.min(Transforms.max(slices, -1.0), 1.0);
    }
}
