package org.partnerfinance.claims.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

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

import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.IllegalTransitionException;
import org.partnerfinance.claims.api.RejectionReason;
import org.partnerfinance.ledger.api.Money;

/**
 * A claim row: the aggregate whose status moves through the lifecycle of {@link ClaimStatus}. Every change goes
 * through a method that checks the move first; {@link Version} makes concurrent changes of one claim fail instead of
 * overwriting each other.
 */
@Entity
@Table(name = "claim")
public class ClaimEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "reference", length = 20)
    private String reference;

    @Column(name = "partner_id", nullable = false, length = 20)
    private String partnerId;

    @Column(name = "type_id", nullable = false, length = 64)
    private String typeId;

    @Column(name = "type_name", nullable = false, length = 200)
    private String typeName;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private ClaimStatus status;

    @Column(name = "claim_date", nullable = false)
    private LocalDate date;

    @Column(name = "description", nullable = false, length = 1000)
    private String description;

    @Column(name = "amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "eligible_amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal eligibleAmount;

    @Column(name = "rejection_code", length = 8)
    private String rejectionCode;

    @Column(name = "decision_comment", length = 1000)
    private String decisionComment;

    @Column(name = "decided_by", length = 100)
    private String decidedBy;

    @Column(name = "payment_reference", length = 100)
    private String paymentReference;

    @Column(name = "expense_account", length = 10)
    private String expenseAccount;

    @Column(name = "accrual_account", length = 10)
    private String accrualAccount;

    @Column(name = "settlement_account", length = 10)
    private String settlementAccount;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false, length = 24)
    private Instant createdAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "submitted_at", length = 24)
    private Instant submittedAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "decided_at", length = 24)
    private Instant decidedAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "paid_at", length = 24)
    private Instant paidAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public ClaimEntity() {
    }

    /** A new claim in status DRAFT. */
    ClaimEntity(String partnerId, String typeId, String typeName, LocalDate date, String description, Money amount,
            Money eligibleAmount, String createdBy, Instant createdAt) {
        this.partnerId = partnerId;
        this.typeId = typeId;
        this.typeName = typeName;
        this.status = ClaimStatus.DRAFT;
        this.date = date;
        this.description = description;
        this.amount = amount.amount();
        this.currency = amount.currency().getCurrencyCode();
        this.eligibleAmount = eligibleAmount.amount();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** The human reference, e.g. {@code CLM-000042}, derived from the id the database assigned. */
    static String referenceOf(long id) {
        return String.format(Locale.ROOT, "CLM-%06d", id);
    }

    void assignReference() {
        this.reference = referenceOf(id);
    }

    /** @throws IllegalTransitionException when the lifecycle does not allow moving to {@code next} */
    void requireCanMoveTo(ClaimStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Claim " + reference + " is " + label(status) + " and cannot be "
                    + verb(next) + ".");
        }
    }

    void submit(Instant at, Money eligible) {
        requireCanMoveTo(ClaimStatus.SUBMITTED);
        status = ClaimStatus.SUBMITTED;
        submittedAt = at;
        eligibleAmount = eligible.amount();
    }

    void approve(String by, Instant at, String comment, AccountingRule rule) {
        requireCanMoveTo(ClaimStatus.APPROVED);
        status = ClaimStatus.APPROVED;
        decidedBy = by;
        decidedAt = at;
        decisionComment = comment;
        expenseAccount = rule.expenseAccount();
        accrualAccount = rule.accrualAccount();
        settlementAccount = rule.settlementAccount();
    }

    void reject(String by, Instant at, RejectionReason reason, String comment) {
        requireCanMoveTo(ClaimStatus.REJECTED);
        status = ClaimStatus.REJECTED;
        decidedBy = by;
        decidedAt = at;
        rejectionCode = reason.code();
        decisionComment = comment;
    }

    void markPaid(Instant at, String reference) {
        requireCanMoveTo(ClaimStatus.PAID);
        status = ClaimStatus.PAID;
        paidAt = at;
        paymentReference = reference;
    }

    private static String label(ClaimStatus status) {
        return status == ClaimStatus.DRAFT ? "a draft" : status.name().toLowerCase(Locale.ROOT);
    }

    private static String verb(ClaimStatus next) {
        return next == ClaimStatus.DRAFT ? "a draft again" : next.name().toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public String getPartnerId() {
        return partnerId;
    }

    public String getTypeId() {
        return typeId;
    }

    public String getTypeName() {
        return typeName;
    }

    public ClaimStatus getStatus() {
        return status;
    }

    public LocalDate getDate() {
        return date;
    }

    public String getDescription() {
        return description;
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    public Money eligibleAmount() {
        return Money.of(eligibleAmount, currency);
    }

    public RejectionReason rejectionReason() {
        return rejectionCode == null ? null : RejectionReason.byCode(rejectionCode).orElse(RejectionReason.OTHER);
    }

    public String getDecisionComment() {
        return decisionComment;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getPaymentReference() {
        return paymentReference;
    }

    /** The accounting rule stored at approval, or {@code null} before. */
    public AccountingRule accountingRule() {
        return accrualAccount == null ? null
                : new AccountingRule(expenseAccount, accrualAccount, settlementAccount);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public long getVersion() {
        return version;
    }

    /** Approved → scheduled for settlement; the plan is kept beside the claim ({@link ClaimSettlementEntity}). */
    void scheduleSettlement() {
        requireCanMoveTo(ClaimStatus.SCHEDULED);
        status = ClaimStatus.SCHEDULED;
    }
}
