package org.gantutorial.mr;

import java.util.List;
import java.util.Optional;

/**
 * The header fields a reader wants to see first (series, modality, size, spacing, scanner).
 * Fields that identify a patient are masked when printed unless the caller asks for them,
 * so a summary can be shown or shared without leaking names or IDs.
 */
public record HeaderSummary(List<Field> fields) {
    static final String MASK = "[masked]";

    /** One header field; {@code identifying} marks names, IDs, dates of birth and the like. */
    public record Field(String name, String value, boolean identifying) {
    }

    public HeaderSummary {
        fields = List.copyOf(fields);
    }

    public Optional<String> value(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).map(Field::value).findFirst();
    }

    /** One {@code name: value} line per field; identifying values masked unless {@code showIdentifiers}. */
    public String format(boolean showIdentifiers) {
        var text = new StringBuilder();
        for (Field field : fields) {
            String value = field.identifying() && !showIdentifiers && !field.value().isBlank() ? MASK : field.value();
            text.append(field.name()).append(": ").append(value.isBlank() ? "(empty)" : value).append('\n');
        }
        return text.toString();
    }

    /** The masked form, so printing a summary by accident never shows identifiers. */
    @Override
    public String toString() {
        return format(false);
    }
}
