package org.partnerfinance.connectors.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.ledger.api.Money;

/**
 * What an {@link ExportConnector} writes (1.2): credit transfers from the company to partners, as selected by finance
 * and checked by the core. The debtor (the company's own account) is not part of the order: it is the connector's
 * configuration.
 *
 * @param messageId the order's id, unique per portal, at most 35 characters (ISO 20022 MsgId), e.g.
 *                  {@code PF-20261202-7}
 * @param createdAt when the order was created
 * @param transfers the credit transfers, at least one, in the order finance selected them
 */
public record PaymentOrder(String messageId, Instant createdAt, List<CreditTransfer> transfers) {

    public PaymentOrder {
        transfers = List.copyOf(transfers);
    }

    /** The number of transfers. */
    public int count() {
        return transfers.size();
    }

    /** The sum of all amounts regardless of currency, as ISO 20022's control sum counts it. */
    public BigDecimal controlSum() {
        return transfers.stream().map(t -> t.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * One transfer to a partner.
     *
     * @param paymentId     the portal payment it carries out
     * @param endToEndId    the reference that travels with the money and comes back on the bank statement (at most 35
     *                      characters); the camt connector confirms the payment by it
     * @param amount        positive amount and currency
     * @param executionDate the day the bank is asked to execute it: the payment's value date, or the export day when
     *                      that has passed
     * @param partnerId     the creditor's partner id
     * @param creditorName  the account holder's name (the partner's name unless the account names another holder)
     * @param creditorIban  the creditor's IBAN, valid and normalised
     * @param creditorBic   the creditor bank's BIC, or blank
     * @param remittance    unstructured remittance information for the partner (at most 140 characters), may be blank
     */
    public record CreditTransfer(long paymentId, String endToEndId, Money amount, LocalDate executionDate,
            String partnerId, String creditorName, String creditorIban, String creditorBic, String remittance) {
    }
}
