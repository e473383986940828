package org.partnerfinance.claims.api;

import java.util.List;

/**
 * A type-specific field of a claim.
 *
 * @param name     key under which the value is stored
 * @param label    label shown to people (stored with the value, so a claim stays readable without its type)
 * @param kind     kind of value
 * @param required whether the field must be filled in
 * @param choices  allowed keys for {@link FieldKind#CHOICE}
 */
public record FieldDef(String name, String label, FieldKind kind, boolean required, List<String> choices) {
    public FieldDef {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
