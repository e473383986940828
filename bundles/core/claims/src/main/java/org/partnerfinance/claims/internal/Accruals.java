package org.partnerfinance.claims.internal;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.partnerfinance.ledger.api.JournalEntry;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Money;

/**
 * What a claim's journal entries leave on its accrual account, and which of them settlement reverses. Reading the
 * ledger rather than the claim's amounts makes settlement undo exactly what was accrued, whatever the approval accrued
 * (a partial approval accrues less than was claimed).
 */
final class Accruals {

    private Accruals() {
    }

    /** Credits minus debits on the accrual account in the claim's currency, over all the claim's entries. */
    static Money open(List<JournalEntry> entries, String accrualAccount, Currency currency) {
        Money open = Money.zero(currency);
        for (JournalEntry entry : entries) {
            for (JournalLine line : entry.lines()) {
                if (line.accountCode().equals(accrualAccount) && line.amount().currency().equals(currency)
                        && line.amount().signum() != 0) {
                    open = open.minus(line.signed());
                }
            }
        }
        return open;
    }

    /**
     * The entries to reverse so that the accrual account nets to zero for the claim: those touching the accrual
     * account that are no reversal themselves and have not been reversed yet.
     */
    static List<JournalEntry> toReverse(List<JournalEntry> entries, String accrualAccount) {
        Set<Long> reversed = new HashSet<>();
        for (JournalEntry entry : entries) {
            if (entry.reverses() != null) {
                reversed.add(entry.reverses());
            }
        }
        List<JournalEntry> result = new ArrayList<>();
        for (JournalEntry entry : entries) {
            boolean touches = entry.lines().stream().anyMatch(l -> l.accountCode().equals(accrualAccount));
            if (touches && entry.reverses() == null && !reversed.contains(entry.id())) {
                result.add(entry);
            }
        }
        return result;
    }
}
