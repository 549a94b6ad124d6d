package org.gantutorial.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Sliced Wasserstein distance between two sets of slices, after Karras et al. 2018
 * ("Progressive Growing of GANs", section 5): each slice is split into a Laplacian pyramid
 * (fine detail at full size, coarser structure at half and quarter size, down to 16x16); from
 * every level we take random 7x7 neighbourhoods, normalise them, project them on random
 * directions and compare the sorted projections of the two sets. Small means the two sets have
 * the same kinds of local texture and structure at every scale; it does not look at whole-slice
 * anatomy and cannot tell whether a structure is plausible medicine.
 * <p>
 * Values are reported multiplied by 1000, as in the paper. The same seed gives the same
 * neighbourhoods and directions, so values from one run are comparable over training.
 */
public final class SlicedWasserstein {
    private static final int NEIGHBOURHOOD = 7;
    private static final int SMALLEST_LEVEL = 16;
    private static final int PER_IMAGE = 64;
    private static final int DIRECTIONS = 128;
    private static final int REPEATS = 2;
    private static final float[] BINOMIAL = {1 / 16f, 4 / 16f, 6 / 16f, 4 / 16f, 1 / 16f};

    private SlicedWasserstein() {
    }

    /** Mean distance over the pyramid levels (x1000) between {@code a} and {@code b}, both [N, 1, S, S]. */
    public static double distance(INDArray a, INDArray b, long seed) {
        double[] levels = perLevel(a, b, seed);
        return Arrays.stream(levels).average().orElseThrow();
    }

    /** Distance (x1000) per pyramid level, finest first. */
    public static double[] perLevel(INDArray a, INDArray b, long seed) {
        int count = (int) Math.min(a.size(0), b.size(0));
        float[][][] pyramidA = pyramids(a, count);
        float[][][] pyramidB = pyramids(b, count);
        int size = (int) a.size(3);
        int levels = pyramidA[0].length;
        double[] result = new double[levels];
        for (int level = 0; level < levels; level++) {
            int side = size >> level;
            var random = new Random(seed + level);
            float[][] descriptorsA = descriptors(pyramidA, level, side, new Random(seed + 1000 + level));
            float[][] descriptorsB = descriptors(pyramidB, level, side, new Random(seed + 1000 + level));
            result[level] = 1000 * sliced(descriptorsA, descriptorsB, random);
        }
        return result;
    }

    /** Laplacian pyramid of each of the first {@code count} images: [image][level][pixels]. */
    private static float[][][] pyramids(INDArray images, int count) {
        int size = (int) images.size(3);
        if (size < SMALLEST_LEVEL) {
            throw new IllegalArgumentException("SWD needs slices of at least " + SMALLEST_LEVEL + " pixels, not " + size);
        }
        int levels = Integer.numberOfTrailingZeros(size / SMALLEST_LEVEL) + 1;
        float[][] flat = images.reshape(images.size(0), (long) size * size).toFloatMatrix();
        float[][][] result = new float[count][levels][];
        for (int i = 0; i < count; i++) {
            float[] gaussian = flat[i];
            int side = size;
            for (int level = 0; level < levels - 1; level++) {
                float[] smaller = downsample(blur(gaussian, side), side);
                float[] up = blur(upsample(smaller, side / 2), side);
                float[] laplacian = new float[gaussian.length];
                for (int p = 0; p < laplacian.length; p++) {
                    laplacian[p] = gaussian[p] - 4 * up[p];
                }
                result[i][level] = laplacian;
                gaussian = smaller;
                side /= 2;
            }
            result[i][levels - 1] = gaussian;
        }
        return result;
    }

    /** Random 7x7 neighbourhoods from one level of every image, normalised to mean 0, deviation 1. */
    private static float[][] descriptors(float[][][] pyramids, int level, int side, Random random) {
        int per = PER_IMAGE;
        float[][] result = new float[pyramids.length * per][NEIGHBOURHOOD * NEIGHBOURHOOD];
        double sum = 0;
        double sumSquares = 0;
        int row = 0;
        for (float[][] pyramid : pyramids) {
            float[] image = pyramid[level];
            for (int k = 0; k < per; k++, row++) {
                int x0 = random.nextInt(side - NEIGHBOURHOOD + 1);
                int y0 = random.nextInt(side - NEIGHBOURHOOD + 1);
                for (int dy = 0; dy < NEIGHBOURHOOD; dy++) {
                    for (int dx = 0; dx < NEIGHBOURHOOD; dx++) {
                        float v = image[(y0 + dy) * side + x0 + dx];
                        result[row][dy * NEIGHBOURHOOD + dx] = v;
                        sum += v;
                        sumSquares += (double) v * v;
                    }
                }
            }
        }
        long n = (long) result.length * NEIGHBOURHOOD * NEIGHBOURHOOD;
        double mean = sum / n;
        double deviation = Math.sqrt(Math.max(sumSquares / n - mean * mean, 1e-12));
        for (float[] descriptor : result) {
            for (int d = 0; d < descriptor.length; d++) {
                descriptor[d] = (float) ((descriptor[d] - mean) / deviation);
            }
        }
        return result;
    }

