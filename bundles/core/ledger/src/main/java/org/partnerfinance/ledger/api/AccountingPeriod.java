package org.partnerfinance.ledger.api;

import java.time.Instant;
import java.time.YearMonth;

/**
 * The state of one accounting period (a calendar month). A month nobody has closed is open; closing and reopening
 * leave a record with who did it, when and (for a reopening) why.
 *
 * @param period    the month
 * @param closed    whether postings dated in this month are refused
 * @param changedBy who closed or reopened it last
 * @param changedAt when
 * @param reason    why it was reopened (empty for a closing)
 */
public record AccountingPeriod(YearMonth period, boolean closed, String changedBy, Instant changedAt, String reason) {
}
