package org.partnerfinance.claims.api;

import java.util.Set;

/**
 * What files a claim type accepts.
 *
 * @param required     whether at least one file is required
 * @param maxBytes     size limit per file
 * @param contentTypes accepted content types, checked against the sniffed content (e.g. {@code application/pdf})
 */
public record AttachmentPolicy(boolean required, long maxBytes, Set<String> contentTypes) {
    public AttachmentPolicy {
        contentTypes = Set.copyOf(contentTypes);
    }
}
