package org.partnerfinance.funds.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A budget row: a programme's budget for one period and the sum allocated from it. Every allocation change
 * updates {@code allocated} under the row's {@link Version}, so two concurrent allocations cannot both take the
 * budget's last part.
 */
@Entity
@Table(name = "fund_budget")
public class BudgetEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "program_id", nullable = false)
    private String programId;

    @Column(name = "period_name", nullable = false)
    private String period;

    @Column(name = "currency", nullable = false)
    private String currency;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @Column(name = "amount", nullable = false)
    private BigDecimal amount;

    @Column(name = "allocated", nullable = false)
    private BigDecimal allocated;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    Long getId() {
        return id;
    }

    String getProgramId() {
        return programId;
    }

    void setProgramId(String programId) {
        this.programId = programId;
    }

    String getPeriod() {
        return period;
    }

    void setPeriod(String period) {
        this.period = period;
    }

    LocalDate getStartDate() {
        return startDate;
    }

    void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    LocalDate getEndDate() {
        return endDate;
    }

    void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    BigDecimal getAmount() {
        return amount;
    }

    void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    BigDecimal getAllocated() {
        return allocated;
    }

    void setAllocated(BigDecimal allocated) {
        this.allocated = allocated;
    }

    long getVersion() {
        return version;
    }

    String getCurrency() {
        return currency;
    }

    void setCurrency(String currency) {
        this.currency = currency;
    }
}
