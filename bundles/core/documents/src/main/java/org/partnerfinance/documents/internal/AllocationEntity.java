package org.partnerfinance.documents.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What a payment or credit note settles of a document. Effective allocations have reduced the document's open amount
 * (from {@code date} on); pending ones belong to payments the bank has not confirmed yet.
 */
@Entity
@Table(name = "doc_allocation")
public class AllocationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "partner_id", nullable = false, length = 20)
    private String partnerId;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "payment_id")
    private Long paymentId;

    @Column(name = "credit_note_id")
    private Long creditNoteId;

    @Column(name = "amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(name = "alloc_date", nullable = false)
    private LocalDate date;

    @Column(name = "effective", nullable = false)
    private boolean effective;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false, length = 24)
    private Instant createdAt;

    public AllocationEntity() {
    }

    AllocationEntity(String partnerId, String currency, long documentId, Long paymentId, Long creditNoteId,
            BigDecimal amount, LocalDate date, boolean effective, Instant createdAt) {
        this.partnerId = partnerId;
        this.currency = currency;
        this.documentId = documentId;
        this.paymentId = paymentId;
        this.creditNoteId = creditNoteId;
        this.amount = amount;
        this.date = date;
        this.effective = effective;
        this.createdAt = createdAt;
    }

    void makeEffective(BigDecimal effectiveAmount, LocalDate effectiveDate) {
        this.amount = effectiveAmount;
        this.date = effectiveDate;
        this.effective = true;
    }

    public Long getId() {
        return id;
    }

    public String getPartnerId() {
        return partnerId;
    }

    public String getCurrency() {
        return currency;
    }

    public long getDocumentId() {
        return documentId;
    }

    public Long getPaymentId() {
        return paymentId;
    }

    public Long getCreditNoteId() {
        return creditNoteId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getDate() {
        return date;
    }

    public boolean isEffective() {
        return effective;
    }
}
