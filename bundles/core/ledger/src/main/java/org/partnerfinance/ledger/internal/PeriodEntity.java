package org.partnerfinance.ledger.internal;

import java.time.Instant;
import java.time.YearMonth;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.partnerfinance.ledger.api.AccountingPeriod;

/** A month that has been closed or reopened; months without a row are open. */
@Entity
@Table(name = "ledger_period")
public class PeriodEntity {

    @Id
    @Column(name = "period", length = 7)
    private String period;

    @Column(name = "closed", nullable = false)
    private boolean closed;

    @Column(name = "changed_by", nullable = false, length = 100)
    private String changedBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "changed_at", nullable = false, length = 24)
    private Instant changedAt;

    @Column(name = "reason", nullable = false, length = 300)
    private String reason;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    public PeriodEntity() {
    }

    PeriodEntity(YearMonth period) {
        this.period = period.toString();
    }

    void change(boolean closed, String by, Instant at, String reason) {
        this.closed = closed;
        this.changedBy = by;
        this.changedAt = at;
        this.reason = reason;
    }

    boolean isClosed() {
        return closed;
    }

    AccountingPeriod toPeriod() {
        return new AccountingPeriod(YearMonth.parse(period), closed, changedBy, changedAt, reason);
    }
}
