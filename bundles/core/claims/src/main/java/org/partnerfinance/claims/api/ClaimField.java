package org.partnerfinance.claims.api;

/** A stored type-specific value with the label it had when stored. */
public record ClaimField(String name, String label, String value) {
}
