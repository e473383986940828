package org.partnerfinance.ledger.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.Caller;

/** Posts and reads journal entries. Joins the caller's unit of work. */
@ProviderType
public interface LedgerService {

    /** The chart of accounts. */
    List<Account> accounts();

    /**
     * Validates and posts an entry. Finance staff and the platform itself may post.
     *
     * @throws UnbalancedEntryException if it does not balance, or names an unknown account
     */
    JournalEntry post(Caller caller, JournalEntryDraft draft);

    /** Posts the reversal of a posted entry (posted entries are never changed). */
    JournalEntry reverse(Caller caller, long entryId, String reason);

    /** Entries touching a partner, newest first (partner users: their own partner only). */
    List<JournalEntry> entriesForPartner(Caller caller, String partnerId);

    /** Entries whose source is the given business document, e.g. {@code claim:42}. */
    List<JournalEntry> entriesForSource(Caller caller, String source);

    /** Non-zero balances of a partner by account and currency. */
    List<Balance> balancesForPartner(Caller caller, String partnerId);
}
