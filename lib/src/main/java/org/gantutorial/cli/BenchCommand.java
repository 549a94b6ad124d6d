package org.gantutorial.cli;

import picocli.CommandLine.Command;

import java.util.Arrays;
import java.util.List;

/**
 * {@code ./gan bench}: times each registered benchmark and prints one line per benchmark,
 * {@code LABEL: VALUE}, the median over several timed blocks after a warm-up.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the reference models per training iteration (median of 5 blocks after warm-up); "
                + "prints \"gan1d ms/iter: VALUE\" and \"dcgan64 ms/iter: VALUE\".")
final class BenchCommand implements Runnable {
    private static final int BLOCKS = 5;
    private final List<Benchmark> benchmarks = List.of(new Gan1dBenchmark(), new DcganBenchmark());

    @Override
    public void run() {
        for (Benchmark benchmark : benchmarks) {
            double millis = millisPerIteration(benchmark);
            System.out.printf(java.util.Locale.ROOT, "%s: %.2f%n", benchmark.label(), millis);
            benchmark.notes(millis).forEach(System.out::println);
        }
    }

    static double millisPerIteration(Benchmark benchmark) {
        Runnable iteration = benchmark.prepare();
        for (int i = 0; i < benchmark.warmUpIterations(); i++) {
            iteration.run();
        }
        double[] blocks = new double[BLOCKS];
        for (int b = 0; b < BLOCKS; b++) {
            long start = System.nanoTime();
            for (int i = 0; i < benchmark.iterationsPerBlock(); i++) {
                iteration.run();
            }
            blocks[b] = (System.nanoTime() - start) / 1e6 / benchmark.iterationsPerBlock();
        }
        Arrays.sort(blocks);
        return blocks[BLOCKS / 2];
    }
}
