package org.partnerfinance.claims.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * What files a claim type accepts.
 *
 * @param required     whether at least one file is required
 * @param maxBytes     size limit per file
 * @param contentTypes accepted content types, checked against the sniffed content (e.g. {@code application/pdf})
 * @param maxFiles     how many files a claim may carry, at least 1
 */
public record AttachmentPolicy(boolean required, long maxBytes, Set<String> contentTypes, int maxFiles) {

    /** How many files a claim may carry when the policy does not say. */
    public static final int DEFAULT_MAX_FILES = 10;

    private static final int BUFFER = 8192;

    public AttachmentPolicy {
        contentTypes = Set.copyOf(contentTypes);
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative, was " + maxBytes);
        }
        if (maxFiles < 1) {
            throw new IllegalArgumentException("maxFiles must be at least 1, was " + maxFiles);
        }
    }

    /** A policy for up to {@link #DEFAULT_MAX_FILES} files. */
    public AttachmentPolicy(boolean required, long maxBytes, Set<String> contentTypes) {
        this(required, maxBytes, contentTypes, DEFAULT_MAX_FILES);
    }

    /**
     * Reads an uploaded file as it arrives and stops as soon as it is larger than {@link #maxBytes()}: a file over the
     * limit is never read (or held in memory) whole. The stream is not closed.
     *
     * @throws AttachmentTooLargeException when the file is larger than the limit
     * @throws IOException                 when reading fails
     */
    public byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes + 1, BUFFER));
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        while (true) {
            // never more than one byte past the limit
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - total + 1));
            if (n < 0) {
                return out.toByteArray();
            }
            total += n;
            if (total > maxBytes) {
                throw new AttachmentTooLargeException(maxBytes);
            }
            out.write(buffer, 0, n);
        }
    }
}
