package org.gantutorial.cli;

import org.gantutorial.Tutorial;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.DcganDiscriminator;
import org.gantutorial.models.DcganGenerator;
import org.gantutorial.training.Discriminator;
import org.gantutorial.training.GanRound;
import org.gantutorial.training.Generator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One full iteration of the reference 64x64 DCGAN (G draws 64 fakes; D on 32 real, D on 32 of the fakes; G step on all 64),
 * and how it compares with the machine's matrix-multiply throughput: the floor for this config
 * is its floating-point work divided by what ND4J's fp32 matmul reaches.
 */
final class DcganBenchmark implements Benchmark {
    private final DcganConfig config = DcganConfig.reference();

    @Override
    public String label() {
        return "dcgan64 ms/iter";
    }

    @Override
    public int warmUpIterations() {
        // ND4J's workspaces settle over the first handful of iterations, and the JIT compiles the Java batch norm
        // fully only after a few dozen: with 8 the figure came out up to a fifth higher, and varied more.
        return 40;
    }

    @Override
    public int iterationsPerBlock() {
        return 4;
    }

    @Override
    public Runnable prepare() {
        Tutorial.setUp(Tutorial.Networks.IMAGE);
        var generator = new Generator(DcganGenerator.build(config));
        var discriminator = new Discriminator(DcganDiscriminator.build(config));
        int half = config.batchSize() / 2;
        int size = config.imageSize();
        INDArray real = Nd4j.rand(DataType.FLOAT, half, 1, size, size).muli(2).subi(1);
        INDArray noise = config.noise(config.batchSize(), new java.util.Random(1));
        return () -> GanRound.play(generator, discriminator, real, noise, verdict -> { });
    }

    @Override
    public List<String> notes(double millisPerIteration) {
        double gflop = gflopPerIteration(config);
        double matmul = matmulGflops(1024, 7);
        double reached = gflop / (millisPerIteration / 1000);
        return List.of(
                String.format(Locale.ROOT, "dcgan64 GFLOP/iter: %.1f", gflop),
                String.format(Locale.ROOT, "matmul fp32 1024^2 GFLOP/s: %.1f", matmul),
                String.format(Locale.ROOT, "dcgan64 GFLOP/s: %.1f (%.0f%% of matmul)", reached, 100 * reached / matmul));
    }

    /**
     * ND4J's fp32 multiply of two n x n matrices, in GFLOP/s (median of a few runs): the BLAS at work.
     * The result is column-major, the layout BLAS writes; into a row-major array ND4J 1.0.0-M2.1
     * multiplies into a column-major scratch array and copies it across, which costs about 40% at this size.
     */
    static double matmulGflops(int n, int runs) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, new long[] {n, n}, 'f');
        a.mmuli(b, c);
        double[] gflops = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            a.mmuli(b, c);
            gflops[r] = 2.0 * n * n * n / (System.nanoTime() - start);
        }
        Arrays.sort(gflops);
        return gflops[runs / 2];
    }

    /**
     * Floating-point operations of one iteration, counted from the layer shapes: every
     * convolution or dense layer costs 2 x multiply-adds forward and twice that backward
     * (error and weight gradient). G forward on 64, D real and D fake (forward + backward on 32
     * each), G step (D forward on 64, D and G backward on 64).
     */
    static double gflopPerIteration(DcganConfig config) {
        double g = generatorMultiplyAdds(config);
        double d = discriminatorMultiplyAdds(config);
        int half = config.batchSize() / 2;
        int full = config.batchSize();
        double multiplyAdds = 2 * half * 3 * d + full * (3 * g + 3 * d);
        return 2 * multiplyAdds / 1e9;
    }

    private static double generatorMultiplyAdds(DcganConfig config) {
        int width = config.deepestWidth();
        double total = (double) config.latentSize() * 16 * width;
        int side = 4;
        for (int block = 1; block < config.blocks(); block++) {
            total += (double) side * side * 16 * width * (width / 2);
            side *= 2;
            width /= 2;
        }
        boolean resize = config.outputBlock() == DcganConfig.OutputBlock.UPSAMPLE_AND_CONVOLVE;
        return total + (resize ? 4.0 * side * side * 9 * width : (double) side * side * 16 * width);
    }

    private static double discriminatorMultiplyAdds(DcganConfig config) {
        int side = config.imageSize();
        int in = 1;
        int out = config.discriminatorWidth();
        double total = 0;
        for (int block = 0; block < config.blocks(); block++) {
            side /= 2;
            total += (double) side * side * 16 * in * out;
            in = out;
            out *= 2;
        }
        return total + 16.0 * in;
    }
}
