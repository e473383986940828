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
        description = "Approval limits of the claims service, per role and currency.")
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
}
