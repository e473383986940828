package org.partnerfinance.connectors.api;

import org.osgi.annotation.versioning.ConsumerType;
import org.partnerfinance.security.api.Caller;

/**
 * What a connector does in the portal for one item of a file that is neither a document nor a payment it hands over
 * whole, e.g. a bank statement entry that confirms a payment or waits in a reconciliation queue. The core runs it
 * all-or-nothing (in a savepoint of its own within the run's batch of items), on behalf of the person who runs the
 * import (so the services authorize and audit that person), and records its result under the item's external id,
 * which makes a re-import a duplicate.
 */
@ConsumerType
@FunctionalInterface
public interface ItemWork {

    /**
     * Does the item's work. Throw a {@code DocumentValidationException}, {@code IllegalArgumentException} or
     * {@code AccessDeniedException} to refuse the item: what it changed is rolled back and the run reports the
     * message.
     *
     * @param caller who runs the import
     * @return what the item became
     */
    Done apply(Caller caller);

    /**
     * What an item became.
     *
     * @param kind what {@code id} names, lowercase, at most 16 characters, e.g. {@code bank-entry}
     * @param id   the id of what was created or changed
     */
    record Done(String kind, long id) {
        public Done {
            if (kind == null || kind.isBlank() || kind.length() > 16) {
                throw new IllegalArgumentException("An item's kind has 1 to 16 characters: " + kind);
            }
        }
    }
}
