package org.partnerfinance.documents.api;

import java.time.Instant;

/**
 * One step in the history of a document, payment or dispute, as recorded in the audit trail.
 *
 * @param sequence the audit record's sequence number (a proof for it can be downloaded)
 * @param at       when
 * @param actor    who ({@code system} for the platform)
 * @param action   what, e.g. {@code document.created}
 * @param detail   what changed, as text
 */
public record HistoryEntry(long sequence, Instant at, String actor, String action, String detail) {
}
