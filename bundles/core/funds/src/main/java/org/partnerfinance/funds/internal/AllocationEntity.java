package org.partnerfinance.funds.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.partnerfinance.funds.api.AllocationStatus;

/**
 * An allocation row with its buckets. Every reservation, approval, payment and expiry updates the buckets
 * under the row's {@link Version}: concurrent changes of one allocation conflict instead of overdrawing it.
 */
@Entity
@Table(name = "fund_allocation")
public class AllocationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "budget_id", nullable = false)
    private long budgetId;

    @Column(name = "program_id", nullable = false)
    private String programId;

    @Column(name = "partner_id", nullable = false)
    private String partnerId;

    @Column(name = "currency", nullable = false)
    private String currency;

    @Column(name = "allocated", nullable = false)
    private BigDecimal allocated;

    @Column(name = "reserved", nullable = false)
    private BigDecimal reserved;

    @Column(name = "approved", nullable = false)
    private BigDecimal approved;

    @Column(name = "paid", nullable = false)
    private BigDecimal paid;

    @Column(name = "expired", nullable = false)
    private BigDecimal expired;

    @Column(name = "expiry_date", nullable = false)
    private LocalDate expiryDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private AllocationStatus status;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    Long getId() {
        return id;
    }

    long getBudgetId() {
        return budgetId;
    }

    void setBudgetId(long budgetId) {
        this.budgetId = budgetId;
    }

    String getProgramId() {
        return programId;
    }

    void setProgramId(String programId) {
        this.programId = programId;
    }

    String getPartnerId() {
        return partnerId;
    }

    void setPartnerId(String partnerId) {
        this.partnerId = partnerId;
    }

    String getCurrency() {
        return currency;
    }

    void setCurrency(String currency) {
        this.currency = currency;
    }

    BigDecimal getAllocated() {
        return allocated;
    }

    void setAllocated(BigDecimal allocated) {
        this.allocated = allocated;
    }

    BigDecimal getReserved() {
        return reserved;
    }

    void setReserved(BigDecimal reserved) {
        this.reserved = reserved;
    }

    BigDecimal getApproved() {
        return approved;
    }

    void setApproved(BigDecimal approved) {
        this.approved = approved;
    }

    BigDecimal getPaid() {
        return paid;
    }

    void setPaid(BigDecimal paid) {
        this.paid = paid;
    }

    BigDecimal getExpired() {
        return expired;
    }

    void setExpired(BigDecimal expired) {
        this.expired = expired;
    }

    LocalDate getExpiryDate() {
        return expiryDate;
    }

    void setExpiryDate(LocalDate expiryDate) {
        this.expiryDate = expiryDate;
    }

    AllocationStatus getStatus() {
        return status;
    }

    void setStatus(AllocationStatus status) {
        this.status = status;
    }

    String getCreatedBy() {
        return createdBy;
    }

    void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    long getVersion() {
        return version;
    }
}
