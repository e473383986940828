package org.partnerfinance.claims.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the claims service ({@code etc/org.partnerfinance.claims.cfg}).
 *
 * <p>Each approval limit is {@code unlimited}, or comma-separated pairs of an ISO 4217 currency code and the highest
 * eligible amount the role may approve in that currency, e.g. {@code EUR 10000, USD 11000}. Amounts are compared in
 * the claim's own currency, never converted. A claim in a currency the role has no limit for cannot be approved by
 * that role; an empty value means the role approves nothing.
 */
@ObjectClassDefinition(id = ClaimServiceImpl.PID, name = "Partner Finance claims",
        description = "Approval limits, approval chains and service levels of the claims service.")
public @interface ClaimsConfiguration {

    @AttributeDefinition(name = "Reviewer approval limits",
            description = "Highest eligible amount a finance reviewer may approve, per currency: 'unlimited' or "
                    + "pairs like 'EUR 10000, USD 11000'. Claims in a currency not listed need someone else.")
    String reviewerApprovalLimits() default "EUR 10000, USD 11000, GBP 8500, CHF 9500, SEK 110000, NOK 115000, "
            + "DKK 75000";

    @AttributeDefinition(name = "Manager approval limits",
            description = "Highest eligible amount a finance manager may approve, per currency: 'unlimited' or "
                    + "pairs like 'EUR 250000, USD 275000'. Claims in a currency not listed need someone else.")
    String managerApprovalLimits() default "EUR 250000, USD 275000, GBP 215000, CHF 235000, SEK 2750000, "
            + "NOK 2900000, DKK 1850000";

    @AttributeDefinition(name = "Personal approval limits",
            description = "Limits of single users on top of their role's, separated by ';': e.g. 'alice: EUR 5000,"
                    + " USD 5500; bob: unlimited'. Both the role's and the user's limit must allow an approval.")
    String userApprovalLimits() default "";

    @AttributeDefinition(name = "Approval chains",
            description = "Bands separated by ';', each '<claim type or *>|<up to, in the base currency, or *>|<role>,"
                    + "<role>...': the roles approve one after the other. Every group needs a '*' band for the"
                    + " amounts above the others.")
    String approvalChains() default "*|1000|finance-reviewer; *|25000|finance-reviewer,finance-manager; "
            + "*|*|finance-manager,finance-manager";

    @AttributeDefinition(name = "Reviewer step days",
            description = "Days a finance reviewer's approval step may take before it is due.")
    int reviewerStepDays() default 2;

    @AttributeDefinition(name = "Manager step days",
            description = "Days a finance manager's approval step may take before it is due.")
    int managerStepDays() default 3;

    @AttributeDefinition(name = "Reminder hours before due",
            description = "How many hours before a step's due date its reminder goes out.")
    int reminderHoursBeforeDue() default 24;
}
