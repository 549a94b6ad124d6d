package org.gantutorial.training;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gantutorial.HeadPhantoms;
import org.gantutorial.Tutorial;
import org.gantutorial.history.Verdict;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.DcganDiscriminator;
import org.gantutorial.models.DcganGenerator;
import org.gantutorial.models.DcganParts;
import org.gantutorial.models.Gan1dConfig;
import org.gantutorial.models.Generator1d;
import org.gantutorial.patterns.Patterns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tutorial's speed is invisible: the loop's wrappers, training fast twins, train the reader's stock
 * networks as the same loop on DL4J's own layers does (substitution switched off), from the same weights
 * on the same batches: the same fakes, the same D(x) and D(G(z)), the same parameters and Adam state.
 */
class StockAndFastTest {
    /**
     * Relative difference allowed: float rounding (batch norm sums in double on the fast side) over a few
     * Adam steps. Measured: at most 2e-6 for fakes, 9e-7 for parameters, 1.4e-6 for Adam's state.
     */
    private static final double TOLERANCE = 1e-5;
    private static final DcganConfig IMAGES = DcganConfig.reference().withImageSize(32).withGeneratorWidth(8)
            .withDiscriminatorWidth(8).withBatchSize(16);

    @BeforeAll
    static void setUp() {
        Tutorial.setUp(Tutorial.Networks.IMAGE);
    }

    @Test
    void theDcganTrainsTheSameOnFastTwinsAsOnDl4jsOwnLayers() {
        INDArray real = HeadPhantoms.generate(48, 32, 11);
        Function<Integer, INDArray> batches = i -> real.get(NDArrayIndex.interval(8 * i, 8 * i + 8));
        Function<Integer, INDArray> noise = i -> IMAGES.noise(16, new Random(100 + i));
        Supplier<MultiLayerNetwork> discriminator = () -> DcganDiscriminator.build(IMAGES);
        compare(() -> DcganGenerator.build(IMAGES), discriminator, batches, noise, 6);
    }

    @Test
    void theOneDimensionalGanTrainsTheSameOnFastTwinsAsOnDl4jsOwnLayers() {
        var config = Gan1dConfig.defaults();
        Function<Integer, INDArray> batches = i -> Patterns.sine().sampleForTraining(32, new Random(i));
        Function<Integer, INDArray> noise = i -> config.noise(64, new Random(1_000 + i));
        compare(() -> Generator1d.build(config), () -> oneDimensionalDiscriminator(config, false), batches, noise, 20);
    }

    /** Layers the fast path does not know (dropout here) stay DL4J's and train as in DL4J. */
    @Test
    void aDiscriminatorWithDropoutTrainsTheSameThroughTheWrappers() {
        var config = Gan1dConfig.defaults();
        Function<Integer, INDArray> batches = i -> Patterns.circle().sampleForTraining(32, new Random(i));
        Function<Integer, INDArray> noise = i -> config.noise(64, new Random(1_000 + i));
        compare(() -> Generator1d.build(config), () -> oneDimensionalDiscriminator(config, true), batches, noise, 10);
    }

    /** Max pooling, which the fast path does not know, between the convolutions the fast path runs. */
    @Test
    void aDiscriminatorWithPoolingTrainsTheSameThroughTheWrappers() {
        INDArray real = HeadPhantoms.generate(40, 32, 12);
        Function<Integer, INDArray> batches = i -> real.get(NDArrayIndex.interval(8 * i, 8 * i + 8));
        Function<Integer, INDArray> noise = i -> IMAGES.noise(16, new Random(200 + i));
        compare(() -> DcganGenerator.build(IMAGES), StockAndFastTest::poolingDiscriminator, batches, noise, 5);
    }

