package org.partnerfinance.claimtype.expense.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the expense claim type ({@code etc/org.partnerfinance.claimtype.expense.cfg}). */
@ObjectClassDefinition(name = "Partner Finance: expense claim type",
        description = "Limits for expense reimbursement claims.")
public @interface ExpenseConfiguration {

    String PID = "org.partnerfinance.claimtype.expense";

    @AttributeDefinition(name = "Maximum receipt size (bytes)",
            description = "Largest receipt file accepted, per file. Default 5 MB.", min = "1")
    long max_receipt_bytes() default ExpenseRules.DEFAULT_MAX_RECEIPT_BYTES;

    @AttributeDefinition(name = "Maximum age (days)",
            description = "Expenses older than this many days cannot be claimed.", min = "1")
    int max_age_days() default ExpenseRules.DEFAULT_MAX_AGE_DAYS;
}
