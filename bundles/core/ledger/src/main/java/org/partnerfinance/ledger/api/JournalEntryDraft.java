package org.partnerfinance.ledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A journal entry before posting. {@link #validate()} enforces double entry: at least two lines and, per currency,
 * debits equal credits.
 *
 * @param date        accounting date; its month must be an open accounting period
 * @param description what happened
 * @param source      the business document that caused it, e.g. {@code claim:42}
 * @param lines       the lines, amounts in document currency
 * @param journal     the journal the entry belongs to ({@link Journals})
 */
public record JournalEntryDraft(LocalDate date, String description, String source, List<JournalLine> lines,
        String journal) {

    public JournalEntryDraft {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(description, "description");
        lines = List.copyOf(lines);
        Journals.requireValid(journal);
    }

    /** A draft of the {@link Journals#GENERAL general journal}. */
    public JournalEntryDraft(LocalDate date, String description, String source, List<JournalLine> lines) {
        this(date, description, source, lines, Journals.GENERAL);
    }

    /** @throws UnbalancedEntryException when the entry does not balance per currency or has fewer than two lines */
    public void validate() {
        if (lines.size() < 2) {
            throw new UnbalancedEntryException("A journal entry needs at least two lines.");
        }
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (JournalLine line : lines) {
            Currency c = line.amount().currency();
            sums.merge(c.getCurrencyCode(), line.signed().amount(), BigDecimal::add);
        }
        sums.forEach((currency, sum) -> {
            if (sum.signum() != 0) {
                throw new UnbalancedEntryException(
                        "Debits and credits differ by " + sum.abs().toPlainString() + " " + currency + ".");
            }
        });
    }

    /**
     * The entry that undoes this one: same lines (with their base amounts and rates, if any) with debit and credit
     * swapped, in the same journal.
     */
    public JournalEntryDraft reversal(LocalDate date, String description) {
        return new JournalEntryDraft(date, description, source,
                lines.stream().map(JournalLine::swapped).toList(), journal);
    }
}
