package org.partnerfinance.claims.api;

/** A file attached to a claim at submission, e.g. a receipt. The content type is sniffed from the bytes. */
public record AttachmentUpload(String filename, byte[] content) {
}
