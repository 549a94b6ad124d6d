package org.gantutorial.fast;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * A fast layer's configuration is the stock configuration it stands in for, field by field, with
 * another running layer behind it. DL4J's configurations are built by their builders, whose
 * constructors are private or take the builder, so a copy of the built one is the way to inherit
 * every setting (sizes, updater, initialisation, names) without listing them.
 */
final class ConfigurationCopy {
    private ConfigurationCopy() {
    }

    /** Copies every field of {@code stock}'s class and its superclasses into {@code fast}, an instance of a subclass. */
    static <T> void into(T fast, T stock) {
        for (Class<?> type = stock.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    field.set(fast, field.get(stock));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot copy " + type.getSimpleName() + "'s " + field.getName(), e);
                }
            }
        }
    }
}
