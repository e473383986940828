package org.partnerfinance.audit.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Result of recomputing the chain. The trail is {@link #intact()} only when every record up to the head matches, the
 * head matches the last record, the head's signature is valid, no record lies beyond the head, and the Merkle tree
 * recomputed from the records matches everything stored about it (its edge, stored subtrees and every signed tree
 * head); {@link #message()} names what does not.
 *
 * @param at            when the verification ran
 * @param intact        whether the whole trail checked out
 * @param checked       number of records checked (those up to the head)
 * @param firstBroken   sequence number of the first record that does not match, or -1
 * @param headSeq       sequence number the head points at
 * @param headSignature what was found about the head's signature
 * @param beyondHead    number of stored records with a sequence number above the head (never appended by the service)
 * @param message       a sentence for operators
 */
public record Verification(Instant at, boolean intact, long checked, long firstBroken, long headSeq,
        HeadSignature headSignature, long beyondHead, String message) {

    public Verification {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(headSignature, "headSignature");
        Objects.requireNonNull(message, "message");
    }
}