    /**
     * Mean over random unit directions of the 1D Wasserstein distance between the projections.
     * The directions are drawn in order and the per-direction distances summed in order, so the
     * result does not depend on how many cores share the work (an evaluation pauses training).
     */
    private static double sliced(float[][] a, float[][] b, Random random) {
        int dims = a[0].length;
        int count = DIRECTIONS * REPEATS;
        float[][] directions = new float[count][dims];
        float[] scales = new float[count];
        for (int d = 0; d < count; d++) {
            double norm = 0;
            for (int k = 0; k < dims; k++) {
                directions[d][k] = (float) random.nextGaussian();
                norm += directions[d][k] * directions[d][k];
            }
            scales[d] = (float) (1 / Math.sqrt(norm));
        }
        double[] distances = new double[count];
        int workers = Math.min(count, Runtime.getRuntime().availableProcessors());
        IntStream.range(0, workers).parallel().forEach(worker -> {
            float[] projectedA = new float[a.length];
            float[] projectedB = new float[b.length];
            for (int d = worker; d < count; d += workers) {
                distances[d] = distance1d(a, b, directions[d], scales[d], projectedA, projectedB);
            }
        });
        double total = 0;
        for (double distance : distances) {
            total += distance;
        }
        return total / count;
    }

    /** Mean absolute difference between the sorted projections of {@code a} and {@code b} on one direction. */
    private static double distance1d(float[][] a, float[][] b, float[] direction, float scale,
                                     float[] projectedA, float[] projectedB) {
        project(a, direction, scale, projectedA);
        project(b, direction, scale, projectedB);
        Arrays.sort(projectedA);
        Arrays.sort(projectedB);
        double sum = 0;
        for (int i = 0; i < projectedA.length; i++) {
            sum += Math.abs(projectedA[i] - projectedB[i]);
        }
        return sum / projectedA.length;
    }

    private static void project(float[][] descriptors, float[] direction, float scale, float[] into) {
        for (int i = 0; i < descriptors.length; i++) {
            float dot = 0;
            float[] descriptor = descriptors[i];
            for (int k = 0; k < direction.length; k++) {
                dot += descriptor[k] * direction[k];
            }
            into[i] = dot * scale;
        }
    }

    /** Separable 5-tap binomial blur with mirrored edges. */
    private static float[] blur(float[] image, int side) {
        float[] rows = new float[image.length];
        float[] out = new float[image.length];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float s = 0;
                for (int k = -2; k <= 2; k++) {
                    s += BINOMIAL[k + 2] * image[y * side + mirror(x + k, side)];
                }
                rows[y * side + x] = s;
            }
        }
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float s = 0;
                for (int k = -2; k <= 2; k++) {
                    s += BINOMIAL[k + 2] * rows[mirror(y + k, side) * side + x];
                }
                out[y * side + x] = s;
            }
        }
        return out;
    }

    private static float[] downsample(float[] image, int side) {
        int half = side / 2;
        float[] out = new float[half * half];
        for (int y = 0; y < half; y++) {
            for (int x = 0; x < half; x++) {
                out[y * half + x] = image[2 * y * side + 2 * x];
            }
        }
        return out;
    }

    /** Zeros between the pixels; the blur that follows (times 4) interpolates them. */
    private static float[] upsample(float[] image, int side) {
        int twice = side * 2;
        float[] out = new float[twice * twice];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                out[2 * y * twice + 2 * x] = image[y * side + x];
            }
        }
        return out;
    }

    private static int mirror(int i, int side) {
        if (i < 0) {
            return -i;
        }
        return i >= side ? 2 * side - 2 - i : i;
    }
}
