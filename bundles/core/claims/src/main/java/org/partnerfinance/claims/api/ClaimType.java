package org.partnerfinance.claims.api;

import java.time.Clock;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.partnerfinance.ledger.api.Money;

/**
 * A kind of claim, contributed by an extension bundle as a service with the properties
 * {@code pf.extension.id}, {@code pf.extension.kind=claim-type}. The claims core never needs the type to read a stored
 * claim; it needs it to create, validate and account for new ones.
 */
@ConsumerType
public interface ClaimType {

    /** Stable id stored with every claim, e.g. {@code expense}. */
    String id();

    /** Name shown to people, e.g. {@code Expense reimbursement}. */
    String name();

    /** Type-specific fields. */
    List<FieldDef> fields();

    /** Attachments accepted and required. */
    AttachmentPolicy attachmentPolicy();

    /**
     * Type-specific validation of a draft (the core already checked partner, amount sign, currency and attachments
     * against the policy). Returns an empty list when valid.
     */
    List<Problem> validate(ClaimDraft draft, Clock clock);

    /** The amount the programme pays for this claim (at most the claimed amount). */
    Money eligibleAmount(ClaimDraft draft);

    /** Accounts used on approval and payment. */
    AccountingRule accountingRule();
}
