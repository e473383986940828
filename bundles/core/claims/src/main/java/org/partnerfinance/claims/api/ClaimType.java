package org.partnerfinance.claims.api;

import java.time.Clock;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.partnerfinance.ledger.api.Money;

/**
 * A kind of claim, contributed by an extension bundle as a service with the properties
 * {@code pf.extension.id}, {@code pf.extension.kind=claim-type} and its id and name as typed properties:
 *
 * <pre>
 * &#64;Component(service = ClaimType.class, property = { "pf.extension.id=expense", "pf.extension.kind=claim-type" })
 * &#64;ClaimTypeId("expense") &#64;ClaimTypeName("Expense reimbursement")
 * public class ExpenseClaimType implements ClaimType { ... }
 * </pre>
 *
 * The claims core never needs the type to read a stored claim; it needs it to create, validate and account for new
 * ones.
 *
 * <p>A type declares its fields ({@link #fields()}); the claims core checks what is entered against them (required
 * values, formats, choices, the attachment policy, line items) with its own messages, so {@link #validate} only checks
 * what is special to the type. The claims UI renders the type's form from the same declarations.
 *
 * <p>A type that must act when its claims are approved, closed or paid also implements {@link ClaimTypeLifecycle}.
 */
@ConsumerType
public interface ClaimType {

    /**
     * Stable id stored with every claim, e.g. {@code expense}.
     *
     * @deprecated declare it with {@link ClaimTypeId}; asked only for a type registered without that property
     */
    @Deprecated
    default String id() {
        return null;
    }

    /**
     * Name shown to people, e.g. {@code Expense reimbursement}.
     *
     * @deprecated declare it with {@link ClaimTypeName}; asked only for a type registered without that property
     */
    @Deprecated
    default String name() {
        return null;
    }

    /**
     * Title of the form that creates a claim of this type, e.g. {@code New expense claim}; {@code null} (the default)
     * for "New claim: " and the type's name.
     */
    default String formTitle() {
        return null;
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

    /**
     * Accounts used on approval and payment, or {@code null} for a type whose approval commits no money (a
     * pre-approval, e.g. a market development funds request whose funds are held elsewhere): its approval posts no
     * accrual, and its claims can be neither scheduled for settlement nor marked paid.
     */
    AccountingRule accountingRule();
}
