package org.gantutorial.metrics;

import org.gantutorial.HeadPhantoms;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PSNR, SSIM, sharpness and invented structure give the textbook values on slices whose answer is known. */
class ImageQualityTest {
    private final INDArray truth = HeadPhantoms.generate(8, 32, 3);

    private static INDArray constant(double value) {
        return Nd4j.valueArrayOf(new long[] {1, 1, 32, 32}, value, DataType.FLOAT);
    }

    /** The phantoms blurred by a 3x3 box: fine detail gone, coarse structure kept. */
    private INDArray blurred() {
        int n = (int) truth.size(0);
        float[][] in = truth.reshape(n, 32 * 32).toFloatMatrix();
        float[] out = new float[n * 32 * 32];
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    float sum = 0;
                    int count = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            if (y + dy >= 0 && y + dy < 32 && x + dx >= 0 && x + dx < 32) {
                                sum += in[i][(y + dy) * 32 + x + dx];
                                count++;
                            }
                        }
                    }
                    out[i * 1024 + y * 32 + x] = sum / count;
                }
            }
        }
        return Nd4j.create(out, truth.shape(), 'c');
    }

    @Test
    void psnrIsTenLogOfRangeSquaredOverTheMeanSquaredError() {
        // Everywhere 0.2 off: MSE 0.04, range 2: 10 log10(4 / 0.04) = 20 dB.
        assertEquals(20, Psnr.mean(constant(0.3), constant(0.1)), 1e-4);
        assertEquals(26.0206, Psnr.mean(constant(0.1), constant(0.0)), 1e-3, "half the error: 6 dB more");
        assertTrue(Psnr.mean(truth, truth) > 100, "identical slices");
        var error = assertThrows(IllegalArgumentException.class, () -> Psnr.mean(truth, constant(0)));
        assertTrue(error.getMessage().contains("slice i of one to slice i of the other"), error.getMessage());
    }

    @Test
    void ssimIsOneForIdenticalSlicesAndFollowsTheFormulaForFlatOnes() {
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1}, Ssim.perSlice(truth, truth), 1e-6);
        // Two flat slices at a and b: no contrast, so SSIM is the luminance term (2ab + C1) / (a² + b² + C1).
        double a = 0.5;
        double b = -0.25;
        double c1 = Math.pow(0.01 * 2, 2);
        assertEquals((2 * a * b + c1) / (a * a + b * b + c1), Ssim.mean(constant(a), constant(b)), 1e-5);
        double blurred = Ssim.mean(blurred(), truth);
        assertTrue(blurred > 0.3 && blurred < 0.99, "a blurred slice is similar, not identical: " + blurred);
        assertEquals(Ssim.mean(blurred(), truth), Ssim.mean(truth, blurred()), 1e-9, "SSIM is symmetric");
    }

    @Test
    void ssimMatchesScikitImage() {
        float[] a = new float[32 * 32];
        float[] b = new float[32 * 32];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                a[y * 32 + x] = (float) (0.8 * Math.sin(0.3 * x) * Math.cos(0.2 * y));
                b[y * 32 + x] = (float) (0.6 * a[y * 32 + x] + 0.1 * Math.cos(0.5 * x + 0.7 * y));
            }
        }
        // skimage.metrics.structural_similarity(a, b, gaussian_weights=True, sigma=1.5,
        //     use_sample_covariance=False, data_range=2.0) with scikit-image 0.26.0 on the same float32 values.
        double reference = 0.5912329282018081;
        assertEquals(reference, Ssim.mean(Nd4j.create(a, new long[] {1, 1, 32, 32}, 'c'), Nd4j.create(b, new long[] {1, 1, 32, 32}, 'c')), 1e-6);
    }

    @Test
    void blurLowersSharpnessAndNoiseRaisesIt() {
        assertEquals(1, Sharpness.relative(truth, truth), 1e-9);
        assertTrue(Sharpness.relative(blurred(), truth) < 0.5, "blur: " + Sharpness.relative(blurred(), truth));
        INDArray noisy = truth.add(Nd4j.randn(7, truth.shape()).castTo(DataType.FLOAT).muli(0.2));
        assertTrue(Sharpness.relative(noisy, truth) > 2, "noise counts as detail: " + Sharpness.relative(noisy, truth));
        assertEquals(0, Sharpness.perSlice(constant(0.4))[0], 1e-12, "a flat slice has none");
    }

    @Test
    void inventedStructureIsWhatTheOutputHasAndNeitherInputNorTruthHas() {
        INDArray input = blurred();
        INDArray output = truth.dup();                      // a perfect restoration: nothing invented
        assertEquals(0, InventedStructure.share(InventedStructure.mask(output, input, truth, 0.2)));
        assertEquals(0, InventedStructure.share(InventedStructure.mask(input, input, truth, 0.2)),
                "keeping the input's blur is missing detail, not invention");
        // A bright 3x3 spot drawn into slice 2, where neither the blurred input nor the truth has one.
        for (int y = 10; y < 13; y++) {
            for (int x = 20; x < 23; x++) {
                output.putScalar(new long[] {2, 0, y, x}, Math.min(1, Math.max(truth.getDouble(2, 0, y, x), input.getDouble(2, 0, y, x)) + 0.6));
            }
        }
        INDArray mask = InventedStructure.mask(output, input, truth, 0.2);
        assertEquals(9, mask.sumNumber().intValue(), "exactly the spot");
        assertEquals(1, mask.getDouble(2, 0, 11, 21));
        double[] shares = InventedStructure.perSlice(mask);
        assertEquals(9 / 1024.0, shares[2], 1e-9);
        assertEquals(0, shares[1]);
        var quality = ImageQuality.of(output, input, truth, 0.2, 5);
        assertEquals(9 / (8 * 1024.0), quality.invented(), 1e-9);
        assertTrue(quality.toString().contains("invented 0.1%"), quality.toString());
        assertEquals(0, ImageQuality.of(output, input, truth, 0.2, 10).invented(), "a 9-pixel spot is not a region of 10");
    }

    @Test
    void structuresAreTouchingMarkedRegionsOfAtLeastTheSmallestSize() {
        INDArray mask = Nd4j.zeros(DataType.FLOAT, 1, 1, 8, 8);
        // A diagonal of four pixels (one region, diagonals touch), two lone pixels.
        for (int i = 0; i < 4; i++) {
            mask.putScalar(new long[] {0, 0, i, i}, 1);
        }
        mask.putScalar(new long[] {0, 0, 7, 0}, 1);
        mask.putScalar(new long[] {0, 0, 0, 7}, 1);
        assertEquals(4, InventedStructure.structures(mask, 4).sumNumber().intValue());
        assertEquals(0, InventedStructure.structures(mask, 5).sumNumber().intValue());
        assertEquals(6, InventedStructure.structures(mask, 1).sumNumber().intValue());
    }

    @Test
    void headAreaCountsPixelsAboveTheLoadersHeadLevel() {
        INDArray slice = Nd4j.valueArrayOf(new long[] {1, 1, 32, 32}, -1.0, DataType.FLOAT);
        for (int x = 0; x < 256; x++) {
            slice.putScalar(new long[] {0, 0, x / 32, x % 32}, 0.2);
        }
        assertEquals(0.25, HeadArea.perSlice(slice)[0], 1e-9);
        assertEquals(3, HeadArea.percentile(new double[] {5, 1, 3, 2, 4}, 50));
        assertEquals(5, HeadArea.percentile(new double[] {5, 1, 3, 2, 4}, 100));
    }
}
