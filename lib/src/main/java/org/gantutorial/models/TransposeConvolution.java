package org.gantutorial.models;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.Deconvolution2DLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * DL4J's {@link Deconvolution2D} (a transpose convolution) that keeps the result of its forward
 * pass for the backward pass. DL4J's own layer runs the whole transpose convolution again in
 * every backward pass just to get that result back: a seventh of the image GAN's time.
 * Configure it with {@link Deconvolution2D.Builder} and pass the builder here.
 */
public class TransposeConvolution extends Deconvolution2D {

    public TransposeConvolution(Deconvolution2D.Builder builder) {
        super(builder);
    }

    /** For DL4J's JSON reader, which restores networks from checkpoints. */
    private TransposeConvolution() {
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return RunningLayers.wire(new KeepingLayer(conf, networkDataType), conf, trainingListeners, layerIndex, layerParamsView,
                initializeParams, initializer());
    }

    /** The running layer: a training forward pass copies its pre-activation, which one backward pass then uses. */
    static final class KeepingLayer extends Deconvolution2DLayer {
        private final ForwardCopy preActivationCopy = new ForwardCopy();

        KeepingLayer(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(false);
            applyDropOutIfNecessary(training, workspaceMgr);
            INDArray preActivation = preOutput(training, false, workspaceMgr).getFirst();
            preActivationCopy.forget();
            if (training) {
                preActivationCopy.keep(preActivation, input);
            }
            return layerConf().getActivationFn().getActivation(preActivation, training);
        }

        @Override
        protected Pair<INDArray, INDArray> preOutput4d(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
            INDArray kept = preActivationCopy.madeFor(input);
            if (forBackprop && kept != null) {
                return new Pair<>(kept, null);
            }
            return super.preOutput4d(training, forBackprop, workspaceMgr);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            try {
                return super.backpropGradient(epsilon, workspaceMgr);
            } finally {
                // The activation's backward pass may have overwritten the kept array.
                preActivationCopy.forget();
            }
        }
    }
}