    /**
     * Trains two pairs built alike, one through fast twins and one on the stock layers, on the same
     * batches and noise, and compares every fake, verdict and, at the end, every parameter and Adam's state.
     */
    private static void compare(Supplier<MultiLayerNetwork> generator, Supplier<MultiLayerNetwork> discriminator,
                                Function<Integer, INDArray> batches, Function<Integer, INDArray> noise, int iterations) {
        var fast = new Pair(new Generator(generator.get()), new Discriminator(discriminator.get()));
        Twins.substitute(false);
        Pair stock;
        try {
            stock = new Pair(new Generator(generator.get()), new Discriminator(discriminator.get()));
        } finally {
            Twins.substitute(true);
        }
        for (int i = 0; i < iterations; i++) {
            Pair.Step expected = stock.play(batches.apply(i), noise.apply(i), i);
            Pair.Step actual = fast.play(batches.apply(i), noise.apply(i), i);
            assertClose(expected.fake(), actual.fake(), "G's fakes at iteration " + i);
            for (int call = 0; call < 3; call++) {
                assertEquals(expected.verdicts()[call].meanOutput(), actual.verdicts()[call].meanOutput(),
                        TOLERANCE * Math.max(0.1, expected.verdicts()[call].meanOutput()), expected.verdicts()[call].call() + " at iteration " + i);
            }
        }
        assertClose(stock.generator().network().params(), fast.generator().network().params(), "G's parameters");
        assertClose(stock.discriminator().network().params(), fast.discriminator().network().params(), "D's parameters");
        assertClose(stock.generator().network().getUpdater().getStateViewArray(),
                fast.generator().network().getUpdater().getStateViewArray(), "G's Adam state");
        assertClose(stock.discriminator().network().getUpdater().getStateViewArray(),
                fast.discriminator().network().getUpdater().getStateViewArray(), "D's Adam state");
        assertEquals(iterations, fast.generator().network().getIterationCount(), "the stock network counts the twin's steps");
    }

    /** A generator and a discriminator trained together, as {@link GanRound#play} trains them. */
    private record Pair(Generator generator, Discriminator discriminator) {
        record Step(INDArray fake, Verdict[] verdicts) {
        }

        Step play(INDArray real, INDArray noise, int iteration) {
            // The same dropout masks on both sides (seed 0 would mean "any").
            Nd4j.getRandom().setSeed(1 + iteration);
            INDArray fake = generator.generate(noise);
            INDArray made = fake.dup();
            var onReal = discriminator.learnFrom(real, Label.REAL);
            var onFake = discriminator.learnFrom(Batches.first(real.size(0), fake), Label.FAKE);
            discriminator.step();
            var throughD = generator.learnThrough(discriminator, fake);
            return new Step(made, new Verdict[] {onReal, onFake, throughD});
        }
    }

    /** Discriminator1d's network, by hand, optionally with dropout on its hidden layers. */
    private static MultiLayerNetwork oneDimensionalDiscriminator(Gan1dConfig config, boolean dropout) {
        var layers = new NeuralNetConfiguration.Builder().seed(config.seed() + 1).dataType(DataType.FLOAT)
                .updater(new Adam(config.discriminatorLearningRate(), config.beta1(), 0.999, 1e-8)).list();
        int in = 2;
        for (int size : config.discriminatorLayers()) {
            var hidden = new DenseLayer.Builder().nIn(in).nOut(size).activation(config.discriminatorActivation());
            layers.layer((dropout ? hidden.dropOut(0.8) : hidden).build());
            in = size;
        }
        layers.layer(new OutputLayer.Builder(new LossBinaryXENT()).nIn(in).nOut(1).activation(Activation.SIGMOID).build());
        var network = new MultiLayerNetwork(layers.build());
        network.init();
        return network;
    }

    /** DCGAN's D with a stride-1 convolution and 2x2 max pooling in place of its first halving block. */
    private static MultiLayerNetwork poolingDiscriminator() {
        var layers = DcganParts.settings(IMAGES.seed() + 1, IMAGES.discriminatorLearningRate(), IMAGES.beta1()).list()
                .layer(new org.deeplearning4j.nn.conf.layers.ConvolutionLayer.Builder().nOut(8).kernelSize(3, 3).stride(1, 1)
                        .padding(1, 1).activation(new ActivationLReLU(0.2)).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(DcganParts.downsample(16))
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(new ActivationLReLU(0.2)))
                .layer(new OutputLayer.Builder(new LossBinaryXENT()).nOut(1).activation(Activation.SIGMOID).build());
        var network = new MultiLayerNetwork(layers.setInputType(InputType.convolutional(32, 32, 1)).build());
        network.init();
        return network;
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double difference = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).norm2Number().doubleValue();
        double size = expected.norm2Number().doubleValue();
        assertTrue(difference <= TOLERANCE * size, what + " differ by " + difference / size + " (relative)");
    }
}
