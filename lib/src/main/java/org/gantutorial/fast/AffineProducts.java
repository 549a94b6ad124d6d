package org.gantutorial.fast;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The arithmetic of a dense layer, z = x W + b, and its backward pass, each as BLAS calls
 * ({@link MatrixProducts}): the bias goes in as a column of ones times the bias row, and the
 * bias gradient comes out as that column's transpose times the error. Two BLAS calls cost a few
 * microseconds where ND4J's broadcast add and column sum cost tens. One per layer: it keeps a
 * column of ones for each batch length it meets (D sees two) and the bias vectors' 1 x n views,
 * because creating ND4J arrays, even views, costs as much as these products.
 */
final class AffineProducts {
    private final Map<Long, INDArray> ones = new HashMap<>();
    private final Map<INDArray, INDArray> rows = new IdentityHashMap<>();

    /** z = x W (+ b when {@code bias} is not null), written into {@code z}. */
    void forward(INDArray x, INDArray weights, INDArray bias, INDArray z) {
        if (bias != null) {
            MatrixProducts.multiply(ones(x.size(0), z.dataType()), false, row(bias), false, z, 0);
            MatrixProducts.multiply(x, false, weights, false, z, 1);
        } else {
            MatrixProducts.multiply(x, false, weights, false, z, 0);
        }
    }

    /**
     * From the error {@code delta} at z: the weight gradient (x^T delta) and the bias gradient (the
     * column sums of delta, skipped when {@code biasGradient} is null) into their arrays, and the
     * error at the input (delta W^T) into {@code errorAtInput}. A frozen layer passes null for both
     * gradients and gets only the error at its input.
     */
    void backward(INDArray x, INDArray delta, INDArray weights, INDArray weightGradient, INDArray biasGradient,
                  INDArray errorAtInput) {
        if (biasGradient != null) {
            MatrixProducts.multiply(ones(delta.size(0), delta.dataType()), true, delta, false, row(biasGradient), 0);
        }
        if (weightGradient != null) {
            MatrixProducts.multiply(x, true, delta, false, weightGradient, 0);
        }
        MatrixProducts.multiply(delta, false, weights, true, errorAtInput, 0);
    }

    /**
     * DL4J keeps the bias and its gradient as vectors (views into the network's parameter and gradient
     * arrays, the same objects from step to step); the products need them as 1 x n matrices.
     */
    private INDArray row(INDArray vector) {
        if (vector.rank() == 2) {
            return vector;
        }
        if (rows.size() > 8) {
            rows.clear();   // the network was given new parameter arrays
        }
        return rows.computeIfAbsent(vector, v -> v.reshape(1, v.length()));
    }

    private INDArray ones(long length, DataType type) {
        INDArray column = ones.get(length);
        if (column == null || column.dataType() != type) {
            column = Nd4j.createUninitializedDetached(type, length, 1).assign(1);
            ones.put(length, column);
        }
        return column;
    }
}
