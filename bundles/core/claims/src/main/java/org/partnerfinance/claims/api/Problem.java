package org.partnerfinance.claims.api;

/**
 * A validation problem with a claim draft, shown next to the field.
 *
 * @param field   field name ({@code amount}, {@code date}, {@code description}, {@code attachments} or a type field), or
 *                {@code null} for the whole claim
 * @param message sentence for the partner
 */
public record Problem(String field, String message) {
}
