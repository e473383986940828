package org.partnerfinance.claimtype.rebate.api;

import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.Caller;

/**
 * Rebate agreements, the sales volumes they are earned on, and the accrual of the earned rebate. Every method
 * authorizes the caller: finance staff manage agreements and volumes of every partner; partner users read only their
 * own partner's agreements (another partner's agreement reads like a missing one). Every change, the ledger posting of
 * the difference it makes to the earned rebate (debit 4900 partner rebates, credit 2160 accrued rebates, or the
 * reverse when it shrinks) and its audit record commit in one unit of work.
 */
@ProviderType
public interface RebateService {

    /** Topic published on the UI's live updates after a change committed (with the partner id). */
    String LIVE_TOPIC = "rebates";

    /** Agreements of one partner, or of every partner ({@code partnerId == null}, finance only), newest first. */
    List<Agreement> agreements(Caller caller, String partnerId);

    /** One agreement, if it exists and the caller may read it. */
    Optional<Agreement> find(Caller caller, long agreementId);

    /**
     * Creates an agreement (finance) and calculates it on the volumes already there, accruing what it earns.
     *
     * @throws RebateValidationException naming the field for invalid terms
     */
    Agreement create(Caller caller, AgreementDraft draft);

    /**
     * Changes an agreement's terms (finance; the partner cannot be changed) and recalculates it: only the difference to
     * what was accrued before is posted.
     *
     * @throws RebateValidationException naming the field for invalid terms
     * @throws org.partnerfinance.persistence.api.ConcurrentChangeException when someone changed it first
     */
    Agreement update(Caller caller, long agreementId, long expectedVersion, AgreementDraft draft);

    /**
     * Imports sales lines of one partner from CSV (finance): a header line naming the columns {@code date},
     * {@code product}, {@code category}, {@code quantity}, {@code amount}, {@code currency} (any order, case ignored;
     * product and category may be empty), then one line per sale. All or nothing: a file with any bad line stores
     * nothing and every problem is reported by line. The same file imported again adds nothing. The partner's agreements
     * whose volume changed are recalculated in the same unit of work.
     *
     * @param progress told the share of the file processed (0..1) while it is read and stored; may be {@code null}
     * @throws SalesImportException listing the bad lines
     */
    SalesImport importSales(Caller caller, String partnerId, String fileName, byte[] csv, DoubleConsumer progress);

    /**
     * Counts the partner's receivable invoices (and credit notes, negatively) recorded in the core that were not counted
     * yet (finance). Invoices carry no product or category, so their net amount counts only for agreements that cover
     * all products. Recalculates what changed.
     */
    SalesImport importInvoices(Caller caller, String partnerId);

    /** Recalculates every agreement of a partner, or of every partner ({@code partnerId == null}) (finance). */
    List<Agreement> recalculate(Caller caller, String partnerId);

    /** Where the partner's agreements stand: earned, claimed, claimable, tier watchlist. */
    List<RebateStanding> standings(Caller caller, String partnerId);

    /** Earned minus claimed of one agreement, if the caller may read it. */
    Optional<Money> claimable(Caller caller, long agreementId);
}
