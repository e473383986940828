package org.partnerfinance.claims.rules.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The compliance rules of one claim type: one factory configuration per type, e.g.
 * {@code etc/org.partnerfinance.claims.rules-expense.cfg}. A rule whose settings are left at their defaults is not
 * registered for the type (duplicate detection excepted: it is on unless switched off).
 */
@ObjectClassDefinition(name = "PF claim compliance rules (per claim type)",
        description = "Deadline, caps, required attachments and duplicate detection for one claim type.")
public @interface ClaimTypeRulesConfiguration {

    @AttributeDefinition(name = "Claim type",
            description = "Id of the claim type, e.g. expense. Empty: the name of the factory configuration "
                    + "(org.partnerfinance.claims.rules~expense).")
    String claim_type() default "";

    @AttributeDefinition(name = "Deadline (days)",
            description = "Claims must be submitted at most this many days after the activity date (or the period "
                    + "end, see below); 0 means no deadline.", min = "0")
    int deadline_days() default 0;

    @AttributeDefinition(name = "Deadline warning (days)",
            description = "Warn the partner (and the reviewer) this many days before the deadline.", min = "0")
    int deadline_warn_days() default 7;

    @AttributeDefinition(name = "Deadline counted from field",
            description = "Name of a date field of the type holding the period end the deadline counts from "
                    + "(e.g. periodEnd); empty or not filled in: the claim's activity date.")
    String deadline_from_field() default "";

    @AttributeDefinition(name = "Cap per claim",
            description = "Highest amount of one claim per currency, e.g. \"EUR 1000.00, USD 1200.00\"; empty: none.")
    String cap_per_claim() default "";

    @AttributeDefinition(name = "Cap per period",
            description = "Highest total per partner and period per currency of the claims under review, approved, "
                    + "scheduled or paid, e.g. \"EUR 5000.00\"; empty: none.")
    String cap_per_period() default "";

    @AttributeDefinition(name = "Cap period", description = "The period of the cap per period, by activity date.")
    CapPeriod period() default CapPeriod.QUARTER;

    @AttributeDefinition(name = "Minimum attachments",
            description = "At least this many files per claim; 0: no requirement beyond the type's own.", min = "0")
    int attachments_min() default 0;

    @AttributeDefinition(name = "Duplicate detection",
            description = "Refuse claims that repeat an earlier claim of the partner.")
    boolean duplicates_enabled() default true;

    @AttributeDefinition(name = "Duplicate reference field",
            description = "Name of a field of the type holding the partner's own reference (e.g. invoiceNumber): "
                    + "two claims of a type with the same reference are duplicates. Empty: not checked.")
    String duplicates_reference_field() default "";
}
