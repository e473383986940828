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

    @Column(name = "approved_amount", precision = 19, scale = 4)
    private BigDecimal approvedAmount;

    @Column(name = "partial_reason", length = 1000)
    private String partialReason;

    @Column(name = "status_note", length = 1000)
    private String statusNote;

    @Column(name = "submissions", nullable = false)
    private int submissions;

    @Column(name = "current_step", nullable = false)
    private int currentStep;

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

    /** Submits (or resubmits) the claim: a new version whose approval chain starts at its first step. */
    void submit(Instant at, Money eligible) {
        requireCanMoveTo(ClaimStatus.SUBMITTED);
        status = ClaimStatus.SUBMITTED;
        submittedAt = at;
        eligibleAmount = eligible.amount();
        approvedAmount = null;
        partialReason = null;
        statusNote = null;
        submissions++;
        currentStep = 1;
    }

    /** @throws IllegalTransitionException unless the claim is a draft or returned */
    void requireEditable() {
        if (status != ClaimStatus.DRAFT && status != ClaimStatus.RETURNED) {
            throw new IllegalTransitionException("Claim " + reference + " is " + label(status)
                    + " and cannot be changed; only drafts and returned claims can.");
        }
    }

    /** Changes what a draft or returned claim says. */
    void edit(LocalDate newDate, String newDescription, Money newAmount, Money newEligible) {
        requireEditable();
        date = newDate;
        description = newDescription;
        amount = newAmount.amount();
        currency = newAmount.currency().getCurrencyCode();
        eligibleAmount = newEligible.amount();
    }

    /**
     * Approves the current step for {@code approved} (the eligible amount, or less after a partial approval, with its
     * reason); the claim stays submitted while steps remain.
     */
    void approveStep(Money approved, String reason) {
        requireCanMoveTo(ClaimStatus.APPROVED);
        if (reason != null) {
            partialReason = reason;
        }
        approvedAmount = approved.amount();
        currentStep++;
    }

    /** The last step approved: the claim is approved for {@link #approvedAmount()}. */
    void approve(String by, Instant at, String comment, AccountingRule rule) {
        requireCanMoveTo(ClaimStatus.APPROVED);
        status = ClaimStatus.APPROVED;
        if (approvedAmount == null) {
            approvedAmount = eligibleAmount;
        }
        currentStep = 0;
        decidedBy = by;
        decidedAt = at;
        decisionComment = comment;
        // a type without an accounting rule (a pre-approval) leaves the accounts empty: nothing accrued, nothing to settle
        expenseAccount = rule == null ? null : rule.expenseAccount();
        accrualAccount = rule == null ? null : rule.accrualAccount();
        settlementAccount = rule == null ? null : rule.settlementAccount();
    }

    void reject(String by, Instant at, String code, String comment) {
        requireCanMoveTo(ClaimStatus.REJECTED);
        status = ClaimStatus.REJECTED;
        currentStep = 0;
        decidedBy = by;
        decidedAt = at;
        rejectionCode = code;
        decisionComment = comment;
    }

    /** Back to the partner with a question; the approvals of this submission no longer count. */
    void returnForInformation(String by, Instant at, String question) {
        requireCanMoveTo(ClaimStatus.RETURNED);
        status = ClaimStatus.RETURNED;
        currentStep = 0;
        approvedAmount = null;
        partialReason = null;
        statusNote = question;
        decidedBy = by;
        decidedAt = at;
    }

    void withdraw(Instant at, String reason) {
        requireCanMoveTo(ClaimStatus.WITHDRAWN);
        status = ClaimStatus.WITHDRAWN;
        currentStep = 0;
        statusNote = reason;
        decidedAt = at;
    }

    /**
     * Closes an approved pre-approval (approved without an accounting rule, so nothing accrued) with the reason; who
     * approved it and when stay recorded.
     *
     * @throws IllegalTransitionException when the claim is not approved, or its approval accrued an amount (such a
     *                                    claim is settled, not closed)
     */
    void close(String reason) {
        requireCanMoveTo(ClaimStatus.CLOSED);
        if (accountingRule() != null) {
            throw new IllegalTransitionException("Claim " + reference + " (" + typeName + ") accrued its approved "
                    + "amount and cannot be closed: it is settled or paid. Only a pre-approval is closed.");
        }
        status = ClaimStatus.CLOSED;
        statusNote = reason;
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

    /** What was approved and is accrued: the eligible amount, or less after a partial approval. */
    public Money approvedAmount() {
        return approvedAmount == null ? null : Money.of(approvedAmount, currency);
    }

    /** The amount the accrual and its settlement post: the approved amount (the eligible one before approval). */
    public Money accruedAmount() {
        return approvedAmount != null ? approvedAmount() : eligibleAmount();
    }

    public String getPartialReason() {
        return partialReason;
    }

    public String getStatusNote() {
        return statusNote;
    }

    public int getSubmissions() {
        return submissions;
    }

    public int getCurrentStep() {
        return currentStep;
    }

    public String getRejectionCode() {
        return rejectionCode;
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
