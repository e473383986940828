package org.partnerfinance.documents.internal;

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

import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.PaymentMethod;
import org.partnerfinance.documents.api.PaymentStatus;

/** A payment row; {@link Version} makes a confirmation and an allocation of the same payment at once conflict. */
@Entity
@Table(name = "doc_payment")
public class PaymentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "partner_id", nullable = false, length = 20)
    private String partnerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", nullable = false, length = 10)
    private Direction direction;

    @Column(name = "amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", nullable = false, length = 20)
    private PaymentMethod method;

    @Column(name = "value_date", nullable = false)
    private LocalDate valueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 12)
    private PaymentStatus status;

    @Column(name = "remittance", nullable = false, length = 1000)
    private String remittance;

    @Column(name = "end_to_end_id", length = 100)
    private String endToEndId;

    @Column(name = "end_to_end_key", length = 100)
    private String endToEndKey;

    @Column(name = "source_system", nullable = false, length = 40)
    private String sourceSystem;

    @Column(name = "bank_reference", length = 100)
    private String bankReference;

    @Column(name = "booking_date")
    private LocalDate bookingDate;

    @Column(name = "confirmed_by", length = 100)
    private String confirmedBy;

    @Column(name = "payment_order", length = 35)
    private String paymentOrder;

    @Column(name = "sent_on")
    private LocalDate sentOn;

    @Column(name = "unapplied", nullable = false, precision = 19, scale = 4)
    private BigDecimal unapplied;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false, length = 24)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public PaymentEntity() {
    }

    PaymentEntity(String partnerId, Direction direction, BigDecimal amount, String currency, PaymentMethod method,
            LocalDate valueDate, PaymentStatus status, String remittance, String endToEndId, String sourceSystem,
            String createdBy, Instant createdAt) {
        this.partnerId = partnerId;
        this.direction = direction;
        this.amount = amount;
        this.currency = currency;
        this.method = method;
        this.valueDate = valueDate;
        this.status = status;
        this.remittance = remittance;
        this.endToEndId = endToEndId;
        this.endToEndKey = endToEndId == null ? null : DocumentRules.numberKey(endToEndId);
        this.sourceSystem = sourceSystem;
        this.unapplied = amount;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void confirm(String bankReference, LocalDate bookingDate, String confirmedBy) {
        this.status = PaymentStatus.CONFIRMED;
        this.bankReference = bankReference;
        this.bookingDate = bookingDate;
        this.confirmedBy = confirmedBy;
    }

    void markSent(String paymentOrder, LocalDate sentOn) {
        if (endToEndId == null || endToEndId.isBlank()) {
            // the bank reports the end-to-end id back on its statement: that is how the confirmation finds the payment
            this.endToEndId = "PF-PAY-" + id;
            this.endToEndKey = DocumentRules.numberKey(endToEndId);
        }
        this.status = PaymentStatus.SENT;
        this.paymentOrder = paymentOrder;
        this.sentOn = sentOn;
    }

    public String getPaymentOrder() {
        return paymentOrder;
    }

    public LocalDate getSentOn() {
        return sentOn;
    }

    void setUnapplied(BigDecimal unapplied) {
        if (unapplied.signum() < 0 || unapplied.compareTo(amount) > 0) {
            throw new IllegalStateException("Unapplied amount " + unapplied.toPlainString() + " out of range");
        }
        this.unapplied = unapplied;
    }

    public Long getId() {
        return id;
    }

    public String getPartnerId() {
        return partnerId;
    }

    public Direction getDirection() {
        return direction;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public PaymentMethod getMethod() {
        return method;
    }

    public LocalDate getValueDate() {
        return valueDate;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public String getRemittance() {
        return remittance;
    }

    public String getEndToEndId() {
        return endToEndId;
    }

    public String getSourceSystem() {
        return sourceSystem;
    }

    public String getBankReference() {
        return bankReference;
    }

    public LocalDate getBookingDate() {
        return bookingDate;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public BigDecimal getUnapplied() {
        return unapplied;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    /** The reference a statement shows for the payment. */
    String reference() {
        if (endToEndId != null && !endToEndId.isBlank()) {
            return endToEndId;
        }
        if (bankReference != null && !bankReference.isBlank()) {
            return bankReference;
        }
        return "PAY-" + id;
    }
}
