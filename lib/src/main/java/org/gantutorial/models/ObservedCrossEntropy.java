package org.gantutorial.models;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.shade.jackson.annotation.JsonIgnore;

/**
 * D's loss, binary cross-entropy, that also keeps D's outputs from its latest gradient pass. Every
 * training call works out that gradient anyway, so the loop can report D(x), D(G(z)) and D's
 * accuracy for each batch without running D once more.
 */
public final class ObservedCrossEntropy extends LossBinaryXENT {
    @JsonIgnore
    private transient double[] lastOutputs = new double[0];

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        lastOutputs = activationFn.getActivation(preOutput.dup(), false).toDoubleVector();
        return super.computeGradient(labels, preOutput, activationFn, mask);
    }

    /** D's outputs, one per example, in the latest gradient pass. */
    public double[] lastOutputs() {
        return lastOutputs.clone();
    }
}
