package org.gantutorial.patterns;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The tutorial's five real patterns. */
public final class Patterns {
    private static final double PI = Math.PI;

    private Patterns() {
    }

    /** y = sin x, x in [-pi, pi]. */
    public static Pattern sine() {
        return Pattern.function("sine", Math::sin, -PI, PI);
    }

    /** y = sign(sin x), x in [-pi, pi]: two flat steps with a jump the generator must draw. */
    public static Pattern square() {
        return Pattern.function("square", x -> Math.signum(Math.sin(x)), -PI, PI);
    }

    /** y = x^2, x in [-1, 1]. */
    public static Pattern parabola() {
        return Pattern.function("parabola", x -> x * x, -1, 1);
    }

    /** Two teeth over [-pi, pi]: y rises from -1 towards 1, then drops back. */
    public static Pattern sawtooth() {
        return Pattern.function("sawtooth", x -> {
            double phase = (x + PI) / PI;
            return 2 * (phase - Math.floor(phase)) - 1;
        }, -PI, PI);
    }

    /** The unit circle (cos t, sin t): not a function of x, so y is not determined by x. */
    public static Pattern circle() {
        return Pattern.curve("circle", Math::cos, Math::sin, 0, 2 * PI);
    }

    /** All five, in the tutorial's order. */
    public static List<Pattern> all() {
        return List.of(sine(), square(), parabola(), sawtooth(), circle());
    }

    /** The built-in pattern called {@code name} (case-insensitive). */
    public static Pattern named(String name) {
        return all().stream()
                .filter(p -> p.name().equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no pattern called '" + name
                        + "'; choose one of " + names() + "."));
    }

    /** The built-in names, comma-separated, for messages. */
    public static String names() {
        return all().stream().map(Pattern::name).collect(Collectors.joining(", "));
    }
}
