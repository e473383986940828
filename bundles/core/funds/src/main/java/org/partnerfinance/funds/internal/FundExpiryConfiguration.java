package org.partnerfinance.funds.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.partnerfinance.funds.expiry}: how often allocations past their expiry date are expired. */
@ObjectClassDefinition(name = "Partner Finance funds expiry",
        description = "Expires fund allocations whose expiry date has passed and releases what was left of them.")
public @interface FundExpiryConfiguration {

    @AttributeDefinition(name = "Enabled", description = "Whether the expiry runs on a schedule.")
    boolean enabled() default true;

    @AttributeDefinition(name = "Interval (minutes)",
            description = "Minutes between two runs; the first run starts one minute after the start.", min = "1")
    int interval_minutes() default 60;
}
