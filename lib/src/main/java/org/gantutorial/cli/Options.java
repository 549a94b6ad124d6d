package org.gantutorial.cli;

import java.util.Set;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of option values that picocli's types cannot express. */
final class Options {
    private static final Set<Integer> SIZES = Set.of(32, 64, 128, 256);

    private Options() {
    }

    /** Counts and sizes: at least 1. */
    static void atLeastOne(CommandSpec spec, String option, int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1, not " + value);
        }
    }

    /** The image sides the image networks are built for. */
    static void imageSize(CommandSpec spec, int value) {
        if (!SIZES.contains(value)) {
            throw new ParameterException(spec.commandLine(), "--image-size must be 32, 64, 128 or 256, not " + value);
        }
    }

    /** A value from {@code low} to {@code high}, both included. */
    static void within(CommandSpec spec, String option, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new ParameterException(spec.commandLine(), option + " must be from " + low + " to " + high + ", not " + value);
        }
    }
}
