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
 * The header of a posted journal entry, as JPA reads it. Entries are inserted by {@link PostingStore} and never
 * changed: the entity has no setters. Its lines are {@link JournalLineEntity} rows referring to {@link #getId()}.
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
