package org.partnerfinance.connector.camt.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.connector.camt.SuggestionKind;
import org.partnerfinance.documents.api.Direction;

/**
 * Something a bank entry may pay: an open (scheduled or reported) payment, or an open document without one.
 *
 * @param kind            payment or document
 * @param id              its id
 * @param version         its version when read (for the optimistic lock of the confirmation)
 * @param partnerId       the partner
 * @param partnerName     the partner's name, for matching the counterparty; may be {@code null}
 * @param direction       receivable (paid to the company: a credit) or payable (paid by the company: a debit)
 * @param amount          the payment's amount, or what is open of the document
 * @param currency        ISO 4217
 * @param endToEndId      the payment's end-to-end id; {@code null} for a document
 * @param remittance      the payment's remittance text; {@code null} for a document
 * @param documentNumbers the numbers of the documents it pays (a document: its own number)
 * @param documentIds     the ids of those documents
 * @param label           how finance recognises it
 * @param dueDate         a document's due date (splits take the oldest due first); {@code null} for a payment or a
 *                        document without one
 */
record OpenItem(SuggestionKind kind, long id, long version, String partnerId, String partnerName, Direction direction,
        BigDecimal amount, String currency, String endToEndId, String remittance, List<String> documentNumbers,
        List<Long> documentIds, String label, LocalDate dueDate) {

    OpenItem {
        documentNumbers = List.copyOf(documentNumbers);
        documentIds = List.copyOf(documentIds);
    }

    /** An item without a due date. */
    OpenItem(SuggestionKind kind, long id, long version, String partnerId, String partnerName, Direction direction,
            BigDecimal amount, String currency, String endToEndId, String remittance, List<String> documentNumbers,
            List<Long> documentIds, String label) {
        this(kind, id, version, partnerId, partnerName, direction, amount, currency, endToEndId, remittance,
                documentNumbers, documentIds, label, null);
    }
}
