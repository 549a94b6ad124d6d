package org.gantutorial.fast;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * The fast twin of D's loss, DL4J's {@link LossBinaryXENT} (binary cross-entropy), with the same
 * clipping and weights.
 * <p>
 * For D's one sigmoid output (and a patch D's sigmoid per position) the loss and its gradient are worked out here,
 * on the batch's few dozen numbers, with {@link LossBinaryXENT}'s own formulas and clipping: its
 * code makes about a dozen ND4J calls per pass, each costing more than the arithmetic, and those
 * calls were a tenth of a 1D GAN iteration. Other activations, masks, weights and double precision take its code.
 */
public final class FastBinaryCrossEntropy extends LossBinaryXENT {

    private FastBinaryCrossEntropy(LossBinaryXENT stock) {
        super(stock.getClipEps(), stock.getWeights());
    }

    /** The fast twin of {@code stock} when it is DL4J's binary cross-entropy, else {@code stock} itself. */
    static ILossFunction inPlaceOf(ILossFunction stock) {
        return stock != null && stock.getClass() == LossBinaryXENT.class ? new FastBinaryCrossEntropy((LossBinaryXENT) stock) : stock;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        if (!oneSigmoidOutput(labels, preOutput, activationFn, mask)) {
            return super.computeGradient(labels, preOutput, activationFn, mask);
        }
        double[] z = preOutput.toDoubleVector();
        double[] y = labels.toDoubleVector();
        double[] gradient = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            float p = sigmoid(z[i]);
            float clipped = clip(p);
            // dL/dp with p clipped, times the sigmoid's derivative at the unclipped p, as LossBinaryXENT does.
            gradient[i] = (clipped - y[i]) / (clipped * (1f - clipped)) * (p * (1f - p));
        }
        return Nd4j.create(gradient, preOutput.shape(), preOutput.dataType());
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        if (!oneSigmoidOutput(labels, preOutput, activationFn, mask)) {
            return super.computeScore(labels, preOutput, activationFn, mask, average);
        }
        double[] z = preOutput.toDoubleVector();
        double[] y = labels.toDoubleVector();
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            float p = clip(sigmoid(z[i]));
            sum += y[i] * Math.log(p) + (1 - y[i]) * Math.log(1f - p);
        }
        return average ? -sum / z.length : -sum;
    }

    /** {@code activation} of {@code preOutput}, one value per element: for a sigmoid in Java as below, on a few dozen numbers. */
    static double[] activations(INDArray preOutput, IActivation activation) {
        if (!(activation instanceof ActivationSigmoid) || preOutput.dataType() != DataType.FLOAT) {
            INDArray output = activation.getActivation(preOutput.dup(), false);
            return output.reshape(output.length()).toDoubleVector();
        }
        double[] z = preOutput.reshape(preOutput.length()).toDoubleVector();
        for (int i = 0; i < z.length; i++) {
            z[i] = sigmoid(z[i]);
        }
        return z;
    }

    /** The case worked out here: a column of sigmoid outputs in float (as the arithmetic below), no mask, no weights. */
    private boolean oneSigmoidOutput(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return activationFn instanceof ActivationSigmoid && mask == null && getWeights() == null && preOutput.dataType() == DataType.FLOAT
                && preOutput.rank() == 2 && preOutput.size(1) == 1 && labels.equalShapes(preOutput);
    }

    /*
     * In float, as ND4J works: near the clipping bounds 1 - p is a few float steps, and computing
     * it in double would move a saturated example's loss by a part in a thousand.
     */
    private static float sigmoid(double z) {
        return (float) (1 / (1 + Math.exp(-z)));
    }

    private float clip(float p) {
        double eps = getClipEps();
        return eps > 0 ? Math.min(Math.max(p, (float) eps), (float) (1 - eps)) : p;
    }
}
