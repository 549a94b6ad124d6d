package org.gantutorial.cli;

/** One line of {@code ./gan bench}: a piece of training timed per iteration. */
public interface Benchmark {
    /** What the line says before the number, e.g. {@code gan1d ms/iter}. */
    String label();

    /** Iterations run before timing, while the JIT compiles the hot paths. */
    int warmUpIterations();

    /** Iterations in each timed block. */
    int iterationsPerBlock();

    /** Builds the networks and data once; the returned task runs one iteration. */
    Runnable prepare();

    /** Further lines to print after the timing (derived figures), none by default. */
    default java.util.List<String> notes(double millisPerIteration) {
        return java.util.List.of();
    }
}
