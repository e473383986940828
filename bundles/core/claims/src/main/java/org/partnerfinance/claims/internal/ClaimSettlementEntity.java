package org.partnerfinance.claims.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.partnerfinance.claims.api.ClaimSettlement;
import org.partnerfinance.claims.api.SettlementMethod;
import org.partnerfinance.claims.api.SettlementPlan;
import org.partnerfinance.ledger.api.Money;

/**
 * The settlement of one claim: the plan made when it was scheduled, the documents that settle it, whether its accrual
 * was reversed, and when it was settled. Changed only together with its claim, in the claim's unit of work.
 */
@Entity
@Table(name = "claim_settlement")
public class ClaimSettlementEntity {

    @Id
    @Column(name = "claim_id")
    private Long claimId;

    @Column(name = "partner_id", nullable = false, length = 20)
    private String partnerId;

    @Column(name = "claim_reference", nullable = false, length = 20)
    private String claimReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", nullable = false, length = 12)
    private SettlementMethod method;

    @Column(name = "planned_date", nullable = false)
    private LocalDate plannedDate;

    @Column(name = "amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "document_id")
    private Long documentId;

    @Column(name = "document_number", length = 100)
    private String documentNumber;

    @Column(name = "payment_id")
    private Long paymentId;

    @Column(name = "scheduled_by", nullable = false, length = 100)
    private String scheduledBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "scheduled_at", nullable = false, length = 24)
    private Instant scheduledAt;

    @Column(name = "accrual_reversed", nullable = false)
    private boolean accrualReversed;

    @Column(name = "settlement_reference", length = 100)
    private String settlementReference;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "settled_at", length = 24)
    private Instant settledAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public ClaimSettlementEntity() {
    }

    ClaimSettlementEntity(ClaimEntity claim, SettlementPlan plan, Money amount, String scheduledBy,
            Instant scheduledAt) {
        this.claimId = claim.getId();
        this.partnerId = claim.getPartnerId();
        this.claimReference = claim.getReference();
        this.method = plan.method();
        this.plannedDate = plan.date();
        this.amount = amount.amount();
        this.currency = amount.currency().getCurrencyCode();
        this.documentId = plan.documentId();
        this.documentNumber = plan.documentNumber();
        this.paymentId = plan.paymentId();
        this.scheduledBy = scheduledBy;
        this.scheduledAt = scheduledAt;
    }

    /** The stored plan. */
    SettlementPlan plan() {
        return new SettlementPlan(method, plannedDate, documentId, documentNumber, paymentId);
    }

    /** Takes the documents a later step created (a credit note issued on its date); a given plan keeps the method. */
    void attach(SettlementPlan plan) {
        if (plan.documentId() != null) {
            documentId = plan.documentId();
            documentNumber = plan.documentNumber();
        }
        if (plan.paymentId() != null) {
            paymentId = plan.paymentId();
        }
    }

    void accrualReversed() {
        accrualReversed = true;
    }

    void settled(String reference, Instant at) {
        settlementReference = reference;
        settledAt = at;
    }

    boolean isAccrualReversed() {
        return accrualReversed;
    }

    Long getDocumentId() {
        return documentId;
    }

    SettlementMethod getMethod() {
        return method;
    }

    Money amount() {
        return Money.of(amount, currency);
    }

    ClaimSettlement toRecord() {
        return new ClaimSettlement(claimId, partnerId, claimReference, amount(), plan(), scheduledBy, scheduledAt,
                accrualReversed, settlementReference, settledAt);
    }
}
