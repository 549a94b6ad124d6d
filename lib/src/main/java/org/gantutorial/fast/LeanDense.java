package org.gantutorial.fast;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
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
 * The fast twin of DL4J's {@link DenseLayer} (same parameters, same arithmetic) with a lean training path, for the
 * 1D GAN, whose 64 x 64 layers cost far less to compute than ND4J's calls cost to set up. DL4J's
 * own layer runs its forward pass again in every backward pass, multiplies into a scratch array
 * and copies it across, and adds the bias with a broadcast that costs more than the product. This
 * layer keeps its pre-activation for the backward pass and does its products, bias included, as
 * BLAS calls ({@link AffineProducts}).
 */
public class LeanDense extends DenseLayer {

    /** The same layer as {@code stock}, running the lean way. */
    LeanDense(DenseLayer stock) {
        if (!runs(stock)) {
            throw new IllegalArgumentException("LeanDense runs plain dense layers; keep layers with layer norm, "
                    + "dropout or weight noise as a DenseLayer.");
        }
        ConfigurationCopy.into(this, stock);
    }

    /** Plain dense layers: no layer norm, dropout or weight noise, which the lean path leaves out. */
    static boolean runs(DenseLayer stock) {
        return stock.getClass() == DenseLayer.class && !stock.hasLayerNorm() && stock.getIDropout() == null
                && stock.getWeightNoise() == null;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return RunningLayers.wire(new Running(conf, networkDataType), conf, trainingListeners, layerIndex, layerParamsView,
                initializeParams, initializer());
    }

    /** The running layer. A training forward pass keeps its pre-activation, which the backward pass that follows uses. */
    static final class Running extends org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer implements Freezable {
        private final ForwardCopy preActivationCopy = new ForwardCopy();
        private final AffineProducts products = new AffineProducts();
        private boolean frozen;

        Running(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public void setFrozen(boolean frozen) {
            this.frozen = frozen;
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(false);
            INDArray x = input.castTo(dataType);
            INDArray weights = getParam(WEIGHT_KEY);
            if (x.rank() != 2 || x.size(1) != weights.size(0)) {
                throw new IllegalArgumentException("Layer " + getIndex() + " takes rows of " + weights.size(0)
                        + " values, not an array of shape " + java.util.Arrays.toString(x.shape()));
            }
            INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, x.size(0), weights.size(1));
            products.forward(x, weights, hasBias() ? getParam(BIAS_KEY) : null, z);
            if (training) {
                preActivationCopy.keep(z, input);
            } else {
                preActivationCopy.forget();
            }
            return layerConf().getActivationFn().getActivation(z, training);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            INDArray z = preActivationCopy.madeFor(input);
            if (z == null) {
                activate(true, workspaceMgr);
                z = preActivationCopy.madeFor(input);
            }
            // The activation's backward pass may write over the kept array.
            preActivationCopy.forget();
            INDArray delta = layerConf().getActivationFn().backprop(z, epsilon).getFirst();
            if (maskArray != null) {
                applyMask(delta);
            }
            INDArray weights = getParam(WEIGHT_KEY);
            INDArray epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                    delta.size(0), weights.size(0));
            INDArray biasGradient = hasBias() && !frozen ? gradientViews.get(BIAS_KEY) : null;
            INDArray weightGradient = frozen ? null : gradientViews.get(WEIGHT_KEY);
            products.backward(input.castTo(dataType), delta, weights, weightGradient, biasGradient, epsilonNext);
            Gradient gradient = new DefaultGradient();
            if (biasGradient != null) {
                gradient.gradientForVariable().put(BIAS_KEY, biasGradient);
            }
            if (weightGradient != null) {
                gradient.gradientForVariable().put(WEIGHT_KEY, weightGradient);
            }
            weightNoiseParams.clear();
            return new Pair<>(gradient, epsilonNext);
        }
    }
}
