package org.gantutorial.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Does the generator copy its training slices? For every generated slice we find the nearest
 * training slice (root-mean-square pixel difference) and compare that distance with how close
 * real training slices are to their own nearest neighbour. A generated slice closer to a
 * training slice than 99% of training slices are to theirs counts as a near-copy.
 * <p>
 * It catches copies of whole slices, not copied patches or copies shifted by a few pixels,
 * and a slice that is far from every training slice may still be implausible anatomy.
 *
 * @param distances      per generated slice, distance to its nearest training slice
 * @param twins          per generated slice, index of that training slice
 * @param realDistances  per sampled training slice, distance to its nearest other training slice
 * @param threshold      the 1st percentile of {@code realDistances}: below it is a near-copy
 * @param nearCopies     indices of the generated slices below the threshold, closest first
 */
public record MemorisationCheck(double[] distances, int[] twins, double[] realDistances, double threshold,
                                int[] nearCopies) {
    private static final int CHUNK = 256;

    /**
     * @param generated   [G, 1, S, S]
     * @param training    [N, 1, S, S]
     * @param realQueries how many training slices to use for the real-to-real distances
     */
    public static MemorisationCheck run(INDArray generated, INDArray training, int realQueries, long seed) {
        INDArray train = flat(training);
        INDArray trainSquares = train.mul(train).sum(1);
        var nearestGenerated = nearest(flat(generated), train, trainSquares, null);

        int n = (int) training.size(0);
        int[] queries = IntStream.range(0, n).toArray();
        shuffle(queries, new Random(seed));
        queries = Arrays.copyOf(queries, Math.min(realQueries, n));
        INDArray realRows = train.getRows(queries);
        double[] realDistances = nearest(realRows, train, trainSquares, queries).distances;

        double[] sortedReal = realDistances.clone();
        Arrays.sort(sortedReal);
        double threshold = sortedReal[(int) Math.floor(0.01 * (sortedReal.length - 1))];
        double[] distances = nearestGenerated.distances;
        int[] copies = IntStream.range(0, distances.length).filter(i -> distances[i] <= threshold).boxed()
                .sorted((i, j) -> Double.compare(distances[i], distances[j])).mapToInt(Integer::intValue).toArray();
        return new MemorisationCheck(distances, nearestGenerated.indices, realDistances, threshold, copies);
    }

    /** "K/N": near-copies among the generated slices. */
    public String summary() {
        return nearCopies.length + "/" + distances.length;
    }

    private record Nearest(double[] distances, int[] indices) {
    }

    /** Nearest row of {@code train} for each row of {@code queries}; {@code self[i]} is excluded for query i. */
    private static Nearest nearest(INDArray queries, INDArray train, INDArray trainSquares, int[] self) {
        int q = (int) queries.size(0);
        long pixels = queries.size(1);
        double[] distances = new double[q];
        int[] indices = new int[q];
        for (int start = 0; start < q; start += CHUNK) {
            int end = Math.min(q, start + CHUNK);
            INDArray rows = queries.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            // |a - b|^2 = |a|^2 + |b|^2 - 2 a.b, for the whole chunk at once
            INDArray squared = rows.mmul(train.transpose()).muli(-2)
                    .addiRowVector(trainSquares.reshape(1, trainSquares.length()))
                    .addiColumnVector(rows.mul(rows).sum(1).reshape(end - start, 1));
            float[][] table = squared.toFloatMatrix();
            for (int i = start; i < end; i++) {
                float[] row = table[i - start];
                int best = -1;
                float bestValue = Float.POSITIVE_INFINITY;
                for (int j = 0; j < row.length; j++) {
                    if ((self == null || self[i] != j) && row[j] < bestValue) {
                        bestValue = row[j];
                        best = j;
                    }
                }
                // The expanded form loses precision for near-identical slices: measure the winner directly.
                distances[i] = queries.getRow(i).distance2(train.getRow(best)) / Math.sqrt(pixels);
                indices[i] = best;
            }
        }
        return new Nearest(distances, indices);
    }

    private static INDArray flat(INDArray images) {
        return images.reshape(images.size(0), images.length() / images.size(0)).castTo(DataType.FLOAT);
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
