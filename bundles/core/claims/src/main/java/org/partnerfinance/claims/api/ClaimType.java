package org.partnerfinance.claims.api;

import java.time.Clock;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.partnerfinance.ledger.api.Money;

/**
 * A kind of claim, contributed by an extension bundle as a service with the properties
 * {@code pf.extension.id}, {@code pf.extension.kind=claim-type}. The claims core never needs the type to read a stored
 * claim; it needs it to create, validate and account for new ones.
 *
 * <p>A type declares its fields ({@link #fields()}); the claims core checks what is entered against them (required
 * values, formats, choices, the attachment policy, line items) with its own messages, so {@link #validate} only checks
 * what is special to the type. The claims UI renders the type's form from the same declarations.
 */
@ConsumerType
public interface ClaimType {

    /** Stable id stored with every claim, e.g. {@code expense}. */
    String id();

    /** Name shown to people, e.g. {@code Expense reimbursement}. */
    String name();

    /** Title of the form that creates a claim of this type, e.g. {@code New expense claim}. */
    default String formTitle() {
        return "New claim: " + name();
    }

    /** Type-specific fields, in the order the form shows them. */
    List<FieldDef> fields();

    /**
     * Attachments accepted and required: by default the policy of the first {@link FieldKind#ATTACHMENTS} field, or
     * {@code null} (no files) when there is none.
     */
    default AttachmentPolicy attachmentPolicy() {
        return fields().stream().filter(f -> f.kind() == FieldKind.ATTACHMENTS).map(FieldDef::attachmentPolicy)
                .findFirst().orElse(null);
    }

    /**
     * What is special to the type, after the core found the draft complete and well formed (partner, amount, date,
     * description, declared fields, line items and attachments). Returns an empty list when valid; each problem names
     * the field it concerns.
     */
    List<Problem> validate(ClaimDraft draft, Clock clock);

    /** The amount the programme pays for this claim (at most the claimed amount). */
    Money eligibleAmount(ClaimDraft draft);

    /** Accounts used on approval and payment. */
    AccountingRule accountingRule();
}
