package org.partnerfinance.claimtype.expense.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the expense claim type ({@code etc/org.partnerfinance.claimtype.expense.cfg}). */
@ObjectClassDefinition(name = "Partner Finance: expense claim type",
        description = "Limits, caps and rates for expense reimbursement claims.")
public @interface ExpenseConfiguration {

    String PID = "org.partnerfinance.claimtype.expense";

    @AttributeDefinition(name = "Maximum receipt size (bytes)",
            description = "Largest receipt file accepted, per file. Default 5 MB.", min = "1")
    long max_receipt_bytes() default ExpenseRules.DEFAULT_MAX_RECEIPT_BYTES;

    @AttributeDefinition(name = "Receipts per claim", description = "How many receipt files one claim may carry.",
            min = "1", max = "10")
    int max_receipts() default ExpenseRules.DEFAULT_MAX_RECEIPTS;

    @AttributeDefinition(name = "Maximum age (days)",
            description = "Expenses older than this many days cannot be claimed.", min = "1")
    int max_age_days() default ExpenseRules.DEFAULT_MAX_AGE_DAYS;

    @AttributeDefinition(name = "Caps per category",
            description = "Most that one claim of a category reimburses, as 'category CURRENCY amount', "
                    + "e.g. 'meals EUR 100'. Categories without a cap in the claim's currency are not capped.")
    String[] category_caps() default { "meals EUR 100", "accommodation EUR 250", "meals USD 110",
            "accommodation USD 275" };

    @AttributeDefinition(name = "Mileage rates",
            description = "Reimbursement per kilometre as 'CURRENCY rate', e.g. 'EUR 0.30'. Mileage cannot be "
                    + "claimed in a currency without a rate.")
    String[] mileage_rates() default { "EUR 0.30", "USD 0.33" };

    @AttributeDefinition(name = "Per-diem rates",
            description = "Allowance per day as 'CURRENCY rate', e.g. 'EUR 28.00'. Per diems cannot be claimed in "
                    + "a currency without a rate.")
    String[] per_diem_rates() default { "EUR 28.00", "USD 31.00" };
}
