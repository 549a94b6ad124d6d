package org.gantutorial.fast;

import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchNormActivationTest {
    // An offset keeps the mean of each channel well away from zero, which a one-pass variance would get wrong.
    private final INDArray input = Nd4j.rand(DataType.FLOAT, 8, 3, 8, 8).addi(4);
    private final INDArray labels = Nd4j.rand(DataType.FLOAT, 8, 1);

    @Test
    void matchesDl4jsBatchNormThenActivation() {
        for (IActivation activation : List.of(new ActivationReLU(), new ActivationLReLU(0.2), new ActivationIdentity())) {
            // Batch norm alone runs as the fused layer with the identity.
            List<Layer> layers = activation instanceof ActivationIdentity ? List.of(batchNorm())
                    : List.of(batchNorm(), new ActivationLayer(activation));
            var stock = network(layers);
            var fused = TwinNetwork.of(network(layers)).running();
            assertInstanceOf(BatchNormActivation.class, fused.getLayerWiseConfigurations().getConf(1).getLayer());
            assertEquals(stock.params(), fused.params());

            assertClose(stock.output(input, true), fused.output(input, true), activation + " output in training mode");
            assertClose(gradient(stock), gradient(fused), activation + " gradients");
            // The running mean and variance move as DL4J's do, so inference mode agrees too.
            for (int step = 0; step < 3; step++) {
                stock.fit(input, labels);
                fused.fit(input, labels);
            }
            assertClose(stock.params(), fused.params(), activation + " parameters after three steps");
            assertClose(stock.output(input, false), fused.output(input, false), activation + " output in inference mode");
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        for (IActivation activation : List.of(new ActivationReLU(), new ActivationLReLU(0.2))) {
            // In double precision, so that the numeric derivative is exact enough to judge the analytic one.
            var network = TwinNetwork.of(network(List.of(batchNorm(), new ActivationLayer(activation)), DataType.DOUBLE)).running();
            network.setInput(input.castTo(DataType.DOUBLE));
            network.setLabels(labels.castTo(DataType.DOUBLE));
            network.computeGradientAndScore();
            var gradient = network.gradient();
            // The fused layer's own parameters, and the convolution below it (which gets the error at the layer's input).
            for (String parameter : List.of("1_gamma", "1_beta", "0_W")) {
                INDArray values = network.getParam(parameter).reshape(-1);
                INDArray analytic = gradient.getGradientFor(parameter).reshape(-1);
                long spacing = values.length() / 6;
                for (int i = 0; i < 6; i++) {
                    int index = (int) (i * spacing);
                    double numeric = numericDerivative(network, values, index);
                    assertEquals(numeric, analytic.getDouble(index), 1e-6 + 1e-4 * Math.abs(numeric), activation + " " + parameter + "[" + index + "]");
                }
            }
        }
    }

    /** The loss summed over the batch, as the gradient is, differentiated numerically by one parameter. */
    private double numericDerivative(MultiLayerNetwork network, INDArray values, int index) {
        double step = 1e-5;
        double original = values.getDouble(index);
        values.putScalar(index, original + step);
        double up = score(network);
        values.putScalar(index, original - step);
        double down = score(network);
        values.putScalar(index, original);
        return (up - down) / (2 * step);
    }

    @Test
    void activationsThatLoseTheSignAreRefusedWithAHintAndStayDl4jsLayers() {
        var tanh = new ActivationLayer(Activation.TANH);
        var error = assertThrows(IllegalArgumentException.class, () -> new BatchNormActivation(batchNorm(), tanh.getActivationFn()));
        assertTrue(error.getMessage().contains("ActivationLayer"), error.getMessage());
        var twin = TwinNetwork.of(network(List.of(batchNorm(), tanh))).running();
        assertInstanceOf(BatchNormActivation.class, twin.getLayerWiseConfigurations().getConf(1).getLayer(), "batch norm alone");
        assertInstanceOf(ActivationLayer.class, twin.getLayerWiseConfigurations().getConf(2).getLayer(), "tanh stays DL4J's");
    }

    private static BatchNormalization batchNorm() {
        return new BatchNormalization.Builder().nOut(6).build();
    }

    private static double score(MultiLayerNetwork network) {
        network.computeGradientAndScore();
        return network.score() * network.getInput().size(0);
    }

    /** The summed gradient (not divided by the batch) of all parameters after one training pass. */
    private INDArray gradient(MultiLayerNetwork network) {
        network.setInput(input);
        network.setLabels(labels);
        network.computeGradientAndScore();
        return network.gradient().gradient().dup();
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double difference = expected.sub(actual).norm2Number().doubleValue();
        assertTrue(difference <= 1e-4 * Math.max(1, expected.norm2Number().doubleValue()), what + " differ by " + difference);
    }

    /** Convolution 3 -> 6 (stride 2), the layers under test, a sigmoid output: D's pattern in small. */
    private static MultiLayerNetwork network(List<Layer> middle) {
        return network(middle, DataType.FLOAT);
    }

    private static MultiLayerNetwork network(List<Layer> middle, DataType dataType) {
        var layers = new NeuralNetConfiguration.Builder()
                .seed(5)
                .dataType(dataType)
                .updater(new org.nd4j.linalg.learning.config.Adam(1e-2))
                .convolutionMode(ConvolutionMode.Truncate)
                .list()
                .layer(new ConvolutionLayer.Builder().nOut(6).kernelSize(4, 4).stride(2, 2).padding(1, 1).hasBias(false)
                        .activation(Activation.IDENTITY).build());
        middle.forEach(layers::layer);
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build());
        var network = new MultiLayerNetwork(layers.setInputType(InputType.convolutional(8, 8, 3)).build());
        network.init();
        return network;
    }
}
