package org.gantutorial.fast;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Collection;

import static org.deeplearning4j.nn.params.ConvolutionParamInitializer.BIAS_KEY;
import static org.deeplearning4j.nn.params.ConvolutionParamInitializer.WEIGHT_KEY;

/**
 * The fast twin of DL4J's {@link ConvolutionLayer} (same parameters, same arithmetic) calling ND4J's
 * convolution ops directly, for the discriminators' blocks. DL4J's own layer runs its forward pass
 * again in every backward pass (or keeps it only in a cache mode) and hands the op its weights in
 * another layout; this layer passes the weights as DL4J stores them, and adds the bias and applies
 * its activation (identity, ReLU or LeakyReLU) in one pass per channel in Java, whose derivative it
 * works out from the output it keeps for the backward pass: ND4J's LeakyReLU and its derivative were
 * a tenth of the image GAN's iteration.
 * <p>
 * It is {@link Freezable}: frozen, its backward pass is one transpose convolution of the error
 * with its weights, the error at its input and nothing more (the weight gradient is skipped).
 */
public class LeanConvolution extends ConvolutionLayer {

    /** The same layer as {@code stock}, running the lean way. */
    LeanConvolution(ConvolutionLayer stock) {
        if (!runs(stock)) {
            throw new IllegalArgumentException("LeanConvolution runs NCHW convolutions with explicit padding, no dilation, "
                    + "dropout or weight noise, and an identity, ReLU or LeakyReLU activation; keep others as a ConvolutionLayer.");
        }
        ConfigurationCopy.into(this, stock);
    }

    /** NCHW maps, explicit padding (truncate or strict mode), no dilation, dropout or weight noise, a rectifier or no activation. */
    static boolean runs(ConvolutionLayer stock) {
        return stock.getClass() == ConvolutionLayer.class && stock.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && (stock.getConvolutionMode() == ConvolutionMode.Truncate || stock.getConvolutionMode() == ConvolutionMode.Strict)
                && stock.getDilation()[0] == 1 && stock.getDilation()[1] == 1
                && stock.getIDropout() == null && stock.getWeightNoise() == null
                && BiasAndRectifier.isRectifier(stock.getActivationFn());
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return RunningLayers.wire(new Running(conf, networkDataType), conf, trainingListeners, layerIndex, layerParamsView,
                initializeParams, initializer());
    }

    /** The running layer. A training forward pass keeps its output (unless the activation is the identity). */
    static final class Running extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer implements Freezable {
        /** The ops' last integer argument: weights as [out, in, kH, kW], DL4J's layout. */
        private static final int WEIGHTS_AS_DL4J_KEEPS_THEM = 1;
        private final ForwardCopy outputCopy = new ForwardCopy();
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
            INDArray weights = getParam(WEIGHT_KEY);
            if (input.rank() != 4 || input.size(1) != weights.size(1)) {
                throw new IllegalArgumentException("Layer " + getIndex() + " takes [N, " + weights.size(1) + ", H, W] maps, not an array of shape "
                        + java.util.Arrays.toString(input.shape()));
            }
            long[] outSize = outputSize(input.size(2), input.size(3));
            INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                    new long[] {input.size(0), weights.size(0), outSize[0], outSize[1]}, 'c');
            Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(input.castTo(dataType), weights)
                    .addIntegerArguments(opArguments()).addOutputs(z).build());
            if (hasBias() || !identity()) {
                BiasAndRectifier.addBiasAndRectify(z, hasBias() ? getParam(BIAS_KEY).toDoubleVector() : null, slope());
            }
            outputCopy.forget();
            if (training && !identity()) {
                outputCopy.keep(z, input);
            }
            return z;
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            INDArray delta = epsilon;
            if (!identity()) {
                delta = outputCopy.madeFor(input);
                if (delta == null) {
                    activate(true, workspaceMgr);
                    delta = outputCopy.madeFor(input);
                }
                BiasAndRectifier.rectifierBackward(delta, epsilon, slope());
                // The kept output now holds the error at the activation's input.
                outputCopy.forget();
            }
            INDArray weights = getParam(WEIGHT_KEY);
            INDArray errorAtInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
            Gradient gradient = new DefaultGradient();
            if (frozen && transposeGivesInputSize()) {
                // The error at a convolution's input is the transpose convolution of the error at its output with the same weights.
                Nd4j.exec(DynamicCustomOp.builder("deconv2d").addInputs(delta, weights)
                        .addIntegerArguments(opArguments()).addOutputs(errorAtInput).build());
                return new Pair<>(gradient, errorAtInput);
            }
            INDArray weightGradient = gradientViews.get(WEIGHT_KEY);
            Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(input.castTo(dataType), weights, delta)
                    .addIntegerArguments(opArguments()).addOutputs(errorAtInput, weightGradient).build());
            if (hasBias()) {
                INDArray biasGradient = gradientViews.get(BIAS_KEY);
                ChannelValues.writeVector(biasGradient, BiasAndRectifier.biasGradient(delta));
                gradient.setGradientFor(BIAS_KEY, biasGradient);
            }
            gradient.setGradientFor(WEIGHT_KEY, weightGradient, 'c');
            return new Pair<>(gradient, errorAtInput);
        }

        private boolean identity() {
            return slope() == 1;
        }

        /** The activation as a rectifier's slope left of zero: 1 for the identity, 0 for ReLU, alpha for LeakyReLU. */
        private double slope() {
            return BiasAndRectifier.slope(layerConf().getActivationFn());
        }

        /** Truncate mode's output side: (side + 2 * padding - kernel) / stride + 1. */
        private long[] outputSize(long height, long width) {
            int[] kernel = layerConf().getKernelSize();
            int[] stride = layerConf().getStride();
            int[] padding = layerConf().getPadding();
            return new long[] {(height + 2L * padding[0] - kernel[0]) / stride[0] + 1, (width + 2L * padding[1] - kernel[1]) / stride[1] + 1};
        }

        /** True when the transpose convolution of the output comes back at the input's size (no rows or columns were cut off). */
        private boolean transposeGivesInputSize() {
            int[] kernel = layerConf().getKernelSize();
            int[] stride = layerConf().getStride();
            int[] padding = layerConf().getPadding();
            long[] out = outputSize(input.size(2), input.size(3));
            return (out[0] - 1) * stride[0] - 2L * padding[0] + kernel[0] == input.size(2)
                    && (out[1] - 1) * stride[1] - 2L * padding[1] + kernel[1] == input.size(3);
        }

        /** Kernel, stride, padding, dilation, "not same mode", NCHW, weight layout: the ops' integer arguments. */
        private int[] opArguments() {
            int[] kernel = layerConf().getKernelSize();
            int[] stride = layerConf().getStride();
            int[] padding = layerConf().getPadding();
            return new int[] {kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1], 1, 1, 0, 0, WEIGHTS_AS_DL4J_KEEPS_THEM};
        }
    }
}
