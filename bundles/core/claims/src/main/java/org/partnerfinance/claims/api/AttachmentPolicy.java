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
 */
public record AttachmentPolicy(boolean required, long maxBytes, Set<String> contentTypes) {

    private static final int BUFFER = 8192;

    public AttachmentPolicy {
        contentTypes = Set.copyOf(contentTypes);
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
