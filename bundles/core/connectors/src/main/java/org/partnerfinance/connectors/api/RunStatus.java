package org.partnerfinance.connectors.api;

/** Where a run stands. */
public enum RunStatus {
    /** Reading the file. */
    RUNNING,
    /** The file was read to its end; every document was created, a duplicate or rejected (see the counts). */
    COMPLETED,
    /** The file could not be read to its end (see the failure); documents accepted before stay. */
    FAILED
}
