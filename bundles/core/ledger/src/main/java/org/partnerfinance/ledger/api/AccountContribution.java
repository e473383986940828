package org.partnerfinance.ledger.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Accounts an extension needs in the chart of accounts (e.g. a claim type's expense account), registered as a
 * whiteboard service instead of a schema migration of the core. When the service appears, the ledger opens each
 * contributed account that does not exist yet (as the system, audited). Existing accounts are left as they are: a
 * finance manager may have renamed or deactivated them. A contributed account whose code exists with another
 * {@link AccountType} is refused and logged, never changed. Accounts are never removed when the contribution goes
 * away: their postings stay.
 */
@ConsumerType
public interface AccountContribution {

    /** The accounts the extension posts to; {@link Account#active()} is ignored (new accounts open active). */
    List<Account> accounts();
}
