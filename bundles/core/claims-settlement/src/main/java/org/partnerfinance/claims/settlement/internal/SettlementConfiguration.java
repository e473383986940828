package org.partnerfinance.claims.settlement.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How often due settlements run ({@code etc/org.partnerfinance.claims.settlement.cfg}). */
@ObjectClassDefinition(name = "PF claims settlement", description = "Runs due claim settlements: credit notes on "
        + "their date, payments the bank confirmed.")
public @interface SettlementConfiguration {

    String PID = "org.partnerfinance.claims.settlement";

    @AttributeDefinition(name = "Run interval (minutes)", description = "Minutes between runs of due settlements; "
            + "0 switches the schedule off (finance can still run them from the Settlements screen).")
    long run_interval_minutes() default 60;

    @AttributeDefinition(name = "First run delay (seconds)", description = "Seconds after start before the first run.")
    long first_run_delay_seconds() default 120;
}
