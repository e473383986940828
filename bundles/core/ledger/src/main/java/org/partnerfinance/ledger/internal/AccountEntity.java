package org.partnerfinance.ledger.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountType;

/** A row of the chart of accounts. Accounts are created by schema migrations only. */
@Entity
@Table(name = "ledger_account")
public class AccountEntity {

    @Id
    @Column(name = "code", length = 10)
    private String code;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false, length = 10)
    private AccountType type;

    public AccountEntity() {
    }

    public Account toAccount() {
        return new Account(code, name, type);
    }
}
