package org.gantutorial.models;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arithmetic of a dense layer, z = x W + b, and its backward pass, each as BLAS calls
 * ({@link MatrixProducts}): the bias goes in as a column of ones times the bias row, and the
 * bias gradient comes out as that column's transpose times the error. Two BLAS calls cost a few
 * microseconds where ND4J's broadcast add and column sum cost tens. Holds the column of ones,
 * kept at the batch's length; one per layer.
 */
final class AffineProducts {
    private INDArray ones;

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
     * error at the input (delta W^T) into {@code errorAtInput}.
     */
    void backward(INDArray x, INDArray delta, INDArray weights, INDArray weightGradient, INDArray biasGradient,
                  INDArray errorAtInput) {
        if (biasGradient != null) {
            MatrixProducts.multiply(ones(delta.size(0), delta.dataType()), true, delta, false, row(biasGradient), 0);
        }
        MatrixProducts.multiply(x, true, delta, false, weightGradient, 0);
        MatrixProducts.multiply(delta, false, weights, true, errorAtInput, 0);
    }

    /** DL4J keeps the bias as a vector; the products need it as a 1 x n matrix (a view of the same values). */
    private static INDArray row(INDArray vector) {
        return vector.rank() == 2 ? vector : vector.reshape(1, vector.length());
    }

    private INDArray ones(long rows, DataType type) {
        if (ones == null || ones.size(0) != rows || ones.dataType() != type) {
            ones = Nd4j.createUninitializedDetached(type, rows, 1).assign(1);
        }
        return ones;
    }
}
