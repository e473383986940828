package org.partnerfinance.ledger.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the ledger ({@code etc/org.partnerfinance.ledger.cfg}). */
@ObjectClassDefinition(id = LedgerServiceImpl.PID, name = "Partner Finance ledger",
        description = "The company's base currency, in which every journal line is also kept.")
public @interface LedgerConfiguration {

    /**
     * The base currency (ISO 4217). Set it once, before the first posting: lines keep their base amounts in the base
     * currency of the day they were posted, so changing it later mixes currencies in the base columns (the ledger logs
     * an error at start when it finds lines of another base currency).
     */
    @AttributeDefinition(name = "Base currency",
            description = "ISO 4217 code of the company's base currency, e.g. EUR. Every journal line is kept in its "
                    + "document currency and in this one. Set it before the first posting and do not change it "
                    + "afterwards.")
    String base_currency() default "EUR";
}
