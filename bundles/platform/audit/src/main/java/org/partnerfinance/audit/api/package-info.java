/**
 * The append-only, hash-chained audit trail of every state change, with a signed head.
 *
 * <p>2.0: {@link org.partnerfinance.audit.api.Verification} reports the head's signature and the records beyond the
 * head; {@link org.partnerfinance.audit.api.AuditTrail} tells the last verification and lists records by action;
 * {@link org.partnerfinance.audit.api.AuditProofs} gives RFC 6962 inclusion proofs of single records against tree heads
 * signed with an Ed25519 key whose public half is published.
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.partnerfinance.audit.api;
