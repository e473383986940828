package org.partnerfinance.connector.camt;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.Caller;

/**
 * Finance's queue of bank entries the camt import could not match unambiguously. For finance reviewers and managers
 * (matching confirms a payment, which the documents service authorizes too). Every change is audited in its unit of
 * work.
 */
@ProviderType
public interface ReconciliationQueue {

    /** The open entries, oldest booking first, at most {@code limit} (1-500). */
    List<BankEntryView> open(Caller caller, int limit);

    /** The entries in any state, newest first, at most {@code limit} (1-500). */
    List<BankEntryView> recent(Caller caller, int limit);

    /** One entry. */
    Optional<BankEntryView> find(Caller caller, long entryId);

    /**
     * Matches an open entry to a payment (confirms it with the entry's bank reference and booking date) or a document
     * (records the payment of the entry's amount allocated to it, and confirms it).
     *
     * @throws IllegalArgumentException when the entry is not open, the target is not open or does not fit (direction,
     *                                  currency, amount of a payment)
     * @throws org.partnerfinance.persistence.api.ConcurrentChangeException when the entry changed since
     *                                  {@code expectedVersion}
     */
    BankEntryView match(Caller caller, long entryId, long expectedVersion, SuggestionKind kind, long targetId);

    /**
     * Closes an open entry without a payment, with the reason (e.g. "bank charges").
     *
     * @throws IllegalArgumentException when the reason is blank or the entry is not open
     */
    BankEntryView dismiss(Caller caller, long entryId, long expectedVersion, String reason);
}
