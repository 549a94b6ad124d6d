package org.gantutorial.fast;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix products straight through BLAS (the library ND4J loaded: OpenBLAS, or MKL when chosen).
 * ND4J 1.0.0-M2.1 sends every product through its generic matmul op: for the 1D GAN's 128 x 64
 * matrices that op's set-up costs more than the arithmetic, and with a row-major result and a
 * column-major weight matrix (DL4J's layout) it falls back to a loop about ten times slower than
 * BLAS. BLAS itself takes either layout of each operand, so nothing is copied or reordered here.
 */
final class MatrixProducts {
    private MatrixProducts() {
    }

    /**
     * c = op(a) op(b) + beta c, where op transposes when asked; c keeps its own layout. Arrays that
     * are not float matrices with a contiguous row or column go to ND4J's gemm.
     */
    static void multiply(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, double beta) {
        Layout la = Layout.of(a);
        Layout lb = Layout.of(b);
        Layout lc = Layout.of(c);
        if (la == null || lb == null || lc == null || a.dataType() != DataType.FLOAT || b.dataType() != DataType.FLOAT
                || c.dataType() != DataType.FLOAT) {
            Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, beta);
            return;
        }
        // An operand stored in the other layout than c is its own transpose in c's layout.
        boolean flipA = la.rowMajor != lc.rowMajor;
        boolean flipB = lb.rowMajor != lc.rowMajor;
        int m = (int) c.size(0);
        int n = (int) c.size(1);
        int k = (int) (transposeA ? a.size(0) : a.size(1));
        int order = lc.rowMajor ? openblas_nolapack.CblasRowMajor : openblas_nolapack.CblasColMajor;
        openblas_nolapack.cblas_sgemm(order, op(transposeA ^ flipA), op(transposeB ^ flipB), m, n, k,
                1f, pointer(a), la.leading, pointer(b), lb.leading, (float) beta, pointer(c), lc.leading);
    }

    private static int op(boolean transpose) {
        return transpose ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
    }

    /** The array's first element (ND4J's buffer of a view already starts at the view). */
    private static FloatPointer pointer(INDArray array) {
        return (FloatPointer) array.data().addressPointer();
    }

    /** How a matrix lies in memory: rows or columns contiguous, and the step between them. */
    private record Layout(boolean rowMajor, int leading) {
        /** The layout BLAS can read, or null (more than two dimensions, or no unit step). */
        static Layout of(INDArray matrix) {
            if (matrix.rank() != 2 || matrix.isEmpty()) {
                return null;
            }
            long rows = matrix.size(0);
            long columns = matrix.size(1);
            // A dimension of length 1 has no meaningful stride: BLAS only needs the leading step to be large enough.
            if (columns == 1 || matrix.stride(1) == 1) {
                long leading = rows == 1 ? columns : matrix.stride(0);
                if (leading >= columns) {
                    return new Layout(true, (int) Math.max(1, leading));
                }
            }
            if (rows == 1 || matrix.stride(0) == 1) {
                long leading = columns == 1 ? rows : matrix.stride(1);
                if (leading >= rows) {
                    return new Layout(false, (int) Math.max(1, leading));
                }
            }
            return null;
        }
    }
}
