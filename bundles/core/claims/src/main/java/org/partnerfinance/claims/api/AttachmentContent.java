package org.partnerfinance.claims.api;

/** An attachment with its bytes, for viewing or download. */
public record AttachmentContent(Attachment attachment, byte[] content) {
}
