package org.partnerfinance.connector.camt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.ledger.api.Money;

/**
 * A bank entry as the reconciliation queue keeps it.
 *
 * @param id                the queue's id
 * @param messageType       {@code camt.053} or {@code camt.054}
 * @param statementId       the statement's or notification's id
 * @param entryIndex        position in the statement (from 1)
 * @param transactionIndex  0 for a whole entry, else the transaction's position in its batch entry
 * @param amount            amount, positive
 * @param credit            money in (a partner paid) or out (the company paid)
 * @param bookingDate       the bank's booking date
 * @param valueDate         value date, may be {@code null}
 * @param bankReference     the reference a confirmed payment gets (the bank's, or a stable hash)
 * @param endToEndId        may be {@code null}
 * @param creditorReference may be {@code null}
 * @param counterpartyName  may be {@code null}
 * @param counterpartyIban  may be {@code null}
 * @param remittance        unstructured remittance information, may be {@code null}
 * @param status            open, matched or dismissed
 * @param paymentId         the confirmed payment once matched
 * @param resolvedBy        who matched or dismissed it ({@code import} for the import's own match)
 * @param resolution        how: the evidence of the match, or the reason of the dismissal
 * @param createdAt         when it was imported
 * @param suggestions       ranked candidates (for an open entry)
 * @param version           optimistic-lock version
 */
public record BankEntryView(long id, String messageType, String statementId, int entryIndex, int transactionIndex,
        Money amount, boolean credit, LocalDate bookingDate, LocalDate valueDate, String bankReference,
        String endToEndId, String creditorReference, String counterpartyName, String counterpartyIban,
        String remittance, EntryStatus status, Long paymentId, String resolvedBy, String resolution, Instant createdAt,
        List<Suggestion> suggestions, long version) {

    public BankEntryView {
        suggestions = List.copyOf(suggestions);
    }
}
