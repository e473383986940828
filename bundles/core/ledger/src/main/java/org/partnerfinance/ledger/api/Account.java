package org.partnerfinance.ledger.api;

import java.util.Objects;

/**
 * An account of the chart of accounts, e.g. {@code 2150 Accrued partner claims}. Accounts are never deleted: an
 * account nobody should post to any more is deactivated ({@code active = false}) and keeps its history.
 *
 * @param code   1 to 10 digits or capital letters, unique
 * @param name   what the account holds, at most 100 characters
 * @param type   the account class, fixed once the account exists
 * @param active whether postings to the account are accepted
 */
public record Account(String code, String name, AccountType type, boolean active) {

    public Account {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** An active account. */
    public Account(String code, String name, AccountType type) {
        this(code, name, type, true);
    }
}
