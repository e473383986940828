package org.partnerfinance.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.Currency;

import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.Balance;
import org.partnerfinance.ledger.api.JournalEntry;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.api.TrialBalance;
import org.partnerfinance.ledger.api.UnbalancedEntryException;

/** The ledger's rules as pure functions: what may be posted, how a reversal looks, how balances are signed. */
final class LedgerRules {

    static final int MAX_DESCRIPTION = 500;
    static final int MAX_SOURCE = 100;
    static final int MAX_PARTNER_ID = 20;
    static final int MAX_ACCOUNT_NAME = 100;

    private LedgerRules() {
    }

    /**
     * Checks a draft before posting: a description, double entry per currency (at least two lines, debits equal
     * credits in every currency) and known accounts only.
     *
     * @throws UnbalancedEntryException when the draft may not be posted
     */
    static void checkPostable(JournalEntryDraft draft, Set<String> knownAccounts) {
        if (draft == null) {
            throw new UnbalancedEntryException("A journal entry is required.");
        }
        if (draft.description().isBlank()) {
            throw new UnbalancedEntryException("A journal entry needs a description.");
        }
        if (draft.description().length() > MAX_DESCRIPTION) {
            throw new UnbalancedEntryException(
                    "A journal entry description has at most " + MAX_DESCRIPTION + " characters.");
        }
        if (draft.source() != null && draft.source().length() > MAX_SOURCE) {
            throw new UnbalancedEntryException("A journal entry source has at most " + MAX_SOURCE + " characters.");
        }
        draft.validate();
        for (JournalLine line : draft.lines()) {
            if (!knownAccounts.contains(line.accountCode())) {
                throw new UnbalancedEntryException("Unknown account: " + line.accountCode());
            }
            if (line.partnerId() != null && line.partnerId().length() > MAX_PARTNER_ID) {
                throw new UnbalancedEntryException("Unknown partner id on a journal line: " + line.partnerId());
            }
        }
    }

    /**
     * {@link #checkPostable(JournalEntryDraft, Set)} against the chart of accounts, which also refuses postings to
     * inactive accounts.
     */
    static void checkPostable(JournalEntryDraft draft, Map<String, Account> chart) {
        checkPostable(draft, chart.keySet());
        for (JournalLine line : draft.lines()) {
            Account account = chart.get(line.accountCode());
            if (!account.active()) {
                throw new UnbalancedEntryException("Account " + account.code() + " " + account.name()
                        + " is inactive: nothing can be posted to it.");
            }
        }
    }

    /** A code for a new account: 1 to 10 digits or capital letters. */
    static String requireAccountCode(String code) {
        if (code == null || !code.strip().matches("[0-9A-Z]{1,10}")) {
            throw new IllegalArgumentException("An account code has 1 to 10 digits or capital letters, e.g. 6300.");
        }
        return code.strip();
    }

    /** An account name: not blank, at most 100 characters. */
    static String requireAccountName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Give the account a name.");
        }
        if (name.strip().length() > MAX_ACCOUNT_NAME) {
            throw new IllegalArgumentException("An account name has at most " + MAX_ACCOUNT_NAME + " characters.");
        }
        return name.strip();
    }

    /** A reason (for a reversal or a reopening): not blank, at most {@code max} characters. */
    static String requireReason(String reason, int max, String what) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Give a reason for the " + what + ".");
        }
        if (reason.strip().length() > max) {
            throw new IllegalArgumentException("A " + what + " reason has at most " + max + " characters.");
        }
        return reason.strip();
    }

    /**
     * The draft that undoes a posted entry: the same lines with debit and credit swapped, dated {@code date}, with the
     * original source so both show up for the same business document.
     */
    static JournalEntryDraft reversalOf(JournalEntry entry, LocalDate date, String reason) {
        String description = "Reversal of entry " + entry.id() + ": " + reason.strip();
        return new JournalEntryDraft(entry.date(), entry.description(), entry.source(), entry.lines(),
                entry.journal()).reversal(date, description);
    }

    /**
     * Debit or credit total of one account, currency and side, as summed by the database, with the sum of the same
     * lines' base amounts.
     */
    record SideTotal(String accountCode, String currency, JournalLine.Side side, BigDecimal sum, BigDecimal baseSum) {
        SideTotal(String accountCode, String currency, JournalLine.Side side, BigDecimal sum) {
            this(accountCode, currency, side, sum, BigDecimal.ZERO);
        }
    }

    /**
     * The trial balance from debit and credit totals per account, currency and side: one row per account and document
     * currency, sorted by account code and currency.
     */
    static TrialBalance trialBalance(LocalDate asOf, Currency base, Map<String, Account> accounts,
            List<SideTotal> totals) {
        Map<List<String>, BigDecimal[]> sums = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (SideTotal t : totals) {
            BigDecimal[] s = sums.computeIfAbsent(List.of(t.accountCode(), t.currency()),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            int offset = t.side() == JournalLine.Side.DEBIT ? 0 : 1;
            s[offset] = s[offset].add(t.sum());
            s[offset + 2] = s[offset + 2].add(t.baseSum());
        }
        List<TrialBalance.Row> rows = new ArrayList<>();
        sums.forEach((key, s) -> {
            Account account = Objects.requireNonNull(accounts.get(key.get(0)), "account " + key.get(0));
            Currency currency = Money.currency(key.get(1));
            rows.add(new TrialBalance.Row(account, new Money(s[0], currency), new Money(s[1], currency),
                    new Money(s[2], base), new Money(s[3], base)));
        });
        return new TrialBalance(asOf, base, rows);
    }

    /**
     * Balances of one partner: per account and currency, debits minus credits for debit-normal accounts (assets,
     * expenses) and credits minus debits for the others, so an amount owed to the partner is positive. Zero balances
     * are left out; the result is sorted by account code and currency.
     */
    static List<Balance> balances(String partnerId, Map<String, Account> accounts, List<SideTotal> totals) {
        Map<List<String>, BigDecimal> debitMinusCredit = new HashMap<>();
        for (SideTotal t : totals) {
            BigDecimal signed = t.side() == JournalLine.Side.DEBIT ? t.sum() : t.sum().negate();
            debitMinusCredit.merge(List.of(t.accountCode(), t.currency()), signed, BigDecimal::add);
        }
        List<Balance> result = new ArrayList<>();
        debitMinusCredit.forEach((key, net) -> {
            Account account = Objects.requireNonNull(accounts.get(key.get(0)), "account " + key.get(0));
            BigDecimal amount = account.type().debitNormal() ? net : net.negate();
            if (amount.signum() != 0) {
                result.add(new Balance(account, partnerId, Money.of(amount, key.get(1))));
            }
        });
        result.sort(Comparator.comparing((Balance b) -> b.account().code())
                .thenComparing(b -> b.amount().currency().getCurrencyCode()));
        return result;
    }
}
