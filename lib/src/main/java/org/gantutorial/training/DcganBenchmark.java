package org.gantutorial.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.DcganDiscriminator;
import org.gantutorial.models.DcganGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Speed of the image GAN: milliseconds per full iteration (D on 32 real, D on 32 fake, G step
 * on 64) for a configuration, as the median of timed blocks after a warm-up; and ND4J's own
 * matrix-multiply throughput, the ceiling to compare it with.
 */
public final class DcganBenchmark {
    private DcganBenchmark() {
    }

    /** The {@code ./gan bench} line for the reference 64x64 configuration: "dcgan64 ms/iter: VALUE". */
    public static String benchLine() {
        return String.format(java.util.Locale.ROOT, "dcgan64 ms/iter: %.0f", msPerIteration(DcganConfig.reference(), 3, 5, 2));
    }

    /** Median milliseconds per iteration over {@code blocks} blocks of {@code perBlock} iterations. */
    public static double msPerIteration(DcganConfig config, int warmup, int blocks, int perBlock) {
        MultiLayerNetwork generator = DcganGenerator.build(config);
        MultiLayerNetwork discriminator = DcganDiscriminator.build(config);
        var step = new GanStep(generator, discriminator);
        int half = config.batchSize() / 2;
        int size = config.imageSize();
        INDArray real = Nd4j.rand(DataType.FLOAT, half, 1, size, size).muli(2).subi(1);
        INDArray noiseForD = DcganGenerator.noise(half, config, 1);
        INDArray noiseForG = DcganGenerator.noise(config.batchSize(), config, 2);
        for (int i = 0; i < warmup; i++) {
            step.step(real, noiseForD, noiseForG);
        }
        double[] times = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            long start = System.nanoTime();
            for (int i = 0; i < perBlock; i++) {
                step.step(real, noiseForD, noiseForG);
            }
            times[b] = (System.nanoTime() - start) / 1e6 / perBlock;
        }
        return median(times);
    }

    /** ND4J's fp32 matrix multiply of two n x n matrices, in GFLOP/s (median of a few runs). */
    public static double matmulGflops(int n, int runs) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        a.mmuli(b, c);
        double[] gflops = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            a.mmuli(b, c);
            gflops[r] = 2.0 * n * n * n / (System.nanoTime() - start);
        }
        return median(gflops);
    }

    /**
     * Floating-point operations of one iteration, counted from the layer shapes: every
     * convolution or dense layer costs 2 x multiply-adds forward and twice that backward
     * (error and weight gradient). D real (32: forward + backward), D fake (G forward on 32,
     * D forward + backward on 32), G step (G and D forward on 64, D and G backward on 64).
     */
    public static double gflopPerIteration(DcganConfig config) {
        double g = generatorMultiplyAdds(config);
        double d = discriminatorMultiplyAdds(config);
        int half = config.batchSize() / 2;
        int full = config.batchSize();
        double multiplyAdds = half * 3 * d + half * (g + 3 * d) + full * (3 * g + 3 * d);
        return 2 * multiplyAdds / 1e9;
    }

    private static double generatorMultiplyAdds(DcganConfig config) {
        int width = config.deepestWidth();
        double total = (double) config.latentSize() * 16 * width;
        int side = 4;
        for (int block = 1; block <= config.blocks(); block++) {
            int out = block == config.blocks() ? 1 : width / 2;
            total += (double) side * side * 16 * width * out;
            side *= 2;
            width = out;
        }
        return total;
    }

    private static double discriminatorMultiplyAdds(DcganConfig config) {
        int side = config.imageSize();
        int in = 1;
        int out = config.baseWidth();
        double total = 0;
        for (int block = 0; block < config.blocks(); block++) {
            side /= 2;
            total += (double) side * side * 16 * in * out;
            in = out;
            out *= 2;
        }
        return total + 16.0 * in;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
