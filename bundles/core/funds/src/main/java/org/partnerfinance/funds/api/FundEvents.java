package org.partnerfinance.funds.api;

/**
 * Event Admin topic and properties posted after a funds change committed (never for a rolled-back one), so that
 * screens and other bundles can follow without polling.
 */
public final class FundEvents {
    /** Topic of every funds change. */
    public static final String TOPIC = "org/partnerfinance/funds/CHANGED";
    /** The partner whose allocation changed; absent for programme and budget changes. */
    public static final String PARTNER = "partner";
    /** What changed: {@code program}, {@code budget}, {@code allocation} or {@code reservation}. */
    public static final String ENTITY = "entity";
    /** Action, e.g. {@code allocated}, {@code reserved}, {@code expired}. */
    public static final String ACTION = "action";

    private FundEvents() {
    }
}
