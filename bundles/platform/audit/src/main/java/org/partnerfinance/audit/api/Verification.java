package org.partnerfinance.audit.api;

/**
 * Result of recomputing the chain.
 *
 * @param intact      whether every record matches
 * @param checked     number of records checked
 * @param firstBroken sequence number of the first record that does not match, or -1
 * @param message     a sentence for operators
 */
public record Verification(boolean intact, long checked, long firstBroken, String message) {
}
