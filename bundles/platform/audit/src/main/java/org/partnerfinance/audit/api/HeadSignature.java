package org.partnerfinance.audit.api;

/** What a verification found about the signature of the chain's head (HMAC-SHA256 with the key kept in etc/). */
public enum HeadSignature {
    /** The head is signed with the installation's key over its sequence number and hash. */
    VALID,
    /** The head carries a signature that the key does not produce: head and records were rewritten, or the key is not
     * the one that signed them. */
    INVALID,
    /** The head carries no signature (a database from before head signing that has not been adopted yet). */
    MISSING
}
