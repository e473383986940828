package org.partnerfinance.audit.api;

import java.util.List;
import java.util.Objects;

/**
 * Proof that one audit record is part of the trail: the record as stored, its RFC 6962 inclusion proof (audit path)
 * in the Merkle tree of a signed tree head, and the public key the head is signed with. {@link #json()} is the same
 * proof as one self-contained JSON document, which the independent verifier ({@code docs/audit-proof/
 * VerifyAuditProof.java}) checks without access to the portal.
 *
 * @param record    the record, exactly as stored and hashed
 * @param leafIndex its leaf in the tree: sequence number - 1
 * @param treeHead  the signed tree head the path leads to
 * @param auditPath sibling hashes from the leaf up to the root, hex
 * @param publicKey the Ed25519 public key (PEM) that signed the head
 * @param json      the proof as a JSON document
 */
public record AuditProof(AuditRecord record, long leafIndex, SignedTreeHead treeHead, List<String> auditPath,
        String publicKey, String json) {

    public AuditProof {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(treeHead, "treeHead");
        auditPath = List.copyOf(auditPath);
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(json, "json");
    }
}
