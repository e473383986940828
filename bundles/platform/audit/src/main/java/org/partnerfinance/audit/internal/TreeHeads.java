package org.partnerfinance.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.partnerfinance.audit.api.SignedTreeHead;

/** Signing and checking tree heads: the signed text is documented in {@link SignedTreeHead} and docs/audit-trail.md. */
final class TreeHeads {

    static final String TAG = "pf-audit-tree-head-v1";

    private TreeHeads() {
    }

    /** The bytes an Ed25519 signature of a tree head covers. */
    static byte[] message(long treeSize, String rootHash, Instant timestamp) {
        return (TAG + "\n" + treeSize + "\n" + rootHash + "\n" + AuditChain.formatTime(timestamp) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static SignedTreeHead sign(TreeSigningKey key, long treeSize, byte[] root, Instant now) {
        String rootHex = MerkleTree.hex(root);
        Instant at = AuditChain.parseTime(AuditChain.formatTime(now));
        String signature = Base64.getEncoder().encodeToString(key.sign(message(treeSize, rootHex, at)));
        return new SignedTreeHead(treeSize, rootHex, at, signature);
    }

    static boolean verifies(TreeSigningKey key, SignedTreeHead head) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(head.signature().trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return key.verifies(message(head.treeSize(), head.rootHash(), head.timestamp()), signature);
    }
}
