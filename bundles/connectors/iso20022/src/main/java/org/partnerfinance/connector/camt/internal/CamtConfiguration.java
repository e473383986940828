package org.partnerfinance.connector.camt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the camt connector reads bank files (etc/org.partnerfinance.connector.camt.cfg). */
@ObjectClassDefinition(name = "Partner Finance Portal: ISO 20022 camt connector",
        description = "Bank statements (camt.053) and debit/credit notifications (camt.054), versions 001.02 to "
                + "001.08: entries confirm the payments they match; the others wait in the reconciliation queue.")
@interface CamtConfiguration {

    @AttributeDefinition(name = "Entries per statement",
            description = "A statement's entries are checked against its totals before any is imported, so they are "
                    + "held in memory until its end: a statement with more entries is refused")
    int max_entries_per_statement() default 200_000;
}
