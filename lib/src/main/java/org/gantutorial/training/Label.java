package org.gantutorial.training;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the discriminator is told a batch is: {@link #REAL} (1) or {@link #FAKE} (0). Other values
 * are for experiments such as label smoothing ({@code new Label(0.9)} for real batches); a label of
 * one half or more means "this batch is real".
 */
public record Label(double value) {
    public static final Label REAL = new Label(1);
    public static final Label FAKE = new Label(0);

    public Label {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("A label is a probability of being real, from 0 to 1, not " + value);
        }
    }

    /** Whether D is told the batch is real. */
    public boolean isReal() {
        return value >= 0.5;
    }

    /** The label as D's loss needs it: one column, one row per example. */
    INDArray column(long rows) {
        return Nd4j.valueArrayOf(new long[] {rows, 1}, value, Nd4j.defaultFloatingPointType());
    }
}
