package org.partnerfinance.audit.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Proofs of single audit records that anyone can check against a signed tree head, without trusting the portal: the
 * records form an RFC 6962 Merkle tree (leaf = SHA-256(0x00 || the record's canonical bytes), in sequence order) whose
 * heads are signed with an Ed25519 key kept outside the database; its public key is published.
 */
@ProviderType
public interface AuditProofs {

    /**
     * The inclusion proof of record {@code sequence} against the newest signed tree head that covers it (a new head is
     * signed when none does yet). <strong>Not authorized here</strong>, like {@link AuditTrail#forEntity}: only the
     * bundle owning the record's entity may call this, after checking that its caller may read that entity, and only
     * for a sequence number of that entity's records.
     *
     * @throws IllegalArgumentException when there is no record with this sequence number
     * @throws IllegalStateException    when the trail cannot give a trustworthy proof (its tree is not built or its
     *                                  stored state is not validly signed: an administrator must verify it)
     */
    AuditProof proof(long sequence);

    /**
     * A signed tree head over the whole trail as it is now (the newest one when no record was appended since it was
     * signed), for publication: partners compare the heads in their proofs with it.
     *
     * @throws IllegalStateException as for {@link #proof}
     */
    SignedTreeHead treeHead();

    /** The Ed25519 public key that signs the tree heads, as PEM (X.509 SubjectPublicKeyInfo). Public information. */
    String publicKeyPem();
}
