package org.partnerfinance.connector.camt;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.partnerfinance.ledger.api.Money;

/**
 * An open document of the partner a bank entry may be split across (1.1).
 *
 * @param documentId the open invoice
 * @param number     its number
 * @param issueDate  when it was issued
 * @param dueDate    when it is due, may be {@code null}
 * @param open       what it has open, in the entry's currency
 * @param proposed   the share of the entry proposed for it: the entry's amount applied to the partner's documents
 *                   oldest due first, each at most what it has open; zero once the entry is used up
 */
public record SplitCandidate(long documentId, String number, LocalDate issueDate, LocalDate dueDate, Money open,
        BigDecimal proposed) {
}
