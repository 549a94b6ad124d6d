package org.gantutorial.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer's copy of one forward-pass result, for the backward pass that follows it. The copy
 * lives outside DL4J's workspaces, whose memory later layers reuse, and belongs to the input it
 * was made from: after a forward pass on another input it is no longer offered. Its buffers are
 * reused, one per shape.
 */
final class ForwardCopy {
    /** A buffer per shape: D meets two batch sizes in every iteration (half a batch, then a whole one). */
    private final Map<List<Long>, INDArray> buffers = new HashMap<>();
    private INDArray copy;
    private INDArray madeFrom;

    /** Copies {@code result}, the forward pass's result for {@code input}. */
    void keep(INDArray result, INDArray input) {
        List<Long> shape = Arrays.stream(result.shape()).boxed().toList();
        copy = buffers.get(shape);
        if (copy == null || copy.dataType() != result.dataType()) {
            copy = Nd4j.createUninitializedDetached(result.dataType(), result.shape());
            buffers.put(shape, copy);
        }
        copy.assign(result);
        madeFrom = input;
    }

    /** The copy made for {@code input}, or null when the last forward pass was on another input (or none is kept). */
    INDArray madeFor(INDArray input) {
        return madeFrom == input ? copy : null;
    }

    /** Stops offering the copy, e.g. once a backward pass has written over it. */
    void forget() {
        madeFrom = null;
    }
}
