package org.partnerfinance.claims.api;

import java.util.Objects;

/**
 * One allowed value of a {@link FieldKind#CHOICE} field.
 *
 * @param key   what is stored, e.g. {@code meals}
 * @param label what people read, e.g. {@code Meals}
 */
public record Choice(String key, String label) {
    public Choice {
        Objects.requireNonNull(key, "key");
        label = label == null || label.isBlank() ? key : label;
    }
}
