package org.partnerfinance.claimtype.mdf.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the MDF proof-of-performance claim ({@code etc/org.partnerfinance.claimtype.mdf.cfg}). */
@ObjectClassDefinition(name = "Partner Finance: market development funds claims",
        description = "How long after a pre-approved activity its proof of performance can be claimed.")
public @interface MdfConfiguration {

    String PID = "org.partnerfinance.claimtype.mdf";

    @AttributeDefinition(name = "Grace period (days)",
            description = "Days after the planned end of a pre-approved activity during which its costs can still be "
                    + "claimed (and the activity's date may lie).", min = "0", max = "366")
    int grace_days() default MdfRules.DEFAULT_GRACE_DAYS;
}
