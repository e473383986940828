package org.partnerfinance.ledger.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountType;

/**
 * A row of the chart of accounts. The type never changes once the account exists (postings were made under it); name
 * and active flag do, under optimistic locking.
 */
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

    @Column(name = "active", nullable = false)
    private boolean active;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    public AccountEntity() {
    }

    AccountEntity(String code, String name, AccountType type) {
        this.code = code;
        this.name = name;
        this.type = type;
        this.active = true;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    public Account toAccount() {
        return new Account(code, name, type, active);
    }
}
