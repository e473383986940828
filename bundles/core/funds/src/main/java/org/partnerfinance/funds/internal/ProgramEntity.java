package org.partnerfinance.funds.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A funds programme row; {@link Version} guards concurrent edits.
 */
@Entity
@Table(name = "fund_program")
public class ProgramEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "claim_types", nullable = false)
    private String claimTypes;

    @Column(name = "currency", nullable = false)
    private String currency;

    @Column(name = "expense_account", nullable = false)
    private String expenseAccount;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    String getId() {
        return id;
    }

    void setId(String id) {
        this.id = id;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    String getClaimTypes() {
        return claimTypes;
    }

    void setClaimTypes(String claimTypes) {
        this.claimTypes = claimTypes;
    }

    String getCurrency() {
        return currency;
    }

    void setCurrency(String currency) {
        this.currency = currency;
    }

    String getExpenseAccount() {
        return expenseAccount;
    }

    void setExpenseAccount(String expenseAccount) {
        this.expenseAccount = expenseAccount;
    }

    boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    long getVersion() {
        return version;
    }
}
