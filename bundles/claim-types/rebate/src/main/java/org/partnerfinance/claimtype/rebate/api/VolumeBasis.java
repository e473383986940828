package org.partnerfinance.claimtype.rebate.api;

/** What an agreement's tier thresholds measure. */
public enum VolumeBasis {
    /** Units sold or bought (the sum of the lines' quantities). */
    QUANTITY,
    /** Net amount in the agreement's currency (the sum of the lines' amounts). */
    AMOUNT
}
