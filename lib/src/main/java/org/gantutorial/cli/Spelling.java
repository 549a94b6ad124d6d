package org.gantutorial.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Enum options written in lower case with dashes on the command line ({@code translation-and-cutout}
 * for {@code TRANSLATION_AND_CUTOUT}); a wrong one gets the list of right ones.
 */
abstract class Spelling<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    Spelling(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (spelling(constant).equals(value.toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Spelling::spelling).collect(Collectors.joining(", "));
        throw new TypeConversionException("must be one of " + allowed + ", not '" + value + "'");
    }

    static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
