package org.partnerfinance.ledger.api;

/** Account classes; the sign convention of a balance follows the class (debit-normal or credit-normal). */
public enum AccountType {
    ASSET(true), LIABILITY(false), EQUITY(false), INCOME(false), EXPENSE(true);

    private final boolean debitNormal;

    AccountType(boolean debitNormal) {
        this.debitNormal = debitNormal;
    }

    public boolean debitNormal() {
        return debitNormal;
    }
}
