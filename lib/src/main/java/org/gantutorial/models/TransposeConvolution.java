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
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
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
        var layer = new KeepingLayer(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    /** The running layer: a training forward pass copies its pre-activation, which one backward pass then uses. */
    static final class KeepingLayer extends Deconvolution2DLayer {
        private INDArray kept;
        /** The input the kept pre-activation belongs to: a later forward pass sets a new one. */
        private INDArray keptFor;

        KeepingLayer(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(false);
            applyDropOutIfNecessary(training, workspaceMgr);
            INDArray preActivation = preOutput(training, false, workspaceMgr).getFirst();
            keptFor = null;
            if (training) {
                keep(preActivation);
            }
            return layerConf().getActivationFn().getActivation(preActivation, training);
        }

        @Override
        protected Pair<INDArray, INDArray> preOutput4d(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
            if (forBackprop && keptFor == input) {
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
                keptFor = null;
            }
        }

        /** A copy outside DL4J's workspaces, whose memory the next layers reuse; the buffer is reused while the shape stays. */
        private void keep(INDArray preActivation) {
            if (kept == null || !Arrays.equals(kept.shape(), preActivation.shape())) {
                kept = Nd4j.createUninitializedDetached(preActivation.dataType(), preActivation.shape());
            }
            kept.assign(preActivation);
            keptFor = input;
        }
    }
}
