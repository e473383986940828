package org.partnerfinance.ledger.internal;

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
 * The header of a posted journal entry. All values are set by the constructor; the entity has no setters, so a
 * posted entry is never changed. Its lines are {@link JournalLineEntity} rows referring to {@link #getId()}.
 */
@Entity
@Table(name = "ledger_entry")
public class JournalEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "entry_date", nullable = false)
    private LocalDate date;

    @Column(name = "description", nullable = false, length = 500)
    private String description;

    @Column(name = "source", length = 100)
    private String source;

    @Column(name = "posted_by", nullable = false, length = 100)
    private String postedBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "posted_at", nullable = false, length = 24)
    private Instant postedAt;

    @Column(name = "reverses")
    private Long reverses;

    @Column(name = "journal", nullable = false, length = 10)
    private String journal;

    public JournalEntryEntity() {
    }

    JournalEntryEntity(LocalDate date, String description, String source, String postedBy, Instant postedAt,
            Long reverses, String journal) {
        this.journal = journal;
        this.date = date;
        this.description = description;
        this.source = source;
        this.postedBy = postedBy;
        this.postedAt = postedAt;
        this.reverses = reverses;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getDate() {
        return date;
    }

    public String getDescription() {
        return description;
    }

    public String getSource() {
        return source;
    }

    public String getPostedBy() {
        return postedBy;
    }

    public Instant getPostedAt() {
        return postedAt;
    }

    public Long getReverses() {
        return reverses;
    }

    public String getJournal() {
        return journal;
    }
}
