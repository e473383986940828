package org.partnerfinance.connector.camt;

/** Where a bank entry stands. */
public enum EntryStatus {
    /** Waiting for finance in the reconciliation queue. */
    OPEN,
    /** Matched (by the import or by finance): the payment is confirmed. */
    MATCHED,
    /** Dismissed by finance with a reason (e.g. bank charges, an entry that pays nothing in the portal). */
    DISMISSED
}
