package org.partnerfinance.claims.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.ledger.api.Money;

/**
 * One submitted version of a claim: what the partner submitted (again) after a return for information. The history
 * keeps every version; attachments are referenced by the ids of {@link Claim#attachments} and
 * {@link ClaimService#attachment}, also those a later version no longer carries.
 *
 * @param number      1 for the first submission
 * @param submittedBy who submitted it
 * @param editedBy    everyone who changed the claim before this submission (creator included)
 */
public record ClaimVersion(int number, String submittedBy, Instant submittedAt, List<String> editedBy, LocalDate date,
        String description, Money amount, Money eligibleAmount, List<ClaimField> fields, List<Attachment> attachments) {
    public ClaimVersion {
        editedBy = List.copyOf(editedBy);
        fields = List.copyOf(fields);
        attachments = List.copyOf(attachments);
    }
}
