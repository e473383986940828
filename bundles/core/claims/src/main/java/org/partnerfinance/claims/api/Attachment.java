package org.partnerfinance.claims.api;

/** Metadata of a stored attachment. */
public record Attachment(long id, String filename, String contentType, long size, String sha256) {
}
