package org.partnerfinance.claims.api;

/**
 * A validation problem with a claim draft, shown next to the field.
 *
 * @param field   field name ({@code amount}, {@code currency}, {@code date}, {@code description}, {@code attachments}, a
 *                type field, or a value of a line as {@link FieldDef#lineFieldName} names it, e.g.
 *                {@code mileage.2.km}), or {@code null} for the whole claim
 * @param message sentence for the partner
 */
public record Problem(String field, String message) {
}
