package org.partnerfinance.ledger.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A posted, immutable journal entry. Corrections are new entries that reverse it ({@link #reverses()}). Its lines
 * carry document and base-currency amounts ({@link JournalLine#baseAmount()}).
 *
 * @param journal the journal the entry belongs to ({@link Journals})
 */
public record JournalEntry(long id, LocalDate date, String description, String source, List<JournalLine> lines,
        String postedBy, Instant postedAt, Long reverses, String journal) {

    /** An entry of the {@link Journals#GENERAL general journal}. */
    public JournalEntry(long id, LocalDate date, String description, String source, List<JournalLine> lines,
            String postedBy, Instant postedAt, Long reverses) {
        this(id, date, description, source, lines, postedBy, postedAt, reverses, Journals.GENERAL);
    }
}
