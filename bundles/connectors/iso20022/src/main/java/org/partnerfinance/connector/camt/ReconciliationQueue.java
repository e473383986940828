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
     * The open invoices of a partner an entry may be split across (1.1): in the entry's currency and direction, oldest
     * due first, with the entry's amount proposed greedily (each document at most what it has open). Invoices an open
     * (sent, reported or scheduled) payment already pays are left out, as in matching: the entry matches that payment.
     *
     * @param partnerId the partner; {@code null} for the partner the entry names: the one whose bank account is the
     *                  counterparty's IBAN, else the partner of the best suggestion (none: an empty proposal)
     * @throws IllegalArgumentException when the entry does not exist or the partner is unknown
     */
    SplitProposal splitProposal(Caller caller, long entryId, String partnerId);

    /**
     * Splits an open entry across open invoices of one partner (1.1): one payment of the entry's amount is recorded,
     * allocated to the documents with the given amounts and confirmed with the entry's bank reference and booking
     * date; the entry is matched to it. The parts must add up to the entry's amount. Only an incoming payment (a
     * credit) may leave a remainder, and only when {@code remainderOnAccount} says so: it stays on the partner's
     * account as an unapplied payment. Nothing is written when anything is refused.
     *
     * @param parts              at least one, each document once
     * @param remainderOnAccount whether what the parts leave of a credit stays on the partner's account
     * @throws IllegalArgumentException when the entry is not open, a document is not an open invoice of the entry's
     *                                  direction and currency, the documents belong to several partners, a part is
     *                                  above what its document has open (naming the document), or the parts do not
     *                                  account for the entry's amount
     * @throws org.partnerfinance.persistence.api.ConcurrentChangeException when the entry changed since
     *                                  {@code expectedVersion}
     */
    BankEntryView split(Caller caller, long entryId, long expectedVersion, List<SplitPart> parts,
            boolean remainderOnAccount);

    /**
     * Closes an open entry without a payment, with the reason (e.g. "bank charges").
     *
     * @throws IllegalArgumentException when the reason is blank or the entry is not open
     */
    BankEntryView dismiss(Caller caller, long entryId, long expectedVersion, String reason);
}
