package org.partnerfinance.claims.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the claims service ({@code etc/org.partnerfinance.claims.cfg}). */
@ObjectClassDefinition(id = ClaimServiceImpl.PID, name = "Partner Finance claims",
        description = "Approval limits of the claims service.")
public @interface ClaimsConfiguration {

    @AttributeDefinition(name = "Reviewer approval limit",
            description = "Highest eligible amount a finance reviewer may approve, compared in the claim's currency.")
    String reviewerApprovalLimit() default "10000";

    @AttributeDefinition(name = "Manager approval limit",
            description = "Highest eligible amount a finance manager may approve, compared in the claim's currency.")
    String managerApprovalLimit() default "250000";
}
