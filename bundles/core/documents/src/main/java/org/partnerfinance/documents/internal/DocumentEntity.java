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
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentStatus;

/**
 * An invoice or credit note row. Its amounts never change after it was recorded except {@code openAmount} (kept by
 * allocations) and the dispute flag; {@link Version} makes two allocations of the same document at once fail instead
 * of both spending the same open amount.
 */
@Entity
@Table(name = "doc_document")
public class DocumentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "partner_id", nullable = false, length = 20)
    private String partnerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", nullable = false, length = 10)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 12)
    private DocumentKind kind;

    @Column(name = "doc_number", nullable = false, length = 100)
    private String number;

    @Column(name = "number_key", nullable = false, length = 100)
    private String numberKey;

    @Column(name = "issue_date", nullable = false)
    private LocalDate issueDate;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "net", nullable = false, precision = 19, scale = 4)
    private BigDecimal net;

    @Column(name = "tax", nullable = false, precision = 19, scale = 4)
    private BigDecimal tax;

    @Column(name = "gross", nullable = false, precision = 19, scale = 4)
    private BigDecimal gross;

    @Column(name = "open_amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal openAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private DocumentStatus status;

    @Column(name = "disputed", nullable = false)
    private boolean disputed;

    @Column(name = "credited_id")
    private Long creditedId;

    @Column(name = "source_system", nullable = false, length = 40)
    private String sourceSystem;

    @Column(name = "source_reference", nullable = false, length = 100)
    private String sourceReference;

    @Column(name = "search_text", nullable = false, length = 4000)
    private String searchText;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false, length = 24)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public DocumentEntity() {
    }

    DocumentEntity(String partnerId, Direction direction, DocumentKind kind, String number, LocalDate issueDate,
            LocalDate dueDate, String currency, BigDecimal net, BigDecimal tax, BigDecimal gross, Long creditedId,
            String sourceSystem, String sourceReference, String searchText, String createdBy, Instant createdAt) {
        this.partnerId = partnerId;
        this.direction = direction;
        this.kind = kind;
        this.number = number;
        this.numberKey = DocumentRules.numberKey(number);
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.currency = currency;
        this.net = net;
        this.tax = tax;
        this.gross = gross;
        this.openAmount = gross;
        this.status = DocumentStatus.OPEN;
        this.creditedId = creditedId;
        this.sourceSystem = sourceSystem;
        this.sourceReference = sourceReference;
        this.searchText = searchText;
        this.createdBy = createdBy;
        // the column keeps milliseconds (UtcInstantConverter): the new row holds what a later read of it gives
        this.createdAt = createdAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** Deducts an effective allocation from what is open. */
    void settle(BigDecimal amount) {
        BigDecimal left = openAmount.subtract(amount);
        if (left.signum() < 0) {
            throw new IllegalStateException("Allocation of " + amount.toPlainString() + " exceeds the open amount "
                    + openAmount.toPlainString() + " of document " + number);
        }
        openAmount = left;
        status = DocumentRules.statusOf(gross, openAmount);
    }

    void setDisputed(boolean disputed) {
        this.disputed = disputed;
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

    public DocumentKind getKind() {
        return kind;
    }

    public String getNumber() {
        return number;
    }

    public String getNumberKey() {
        return numberKey;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getNet() {
        return net;
    }

    public BigDecimal getTax() {
        return tax;
    }

    public BigDecimal getGross() {
        return gross;
    }

    public BigDecimal getOpenAmount() {
        return openAmount;
    }

    public DocumentStatus getStatus() {
        return status;
    }

    public boolean isDisputed() {
        return disputed;
    }

    public Long getCreditedId() {
        return creditedId;
    }

    public String getSourceSystem() {
        return sourceSystem;
    }

    public String getSourceReference() {
        return sourceReference;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
