package org.partnerfinance.connector.camt.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * One booked amount of a bank statement or notification as the portal matches it: an entry ({@code Ntry}), or one
 * transaction of a batch entry whose transactions carry amounts of their own.
 *
 * @param messageType       {@code camt.053} or {@code camt.054}
 * @param version           the message version from the namespace, e.g. {@code 001.08}
 * @param messageId         the group header's message id
 * @param statementId       the statement's (notification's) id
 * @param account           the account's IBAN (or other id)
 * @param entryIndex        the entry's position in its statement, from 1
 * @param transactionIndex  0 for a whole entry, else the transaction's position in its batch entry, from 1
 * @param amount            the amount, positive
 * @param currency          ISO 4217
 * @param credit            a credit (money in: a partner paid a receivable) or a debit (money out: a payable was paid)
 * @param reversal          the bank reverses an earlier entry ({@code RvslInd})
 * @param status            {@code BOOK}, {@code PDNG}, {@code INFO}, ...
 * @param bookingDate       the bank's booking date
 * @param valueDate         the value date, may be {@code null}
 * @param accountServicerRef the bank's reference of the entry or transaction, may be {@code null}
 * @param endToEndId        the payer's end-to-end id, {@code null} when absent or {@code NOTPROVIDED}
 * @param counterpartyName  the debtor of a credit, the creditor of a debit; may be {@code null}
 * @param counterpartyIban  their account, may be {@code null}
 * @param creditorReference the structured creditor reference ({@code CdtrRefInf/Ref}), may be {@code null}
 * @param remittance        the unstructured remittance information, lines joined by a space; may be {@code null}
 */
record BankEntry(String messageType, String version, String messageId, String statementId, String account,
        int entryIndex, int transactionIndex, BigDecimal amount, String currency, boolean credit, boolean reversal,
        String status, LocalDate bookingDate, LocalDate valueDate, String accountServicerRef, String endToEndId,
        String counterpartyName, String counterpartyIban, String creditorReference, String remittance) {

    /** How people find it in the file. */
    String label() {
        String where = "statement " + statementId + " entry " + entryIndex
                + (transactionIndex > 0 ? " transaction " + transactionIndex : "");
        return accountServicerRef == null ? where : where + " (ref " + accountServicerRef + ")";
    }

    /**
     * The entry's identity across files: the bank's own reference on the account where it gives one (so the same
     * entry reported first in a camt.054 and then in the day's camt.053 is the same item), else the statement id,
     * the position and a hash of the content.
     */
    String externalId() {
        String key;
        if (accountServicerRef != null) {
            key = "ref:" + account + ":" + accountServicerRef + (transactionIndex > 0 ? "/" + transactionIndex : "");
        } else {
            key = "stmt:" + statementId + ":" + entryIndex + "." + transactionIndex + ":"
                    + sha256(content()).substring(0, 16);
        }
        return key.length() <= 255 ? key : "hash:" + sha256(key);
    }

    /** The reference a confirmed payment keeps: the bank's, or a stable hash of the entry's identity. */
    String bankReference() {
        if (accountServicerRef != null && accountServicerRef.length() <= 100 && transactionIndex == 0) {
            return accountServicerRef;
        }
        return "camt-" + sha256(externalId()).substring(0, 40);
    }

    /**
     * What the entry says, without where it was reported (message, statement): the same booking in a notification and
     * in a statement is the same content, so the second is a duplicate.
     */
    String content() {
        return String.join("|", account, amount.stripTrailingZeros().toPlainString(), currency, credit ? "C" : "D",
                Boolean.toString(reversal), String.valueOf(bookingDate), String.valueOf(valueDate),
                String.valueOf(accountServicerRef), String.valueOf(endToEndId), String.valueOf(counterpartyName),
                String.valueOf(counterpartyIban), String.valueOf(creditorReference), String.valueOf(remittance));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }
}
