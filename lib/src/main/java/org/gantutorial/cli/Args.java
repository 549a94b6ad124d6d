package org.gantutorial.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Command-line arguments: {@code --name value} options, {@code --flag} switches and
 * positional values. Every option a command reads is checked, so a typo gets a clear error.
 */
public final class Args {
    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();
    private final Set<String> known = new HashSet<>();

    private Args() {
    }

    /** Parses {@code raw}; {@code switches} names the options that take no value. */
    public static Args parse(String[] raw, Set<String> switches) {
        var args = new Args();
        for (int i = 0; i < raw.length; i++) {
            String token = raw[i];
            if (!token.startsWith("--")) {
                args.positional.add(token);
            } else if (switches.contains(token.substring(2))) {
                args.flags.add(token.substring(2));
            } else if (i + 1 < raw.length) {
                args.options.put(token.substring(2), raw[++i]);
            } else {
                throw new UsageException("option " + token + " needs a value");
            }
        }
        return args;
    }

    public String string(String name, String fallback) {
        known.add(name);
        return options.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return number(name, fallback, Integer::parseInt);
    }

    /** A whole-number option that must be at least 1 (counts and sizes). */
    public int positiveInteger(String name, int fallback) {
        int value = integer(name, fallback);
        if (value < 1) {
            throw new UsageException("--" + name + " must be at least 1, not " + value);
        }
        return value;
    }

    public long longValue(String name, long fallback) {
        return number(name, fallback, Long::parseLong);
    }

    private <T> T number(String name, T fallback, java.util.function.Function<String, T> parse) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    /**
     * One of an enum's constants, written on the command line in lower case with dashes
     * ({@code translation-and-cutout} for {@code TRANSLATION_AND_CUTOUT}).
     */
    public <E extends Enum<E>> E choice(String name, E fallback) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        E[] constants = fallback.getDeclaringClass().getEnumConstants();
        for (E constant : constants) {
            if (spelling(constant).equals(value.toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        String allowed = Arrays.stream(constants).map(Args::spelling).collect(Collectors.joining(", "));
        throw new UsageException("--" + name + " must be one of " + allowed + ", not '" + value + "'");
    }

    private static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean flag(String name) {
        known.add(name);
        return flags.contains(name);
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** Call after reading every option: rejects options the command does not know. */
    public void rejectUnknown() {
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
        for (String name : flags) {
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
    }
}
