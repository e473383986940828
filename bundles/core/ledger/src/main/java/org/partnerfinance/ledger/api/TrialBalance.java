package org.partnerfinance.ledger.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trial balance as of a date: every account with postings on or before that date, per document currency, with its
 * debit and credit totals in that currency and in the base currency. Double entry means the totals balance: debits
 * equal credits per document currency, and in the base currency over all rows.
 *
 * @param asOf         last entry date included
 * @param baseCurrency the base currency of the base columns
 * @param rows         sorted by account code and currency
 */
public record TrialBalance(LocalDate asOf, Currency baseCurrency, List<Row> rows) {

    public TrialBalance {
        rows = List.copyOf(rows);
    }

    /**
     * One account in one document currency.
     *
     * @param debit      sum of the debit lines in the document currency
     * @param credit     sum of the credit lines in the document currency
     * @param baseDebit  sum of the same debit lines in the base currency
     * @param baseCredit sum of the same credit lines in the base currency
     */
    public record Row(Account account, Money debit, Money credit, Money baseDebit, Money baseCredit) {

        public Currency currency() {
            return debit.currency();
        }

        /** Debit minus credit in the document currency (positive = debit balance). */
        public Money balance() {
            return debit.minus(credit);
        }

        /** Debit minus credit in the base currency. */
        public Money baseBalance() {
            return baseDebit.minus(baseCredit);
        }
    }

    /** Debit and credit totals of one document currency. */
    public record CurrencyTotal(Money debit, Money credit) {

        public Currency currency() {
            return debit.currency();
        }

        public Money balance() {
            return debit.minus(credit);
        }
    }

    /** Totals per document currency, sorted by currency code. */
    public List<CurrencyTotal> totalsByCurrency() {
        Map<String, Money[]> totals = new TreeMap<>();
        for (Row row : rows) {
            Money[] t = totals.computeIfAbsent(row.currency().getCurrencyCode(),
                    c -> new Money[] {Money.zero(row.currency()), Money.zero(row.currency())});
            t[0] = t[0].plus(row.debit());
            t[1] = t[1].plus(row.credit());
        }
        List<CurrencyTotal> result = new ArrayList<>();
        totals.values().forEach(t -> result.add(new CurrencyTotal(t[0], t[1])));
        return result;
    }

    /** Sum of the base debits of all rows. */
    public Money baseDebit() {
        return rows.stream().map(Row::baseDebit).reduce(Money.zero(baseCurrency), Money::plus);
    }

    /** Sum of the base credits of all rows. */
    public Money baseCredit() {
        return rows.stream().map(Row::baseCredit).reduce(Money.zero(baseCurrency), Money::plus);
    }

    /** Whether debits equal credits in every document currency and in the base currency. */
    public boolean balanced() {
        return baseDebit().equals(baseCredit())
                && totalsByCurrency().stream().allMatch(t -> t.balance().isZero());
    }
}
