package org.gantutorial.training;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What a conditional GAN is asked for, attached to what its networks see. G gets the condition
 * beside its latent vector; D gets it beside the image, as extra channels: a class as one constant
 * plane per class (1 on the plane of the asked class, 0 elsewhere), an image (pix2pix's degraded
 * input) as it is. D then judges "is this a real slice <em>of this kind</em>?", and G learns to
 * draw what it was asked for.
 */
public final class Conditions {
    private Conditions() {
    }

    /** One row per entry of {@code classes}: 1 in that class's column of {@code count}, 0 elsewhere. */
    public static INDArray oneHot(int[] classes, int count) {
        INDArray rows = Nd4j.zeros(Nd4j.defaultFloatingPointType(), classes.length, count);
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 0 || classes[i] >= count) {
                throw new IllegalArgumentException("class " + classes[i] + " is not one of the " + count + " classes (0 to " + (count - 1) + ")");
            }
            rows.putScalar(i, classes[i], 1);
        }
        return rows;
    }

    /**
     * {@code batch} with {@code condition} attached, row by row: a latent batch [N, L] and a class
     * batch [N, K] side by side as [N, L + K]; an image batch [N, C, S, S] with K class planes
     * ([N, K] spread over the image) or with condition images [N, K, S, S], as [N, C + K, S, S].
     */
    public static INDArray attach(INDArray batch, INDArray condition) {
        required(condition);
        if (condition.size(0) != batch.size(0)) {
            throw new IllegalArgumentException("a batch of " + batch.size(0) + " needs one condition per row, not "
                    + condition.size(0) + "; pass the conditions of the same rows");
        }
        INDArray matching = condition.castTo(batch.dataType());
        if (batch.rank() == 2 && condition.rank() == 2) {
            return Nd4j.hstack(batch, matching);
        }
        if (batch.rank() == 4 && condition.rank() == 2) {
            long n = batch.size(0);
            long k = condition.size(1);
            matching = Nd4j.tile(matching.reshape(n, k, 1, 1), 1, 1, (int) batch.size(2), (int) batch.size(3));
        }
        if (batch.rank() != 4 || matching.rank() != 4 || matching.size(2) != batch.size(2) || matching.size(3) != batch.size(3)) {
            throw new IllegalArgumentException("cannot attach a condition of shape " + java.util.Arrays.toString(condition.shape())
                    + " to a batch of shape " + java.util.Arrays.toString(batch.shape())
                    + "; use [N, K] classes, or [N, K, S, S] images of the batch's size");
        }
        return Nd4j.concat(1, batch, matching);
    }

    /** {@code condition}, or one clear sentence: the conditional calls need one (their unconditional twins take none). */
    static INDArray required(INDArray condition) {
        if (condition == null) {
            throw new IllegalArgumentException("a conditional call needs a condition for every row; for a GAN without "
                    + "conditions, call the same method without the condition argument");
        }
        return condition;
    }

    /** The first {@code channels} channels of a gradient at D's input: the share that belongs to the image G made. */
    static INDArray imagePart(INDArray gradient, long channels) {
        return gradient.size(1) == channels ? gradient
                : gradient.get(NDArrayIndex.all(), NDArrayIndex.interval(0, channels), NDArrayIndex.all(), NDArrayIndex.all()).dup();
    }
}
