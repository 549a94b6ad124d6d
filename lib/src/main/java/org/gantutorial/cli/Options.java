package org.gantutorial.cli;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of option values that picocli's types cannot express. */
final class Options {
    private static final Set<Integer> SIZES = Set.of(32, 64, 128, 256);
    /** A config record's refusal starts with the component's name, which its option spells in kebab case. */
    private static final Pattern COMPONENT = Pattern.compile("^([a-z]+[A-Z][A-Za-z]*) ");

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

    /**
     * The config that {@code build} makes from the options, checked by the record itself, so its ranges
     * are written once: a refusal becomes picocli's usage error, naming the option instead of the component
     * ("averageDecay is ..." reads "--average-decay is ..."), before any data loads.
     */
    static <T> T built(CommandSpec spec, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException refusal) {
            var named = COMPONENT.matcher(refusal.getMessage());
            String message = named.find()
                    ? "--" + named.group(1).replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT) + " "
                    + refusal.getMessage().substring(named.end())
                    : refusal.getMessage();
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
