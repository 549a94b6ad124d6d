package org.gantutorial.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of option values that picocli's types cannot express. */
final class Options {
    private Options() {
    }

    /** Counts and sizes: at least 1. */
    static void atLeastOne(CommandSpec spec, String option, int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1, not " + value);
        }
    }
}
