package org.partnerfinance.audit.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed tree head: the root of the RFC 6962 Merkle tree over the first {@code treeSize} audit records, signed with
 * the installation's Ed25519 key ({@link AuditProofs#publicKeyPem()}). The signature covers the UTF-8 bytes of
 * <pre>
 * pf-audit-tree-head-v1\n
 * &lt;treeSize in decimal&gt;\n
 * &lt;rootHash, 64 lower-case hex digits&gt;\n
 * &lt;timestamp as yyyy-MM-ddTHH:mm:ss.SSSZ (UTC)&gt;\n
 * </pre>
 * (docs/audit-trail.md, "How to check a proof").
 *
 * @param treeSize  number of records the tree covers (records 1 to treeSize)
 * @param rootHash  the tree's root hash, hex
 * @param timestamp when the head was signed (milliseconds)
 * @param signature the Ed25519 signature, Base64
 */
public record SignedTreeHead(long treeSize, String rootHash, Instant timestamp, String signature) {

    public SignedTreeHead {
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(signature, "signature");
    }
}
