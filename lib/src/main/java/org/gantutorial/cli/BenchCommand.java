package org.gantutorial.cli;

import java.util.Arrays;
import java.util.List;

/**
 * {@code ./gan bench}: times each registered benchmark and prints one line per benchmark,
 * {@code LABEL: VALUE}, the median over several timed blocks after a warm-up.
 */
final class BenchCommand implements Command {
    private static final int BLOCKS = 5;
    private final List<Benchmark> benchmarks = List.of(new Gan1dBenchmark(), new DcganBenchmark());

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "time the reference models per training iteration (median of " + BLOCKS + " blocks after warm-up)";
    }

    @Override
    public int run(Args args) {
        args.rejectUnknown();
        for (Benchmark benchmark : benchmarks) {
            double millis = millisPerIteration(benchmark);
            System.out.printf(java.util.Locale.ROOT, "%s: %.2f%n", benchmark.label(), millis);
            benchmark.notes(millis).forEach(System.out::println);
        }
        return 0;
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
