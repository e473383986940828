package org.partnerfinance.claims.settlement.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimSettlement;
import org.partnerfinance.claims.api.SettlementMethod;
import org.partnerfinance.documents.api.BankConfirmation;
import org.partnerfinance.security.api.Caller;

/**
 * Schedules and settles approved claims (finance managers; the platform for its scheduler and bank confirmations).
 * Each claim is settled in one unit of work with its documents, ledger postings and audit records.
 *
 * <ul>
 * <li>PAYMENT: on scheduling, a payable invoice for the claim (posted against the claim type's expense account, the
 * accrual reversed) and an outgoing payment with the planned value date, status scheduled; the claim becomes PAID when
 * the bank confirms that payment (a bank statement import, or {@link #confirmPayment} by hand).</li>
 * <li>CREDIT_NOTE: on its date, a receivable credit note for the claim (against the expense account, the accrual
 * reversed), applied to the partner's open invoices oldest due first; the claim becomes PAID at once.</li>
 * </ul>
 */
@ProviderType
public interface SettlementService {

    /** Approved claims waiting to be scheduled, oldest first (finance staff). */
    List<Claim> toSettle(Caller caller);

    /** Settlements scheduled and not yet settled, by date (finance staff). */
    List<ClaimSettlement> scheduled(Caller caller);

    /**
     * Schedules approved claims for settlement, each claim in its own unit of work: one that fails (not approved any
     * more, approved by the caller, ...) is reported and does not stop the others. A credit note dated today or
     * earlier is settled at once.
     *
     * @param date the planned date: today or later, at most a year ahead
     */
    List<SettlementOutcome> schedule(Caller caller, List<Long> claimIds, SettlementMethod method, LocalDate date);

    /**
     * Settles what is due on {@code asOf}: credit notes dated on or before it, and payments the bank has confirmed
     * whose claim is still scheduled (a confirmation whose event was missed). Each claim in its own unit of work.
     */
    List<SettlementOutcome> runDue(Caller caller, LocalDate asOf);

    /**
     * Confirms the payment of a claim scheduled as PAYMENT with the bank's reference, by hand (finance), and settles
     * the claim in the same unit of work.
     */
    Claim confirmPayment(Caller caller, long claimId, BankConfirmation confirmation);

    /** Settles the claim whose scheduled payment the bank confirmed (the platform, on the documents core's event). */
    java.util.Optional<Claim> paymentConfirmed(Caller caller, long paymentId);
}
