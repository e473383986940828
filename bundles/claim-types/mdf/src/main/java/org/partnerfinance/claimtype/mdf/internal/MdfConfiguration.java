package org.partnerfinance.claimtype.mdf.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the MDF claim types ({@code etc/org.partnerfinance.claimtype.mdf.cfg}), read by the proof claim
 * and by the sweep that closes requests whose window passed.
 */
@ObjectClassDefinition(name = "Partner Finance: market development funds claims",
        description = "How long after a pre-approved activity its proof of performance can be claimed, and how often "
                + "requests whose window passed are closed and their funds released.")
public @interface MdfConfiguration {

    String PID = "org.partnerfinance.claimtype.mdf";

    @AttributeDefinition(name = "Grace period (days)",
            description = "Days after the planned end of a pre-approved activity during which its costs can still be "
                    + "claimed (and the activity's date may lie).", min = "0", max = "366")
    int grace_days() default MdfRules.DEFAULT_GRACE_DAYS;

    @AttributeDefinition(name = "Release interval (minutes)",
            description = "Minutes between two runs that close approved requests whose planned end plus the grace "
                    + "period passed without a proof-of-performance claim, releasing their funds; 0 switches the "
                    + "automatic release off.", min = "0")
    int release_interval_minutes() default 60;
}
