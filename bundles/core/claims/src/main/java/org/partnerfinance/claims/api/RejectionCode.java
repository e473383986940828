package org.partnerfinance.claims.api;

/**
 * An entry of the rejection-reason catalogue that administrators maintain (seeded with the codes of
 * {@link RejectionReason}). A retired code is no longer offered for new rejections but stays readable on the claims
 * rejected with it.
 *
 * @param code            short code the partner sees, e.g. {@code R02}
 * @param text            what the code means
 * @param commentRequired whether a rejection with this code needs the reviewer's comment
 * @param retired         whether it is no longer offered
 */
public record RejectionCode(String code, String text, boolean commentRequired, boolean retired) {
}
