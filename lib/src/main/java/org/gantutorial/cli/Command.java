package org.gantutorial.cli;

/** One {@code ./gan} subcommand that runs in Java. */
public interface Command {
    String name();

    /** One line for {@code help}. */
    String summary();

    /** Runs the command; returns the process exit code. */
    int run(Args args) throws Exception;
}
