package org.partnerfinance.ledger.api;

import java.time.YearMonth;

/**
 * A posting dated in a closed accounting period. Nothing was posted; post into an open period (corrections of a closed
 * period are reversals dated today, which {@link LedgerService#reverse} does by itself) or ask a finance manager to
 * reopen the period.
 */
public class PeriodClosedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final YearMonth period;

    public PeriodClosedException(YearMonth period) {
        super("The accounting period " + period + " is closed: nothing can be posted with a date in it.");
        this.period = period;
    }

    /** The closed period the posting was dated in. */
    public YearMonth period() {
        return period;
    }
}
