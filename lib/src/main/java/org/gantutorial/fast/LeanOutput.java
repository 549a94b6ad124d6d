package org.gantutorial.fast;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

import static org.deeplearning4j.nn.params.DefaultParamInitializer.BIAS_KEY;
import static org.deeplearning4j.nn.params.DefaultParamInitializer.WEIGHT_KEY;

/**
 * The fast twin of DL4J's {@link OutputLayer} (same parameters, loss and arithmetic) whose products,
 * bias included, are BLAS calls ({@link AffineProducts}). DL4J works out the output layer's forward
 * pass three times per training call (forward, backward, score), each time through ND4J's matmul op,
 * a copy and a broadcast; here each of those passes is two BLAS calls. A binary cross-entropy loss
 * becomes {@link FastBinaryCrossEntropy}, the same loss worked out in Java.
 */
public class LeanOutput extends OutputLayer {

    /** The same layer as {@code stock}, running the lean way. */
    LeanOutput(OutputLayer stock) {
        if (!runs(stock)) {
            throw new IllegalArgumentException("LeanOutput runs output layers without dropout or weight noise; "
                    + "keep those as an OutputLayer.");
        }
        ConfigurationCopy.into(this, stock);
        setLossFn(FastBinaryCrossEntropy.inPlaceOf(stock.getLossFn()));
    }

    /** Output layers without dropout or weight noise, which the lean path leaves out. */
    static boolean runs(OutputLayer stock) {
        return stock.getClass() == OutputLayer.class && stock.getIDropout() == null && stock.getWeightNoise() == null;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return RunningLayers.wire(new Running(conf, networkDataType), conf, trainingListeners, layerIndex, layerParamsView,
                initializeParams, initializer());
    }

    /** The running layer: DL4J's output layer with its products replaced, keeping its outputs from each backward pass. */
    static final class Running extends org.deeplearning4j.nn.layers.OutputLayer implements Freezable, KeepsOutputs {
        private final AffineProducts products = new AffineProducts();
        private boolean frozen;
        private double[] outputs = new double[0];

        Running(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public void setFrozen(boolean frozen) {
            this.frozen = frozen;
        }

        @Override
        public double[] latestOutputs() {
            return outputs;
        }

        @Override
        protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
                                                                LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(forBackprop);
            INDArray x = input.castTo(dataType);
            INDArray weights = getParam(WEIGHT_KEY);
            if (x.rank() != 2 || x.size(1) != weights.size(0)) {
                throw new IllegalArgumentException("Output layer " + getIndex() + " takes rows of " + weights.size(0)
                        + " values, not an array of shape " + java.util.Arrays.toString(x.shape()));
            }
            INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, x.size(0), weights.size(1));
            products.forward(x, weights, hasBias() ? getParam(BIAS_KEY) : null, z);
            if (maskArray != null) {
                applyMask(z);
            }
            return new Pair<>(z, z);
        }

        /** DL4J's output-layer backward pass (BaseOutputLayer's), with the products as BLAS calls. */
        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            INDArray preOutput = preOutput2d(true, workspaceMgr);
            outputs = FastBinaryCrossEntropy.activations(preOutput, layerConf().getActivationFn());
            INDArray delta = layerConf().getLossFn().computeGradient(getLabels2d(workspaceMgr, ArrayType.BP_WORKING_MEM),
                    preOutput, layerConf().getActivationFn(), maskArray);
            INDArray weights = getParam(WEIGHT_KEY);
            INDArray weightGradient = frozen ? null : gradientViews.get(WEIGHT_KEY);
            INDArray biasGradient = hasBias() && !frozen ? gradientViews.get(BIAS_KEY) : null;
            INDArray epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                    delta.size(0), weights.size(0));
            products.backward(input.castTo(dataType), delta, weights, weightGradient, biasGradient, epsilonNext);
            Gradient gradient = new DefaultGradient();
            if (weightGradient != null) {
                gradient.gradientForVariable().put(WEIGHT_KEY, weightGradient);
            }
            if (biasGradient != null) {
                gradient.gradientForVariable().put(BIAS_KEY, biasGradient);
            }
            return new Pair<>(gradient, epsilonNext);
        }
    }
}
