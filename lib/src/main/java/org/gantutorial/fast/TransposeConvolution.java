package org.gantutorial.fast;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.Deconvolution2DLayer;
import org.deeplearning4j.nn.params.DeconvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Collection;

/**
 * The fast twin of DL4J's {@link Deconvolution2D} (a transpose convolution) that keeps the result of
 * its forward pass for the backward pass. DL4J's own layer runs the whole transpose convolution again
 * in every backward pass just to get that result back: a seventh of the image GAN's time.
 * <p>
 * Its bias, when it has one, is added and differentiated here, outside the transpose-convolution
 * op: with a bias in the op, ND4J's oneDNN build took about five times as long for G's last layer
 * (one output channel) as without, forward and backward, about a third of an image GAN iteration.
 * It hands the ops its weights in DL4J's own layout, [in, out, kH, kW], which they accept, rather
 * than a permuted view of them.
 */
public class TransposeConvolution extends Deconvolution2D {

    /** The same layer as {@code stock}, keeping its forward pass. */
    TransposeConvolution(Deconvolution2D stock) {
        if (!runs(stock)) {
            throw new IllegalArgumentException("TransposeConvolution runs NCHW transpose convolutions with explicit padding; "
                    + "keep others as a Deconvolution2D.");
        }
        ConfigurationCopy.into(this, stock);
    }

    /** NCHW maps with explicit padding, the case it runs itself (its running layer hands others to DL4J's code anyway). */
    static boolean runs(Deconvolution2D stock) {
        return stock.getClass() == Deconvolution2D.class && stock.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && stock.getConvolutionMode() != ConvolutionMode.Same;
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
        protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
            if (!runsItself()) {
                return super.preOutput(training, forBackprop, workspaceMgr);
            }
            INDArray weights = getParamWithNoise(DeconvolutionParamInitializer.WEIGHT_KEY, training, workspaceMgr);
            int[] outSize = ConvolutionUtils.getDeconvolutionOutputSize(input, layerConf().getKernelSize(), layerConf().getStride(),
                    layerConf().getPadding(), convolutionMode, layerConf().getDilation(), CNN2DFormat.NCHW);
            INDArray output = workspaceMgr.create(ArrayType.ACTIVATIONS, input.dataType(),
                    new long[] {input.size(0), weights.size(1), outSize[0], outSize[1]}, 'c');
            Nd4j.exec(DynamicCustomOp.builder("deconv2d").addInputs(input, weights)
                    .addIntegerArguments(opArguments(weights)).addOutputs(output).build());
            if (layerConf().hasBias()) {
                BiasAndRectifier.addBias(output, getParamWithNoise(DeconvolutionParamInitializer.BIAS_KEY, training, workspaceMgr));
            }
            return new Pair<>(output, null);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            try {
                return runsItself() ? backpropItself(epsilon, workspaceMgr) : super.backpropGradient(epsilon, workspaceMgr);
            } finally {
                // The activation's backward pass may have overwritten the kept array.
                preActivationCopy.forget();
            }
        }

        /** DL4J's backward pass (Deconvolution2DLayer's) with the weights in DL4J's layout and the bias gradient summed here, not in the op. */
        private Pair<Gradient, INDArray> backpropItself(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            INDArray preActivation = preOutput4d(true, true, workspaceMgr).getFirst();
            INDArray delta = layerConf().getActivationFn().backprop(preActivation, epsilon).getFirst();
            INDArray weights = getParamWithNoise(DeconvolutionParamInitializer.WEIGHT_KEY, true, workspaceMgr);
            INDArray errorAtInput = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, weights.dataType(), input.shape(), 'c');
            INDArray weightGradient = gradientViews.get(DeconvolutionParamInitializer.WEIGHT_KEY);
            Nd4j.exec(DynamicCustomOp.builder("deconv2d_bp").addInputs(input, weights, delta)
                    .addIntegerArguments(opArguments(weights)).addOutputs(errorAtInput, weightGradient).build());
            Gradient gradient = new DefaultGradient();
            if (layerConf().hasBias()) {
                INDArray biasGradient = gradientViews.get(DeconvolutionParamInitializer.BIAS_KEY);
                ChannelValues.writeVector(biasGradient, BiasAndRectifier.biasGradient(delta));
                gradient.setGradientFor(DeconvolutionParamInitializer.BIAS_KEY, biasGradient);
            }
            gradient.setGradientFor(DeconvolutionParamInitializer.WEIGHT_KEY, weightGradient, 'c');
            weightNoiseParams.clear();
            return new Pair<>(gradient, errorAtInput);
        }

        /** The cases this layer runs itself (G's): NCHW maps, explicit padding. Others run DL4J's code. */
        private boolean runsItself() {
            return layerConf().getCnn2dDataFormat() == CNN2DFormat.NCHW
                    && convolutionMode != ConvolutionMode.Same && input != null && input.rank() == 4
                    && input.size(1) == getParam(DeconvolutionParamInitializer.WEIGHT_KEY).size(0);
        }

        /** Kernel, stride, padding, dilation, "not same mode", NCHW, weights as [in, out, kH, kW] (DL4J's layout): the op's integer arguments. */
        private int[] opArguments(INDArray weights) {
            int[] stride = layerConf().getStride();
            int[] padding = layerConf().getPadding();
            int[] dilation = layerConf().getDilation();
            return new int[] {(int) weights.size(2), (int) weights.size(3), stride[0], stride[1], padding[0], padding[1],
                    dilation[0], dilation[1], 0, 0, 1};
        }
    }
}
