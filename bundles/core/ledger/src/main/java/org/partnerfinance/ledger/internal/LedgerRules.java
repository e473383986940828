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

import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.Balance;
import org.partnerfinance.ledger.api.JournalEntry;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.api.UnbalancedEntryException;

/** The ledger's rules as pure functions: what may be posted, how a reversal looks, how balances are signed. */
final class LedgerRules {

    static final int MAX_DESCRIPTION = 500;
    static final int MAX_SOURCE = 100;
    static final int MAX_PARTNER_ID = 20;

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
     * The draft that undoes a posted entry: the same lines with debit and credit swapped, dated {@code date}, with the
     * original source so both show up for the same business document.
     */
    static JournalEntryDraft reversalOf(JournalEntry entry, LocalDate date, String reason) {
        String description = "Reversal of entry " + entry.id() + ": " + reason.strip();
        return new JournalEntryDraft(entry.date(), entry.description(), entry.source(), entry.lines())
                .reversal(date, description);
    }

    /** Debit or credit total of one account, currency and side, as summed by the database. */
    record SideTotal(String accountCode, String currency, JournalLine.Side side, BigDecimal sum) {
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
