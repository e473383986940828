package org.partnerfinance.documents.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A statement of account of one partner in one currency: the balance at the start, every movement with its running
 * balance, the balance at the end and its aging. Positive balances: the partner owes the company. Receivables and
 * payables of the partner are netted on the same statement (the direction of each line says which side it is).
 *
 * @param partnerId   the partner
 * @param partnerName its name
 * @param currency    ISO 4217 code
 * @param from        first day of the movements
 * @param asOf        last day
 * @param opening     balance at the end of the day before {@code from}
 * @param closing     balance at the end of {@code asOf}: opening plus debits minus credits
 * @param lines       movements, oldest first
 * @param aging       the closing balance by overdue bucket; adds up to {@code closing}
 */
public record Statement(String partnerId, String partnerName, String currency, LocalDate from, LocalDate asOf,
        BigDecimal opening, BigDecimal closing, List<StatementLine> lines, Aging aging) {

    public Statement {
        lines = List.copyOf(lines);
    }
}
