package org.partnerfinance.documents.api;

import java.time.Instant;

/**
 * A recorded collections step for an overdue document: the level reached and finance's note (e.g. who was called and
 * what they promised).
 */
public record Reminder(long id, long documentId, String partnerId, DunningLevel level, String note, String recordedBy,
        Instant recordedAt) {
}
