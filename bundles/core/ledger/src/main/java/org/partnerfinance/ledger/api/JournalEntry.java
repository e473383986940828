package org.partnerfinance.ledger.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A posted, immutable journal entry. Corrections are new entries that reverse it ({@link #reverses()}). */
public record JournalEntry(long id, LocalDate date, String description, String source, List<JournalLine> lines,
        String postedBy, Instant postedAt, Long reverses) {
}
