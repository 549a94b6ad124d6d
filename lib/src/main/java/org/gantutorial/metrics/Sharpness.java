package org.gantutorial.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How much fine detail slices hold: the variance of their Laplacian (each pixel minus the mean of
 * its four neighbours), a standard focus measure. Blur lowers it, edges and texture raise it, and so
 * does noise: it says how much detail there is, not whether the detail is right. Compared with the
 * true slices, 1 means "as much fine detail as the truth"; a restoration far below 1 looks blurred.
 */
public final class Sharpness {
    private Sharpness() {
    }

    /** The variance of the Laplacian of each slice ([N, 1, S, S]), over the pixels with four neighbours. */
    public static double[] perSlice(INDArray images) {
        float[][] pixels = Slices.pixels(images);
        int side = (int) images.size(3);
        double[] result = new double[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            double sum = 0;
            double squares = 0;
            int count = 0;
            for (int y = 1; y < side - 1; y++) {
                for (int x = 1; x < side - 1; x++) {
                    float[] p = pixels[i];
                    double laplacian = p[y * side + x] - (p[(y - 1) * side + x] + p[(y + 1) * side + x] + p[y * side + x - 1] + p[y * side + x + 1]) / 4;
                    sum += laplacian;
                    squares += laplacian * laplacian;
                    count++;
                }
            }
            result[i] = squares / count - (sum / count) * (sum / count);
        }
        return result;
    }

    /** The mean Laplacian variance of {@code images} as a share of that of {@code truth}: 1 is as sharp as the truth. */
    public static double relative(INDArray images, INDArray truth) {
        return Slices.mean(perSlice(images)) / Slices.mean(perSlice(truth));
    }
}
