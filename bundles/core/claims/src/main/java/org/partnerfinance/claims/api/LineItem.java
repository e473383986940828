package org.partnerfinance.claims.api;

import java.util.Map;
import java.util.Objects;

/**
 * One row of a {@link FieldKind#LINE_ITEMS} field, e.g. one trip of a mileage claim.
 *
 * @param field  name of the {@code LINE_ITEMS} field the row belongs to
 * @param values the row's values by sub-field name, as text like {@link ClaimDraft#fields()}
 */
public record LineItem(String field, Map<String, String> values) {
    public LineItem {
        Objects.requireNonNull(field, "field");
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** The value of one sub-field, or {@code null}. */
    public String value(String name) {
        return values.get(name);
    }
}
