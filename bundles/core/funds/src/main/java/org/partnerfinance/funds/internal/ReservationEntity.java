package org.partnerfinance.funds.internal;

import java.math.BigDecimal;
import java.time.Instant;

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

import org.partnerfinance.funds.api.ReservationStatus;

/**
 * A reservation row: funds held for one reference against one allocation.
 */
@Entity
@Table(name = "fund_reservation")
public class ReservationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "allocation_id", nullable = false)
    private long allocationId;

    @Column(name = "partner_id", nullable = false)
    private String partnerId;

    @Column(name = "reference", nullable = false)
    private String reference;

    @Column(name = "currency", nullable = false)
    private String currency;

    @Column(name = "reserved", nullable = false)
    private BigDecimal reserved;

    @Column(name = "approved", nullable = false)
    private BigDecimal approved;

    @Column(name = "paid", nullable = false)
    private BigDecimal paid;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ReservationStatus status;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    Long getId() {
        return id;
    }

    long getAllocationId() {
        return allocationId;
    }

    void setAllocationId(long allocationId) {
        this.allocationId = allocationId;
    }

    String getPartnerId() {
        return partnerId;
    }

    void setPartnerId(String partnerId) {
        this.partnerId = partnerId;
    }

    String getReference() {
        return reference;
    }

    void setReference(String reference) {
        this.reference = reference;
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

    ReservationStatus getStatus() {
        return status;
    }

    void setStatus(ReservationStatus status) {
        this.status = status;
    }

    String getCreatedBy() {
        return createdBy;
    }

    void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
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
