package org.partnerfinance.audit.api;

import java.time.Instant;

/**
 * A stored audit record. {@code hash} = SHA-256 over the previous record's hash and this record's fields, so changing
 * or removing any stored record breaks the chain from there on.
 */
public record AuditRecord(long seq, Instant at, AuditEvent event, String previousHash, String hash) {
}
