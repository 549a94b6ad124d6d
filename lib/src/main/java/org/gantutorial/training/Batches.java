package org.gantutorial.training;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Small batch operations the training loops use. */
public final class Batches {
    private Batches() {
    }

    /** The first {@code rows} examples of {@code batch} (a view, not a copy). */
    public static INDArray first(long rows, INDArray batch) {
        if (rows < 1 || rows > batch.size(0)) {
            throw new IllegalArgumentException("cannot take the first " + rows + " of a batch of " + batch.size(0));
        }
        return batch.get(NDArrayIndex.interval(0, rows));
    }
}
