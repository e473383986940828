package org.partnerfinance.claims.api;

import java.time.Instant;

/**
 * What one service-level run ({@link ClaimService#runServiceLevels}) sent: each open step gets at most one reminder
 * before its due date and at most one escalation after it.
 */
public record ServiceLevelRun(Instant asOf, int reminders, int escalations) {
}
