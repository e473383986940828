package org.partnerfinance.documents.api;

/**
 * A file supporting a dispute (PDF, PNG or JPEG; sniffed, size-limited).
 *
 * @param fileName    name as uploaded
 * @param contentType sniffed type
 * @param content     the bytes
 */
public record DisputeAttachment(String fileName, String contentType, byte[] content) {
}
