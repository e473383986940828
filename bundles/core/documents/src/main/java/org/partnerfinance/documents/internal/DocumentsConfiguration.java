package org.partnerfinance.documents.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the documents core ({@code etc/org.partnerfinance.documents.cfg}): from how many days overdue a
 * receivable is due for each dunning level.
 */
@ObjectClassDefinition(id = DocumentsEngine.PID, name = "Partner Finance documents",
        description = "Collections: days overdue from which a receivable is due for each dunning level.")
public @interface DocumentsConfiguration {

    @AttributeDefinition(name = "Reminder after (days overdue)",
            description = "A friendly reminder is due from this many days overdue on (at least 1).")
    int reminder_days() default 1;

    @AttributeDefinition(name = "Second notice after (days overdue)",
            description = "A second, firmer notice is due from this many days overdue on (at least the reminder's).")
    int second_notice_days() default 15;

    @AttributeDefinition(name = "Final demand after (days overdue)",
            description = "The final demand is due from this many days overdue on (at least the second notice's).")
    int final_demand_days() default 30;
}
