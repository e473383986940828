package org.partnerfinance.funds.api;

import java.util.Currency;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A funds programme, e.g. "Market development funds": the claim types it funds, the currency of its budgets and
 * allocations, and the expense account its commitments are posted to.
 *
 * @param id             short key chosen by finance, e.g. {@code MDF}
 * @param name           display name
 * @param claimTypes     ids of the claim types whose claims draw on the programme's allocations
 * @param currency       currency of every budget and allocation of the programme
 * @param expenseAccount ledger account the committed funds are expensed to (e.g. 6200 market development funds)
 * @param active         inactive programmes take no new budgets or allocations; existing ones run out as usual
 * @param version        optimistic-lock version (0 for a programme that is not stored yet)
 */
public record FundProgram(String id, String name, Set<String> claimTypes, Currency currency, String expenseAccount,
        boolean active, long version) {

    public FundProgram {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(expenseAccount, "expenseAccount");
        claimTypes = claimTypes == null ? Set.of() : Set.copyOf(new TreeSet<>(claimTypes));
    }

    /** Whether claims of this type draw on the programme. */
    public boolean funds(String claimTypeId) {
        return claimTypes.contains(claimTypeId);
    }
}
