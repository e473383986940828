package org.partnerfinance.documents.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The partner sub-ledger reconciled with its control accounts as of a date: how many partner/currency/account
 * combinations were compared and every one that differs.
 */
public record Reconciliation(LocalDate asOf, int compared, List<ReconciliationDifference> differences) {

    public Reconciliation {
        differences = List.copyOf(differences);
    }

    public boolean reconciled() {
        return differences.isEmpty();
    }
}
