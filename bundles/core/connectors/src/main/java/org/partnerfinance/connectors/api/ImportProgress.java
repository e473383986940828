package org.partnerfinance.connectors.api;

/** Told while a run reads its file, e.g. to move a progress bar; called on the run's thread, must return quickly. */
@FunctionalInterface
public interface ImportProgress {

    /** Nothing to tell. */
    ImportProgress NONE = (bytes, documents) -> { };

    /**
     * @param bytesRead bytes of the file read so far
     * @param documents documents handled so far
     */
    void update(long bytesRead, long documents);
}
