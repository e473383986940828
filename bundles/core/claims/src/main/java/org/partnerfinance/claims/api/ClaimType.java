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
