package org.gantutorial.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where a restoration shows something that neither its input nor the truth has: pixels at which
 * the output differs from the true slice <em>and</em> from the degraded slice it was made from, each
 * by more than a threshold. A restoration that only sharpens what the input hints at stays close to
 * the truth there; one that leaves the input's blur stays close to the input. What is left is drawn
 * by the network itself: an edge, a spot, a fold of cortex that is not in the patient.
 * <p>
 * A thresholded difference, nothing more: it cannot say whether an invented structure would
 * mislead a reader (a dark spot in white matter would; a slightly moved sulcus might not).
 */
public final class InventedStructure {
    private InventedStructure() {
    }

    /**
     * 1 where {@code output} differs from both {@code truth} and {@code input} by more than
     * {@code threshold} (on the [-1, 1] scale, whose range is 2), 0 elsewhere: [N, 1, S, S].
     */
    public static INDArray mask(INDArray output, INDArray input, INDArray truth, double threshold) {
        float[][][] fromTruth = Slices.paired(output, truth);
        float[][] in = Slices.paired(input, truth)[0];
        float[][] out = fromTruth[0];
        float[][] real = fromTruth[1];
        float[] mask = new float[out.length * out[0].length];
        for (int i = 0; i < out.length; i++) {
            for (int p = 0; p < out[i].length; p++) {
                boolean invented = Math.abs(out[i][p] - real[i][p]) > threshold && Math.abs(out[i][p] - in[i][p]) > threshold;
                mask[i * out[i].length + p] = invented ? 1 : 0;
            }
        }
        return Nd4j.create(mask, output.shape(), 'c');
    }

    /**
     * The marked regions of {@code mask} of at least {@code smallest} pixels (touching pixels, diagonals
     * included, form one region): structures, not the scattered single pixels where any two pictures
     * of the same slice differ a little.
     */
    public static INDArray structures(INDArray mask, int smallest) {
        int side = (int) mask.size(3);
        float[][] marked = Slices.pixels(mask);
        float[] kept = new float[marked.length * side * side];
        int[] stack = new int[side * side];
        for (int i = 0; i < marked.length; i++) {
            boolean[] seen = new boolean[side * side];
            for (int start = 0; start < side * side; start++) {
                if (marked[i][start] < 0.5f || seen[start]) {
                    continue;
                }
                // Collect the region around start, then keep it when it is large enough.
                int size = 0;
                stack[size++] = start;
                seen[start] = true;
                for (int next = 0; next < size; next++) {
                    int y = stack[next] / side;
                    int x = stack[next] % side;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int ny = y + dy;
                            int nx = x + dx;
                            int p = ny * side + nx;
                            if (ny >= 0 && ny < side && nx >= 0 && nx < side && !seen[p] && marked[i][p] >= 0.5f) {
                                seen[p] = true;
                                stack[size++] = p;
                            }
                        }
                    }
                }
                for (int k = 0; size >= smallest && k < size; k++) {
                    kept[i * side * side + stack[k]] = 1;
                }
            }
        }
        return Nd4j.create(kept, mask.shape(), 'c');
    }

    /** The share of each slice's pixels that {@code mask} marks. */
    public static double[] perSlice(INDArray mask) {
        return mask.reshape(mask.size(0), mask.size(2) * mask.size(3)).mean(1).toDoubleVector();
    }

    /** The share of all pixels that {@code mask} marks. */
    public static double share(INDArray mask) {
        return mask.meanNumber().doubleValue();
    }
}
