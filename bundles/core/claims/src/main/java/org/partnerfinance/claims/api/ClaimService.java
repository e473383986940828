package org.partnerfinance.claims.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.Caller;

/**
 * The claims service. Every method authorizes the caller: partner users create, submit and read only their own
 * partner's claims; finance staff review all partners' claims within their approval limits. State changes, their ledger
 * postings and their audit records commit in one unit of work.
 */
@ProviderType
public interface ClaimService {

    /** Claim types installed and enabled now. */
    List<ClaimTypeInfo> availableTypes(Caller caller);

    /** Runs validation and compliance rules without saving. */
    List<ComplianceFinding> check(Caller caller, ClaimDraft draft);

    /** Saves a new claim in status DRAFT. @throws ClaimValidationException when invalid */
    Claim saveDraft(Caller caller, ClaimDraft draft);

    /** Submits a draft, or resubmits a returned claim (a new version in its history). */
    Claim submit(Caller caller, long claimId, long expectedVersion);

    /** Saves and submits in one step (what the partner's form does). */
    Claim submitNew(Caller caller, ClaimDraft draft);

    /**
     * Approves the current step of a submitted claim's approval chain; when it is the last step, the claim becomes
     * APPROVED and its accrual is posted. Segregation of duties: nobody approves a claim they created, edited or
     * submitted, one of their own organisation, or two steps of one chain.
     */
    Claim approve(Caller caller, long claimId, long expectedVersion, String comment);

    /**
     * Approves the current step for less than the eligible amount, with a reason the partner sees; the approved amount
     * is what later steps approve and what is accrued.
     */
    Claim approvePartially(Caller caller, long claimId, long expectedVersion, Money approvedAmount, String reason);

    /**
     * Approves the current step of each selected claim (claim id to expected version), each in its own unit of work:
     * one failing does not stop the others; limits and segregation of duties apply per claim. Outcomes in the order
     * given.
     */
    List<ApprovalOutcome> approveAll(Caller caller, Map<Long, Long> expectedVersions, String comment);

    /** Rejects a submitted claim with a coded reason; a comment is required for {@link RejectionReason#OTHER}. */
    Claim reject(Caller caller, long claimId, long expectedVersion, RejectionReason reason, String comment);

    /**
     * Rejects a submitted claim with a code of the catalogue ({@link #rejectionCodes}) that is not retired; a comment
     * is required when the code says so.
     */
    Claim rejectWithCode(Caller caller, long claimId, long expectedVersion, String reasonCode, String comment);

    /** Returns a submitted claim to the partner with a question (finance staff); the partner edits and resubmits. */
    Claim returnForInformation(Caller caller, long claimId, long expectedVersion, String question);

    /**
     * Changes a draft or returned claim (the partner): date, description, amount and fields from {@code draft}
     * (its type and partner must stay), attachments: those of the claim listed in {@code keepAttachmentIds} plus the
     * new ones in the draft. Removed attachments stay readable in the claim's {@link #versions}.
     */
    Claim update(Caller caller, long claimId, long expectedVersion, ClaimDraft draft, List<Long> keepAttachmentIds);

    /** Withdraws a claim before approval (the partner), with an optional reason. */
    Claim withdraw(Caller caller, long claimId, long expectedVersion, String reason);

    /**
     * Closes an approved pre-approval (a claim whose type has no accounting rule, e.g. an MDF request) without
     * settlement: APPROVED → CLOSED with the reason, audited; the type is told ({@link ClaimTypeLifecycle#closed}) in
     * the same unit of work and gives back what it holds, or refuses. The partner closes its own claims, finance staff
     * (and the platform) any. The type must be installed and switched on, since it is the one that gives back.
     *
     * @throws IllegalTransitionException when the claim is not an approved pre-approval, or its type refuses
     * @throws IllegalArgumentException   when the reason is missing or too long
     */
    Claim close(Caller caller, long claimId, long expectedVersion, String reason);

    /** Every submitted version of a claim, oldest first; same authorization as {@link #find}. */
    List<ClaimVersion> versions(Caller caller, long claimId);

    /** The rejection-reason catalogue (finance staff, administrators; partners read codes on their claims). */
    List<RejectionCode> rejectionCodes(Caller caller, boolean includeRetired);

    /** Adds a rejection code or renames an existing one (administrators). */
    RejectionCode saveRejectionCode(Caller caller, String code, String text, boolean commentRequired);

    /** Retires a rejection code or brings it back (administrators). */
    RejectionCode retireRejectionCode(Caller caller, String code, boolean retired);

    /**
     * Sends the service-level reminders and escalations due at {@code asOf} (administrators and the platform's
     * scheduler): a reminder for each open step due within the configured lead time, an escalation for each step past
     * its due date, each at most once per step, as {@link ClaimEvents} with the actions {@code claim.step-reminder}
     * and {@code claim.step-escalated}.
     */
    ServiceLevelRun runServiceLevels(Caller caller, Instant asOf);

    /** Records payment of an approved claim and posts the settlement (finance managers). */
    Claim markPaid(Caller caller, long claimId, long expectedVersion, String paymentReference);

    /** One claim, if the caller may read it. */
    java.util.Optional<Claim> find(Caller caller, long claimId);

    /**
     * A claim's history from the audit trail, oldest first, with the same authorization as {@link #find}: empty when
     * the claim does not exist or the caller may not read it.
     */
    List<ClaimEvent> history(Caller caller, long claimId);

    /**
     * The proof of one record of a claim's {@link #history history} ({@link ClaimEvent#sequence}) as a self-contained
     * JSON document that anyone can check against the audit trail's signed tree head with its published public key
     * (docs/audit-trail.md, "How to check a proof"). Same authorization as {@link #history}: empty when the claim does
     * not exist, the caller may not read it, or the record is not one of the claim's.
     */
    java.util.Optional<String> proof(Caller caller, long claimId, long sequence);

    /** A partner's claims, newest first. */
    List<Claim> listForPartner(Caller caller, String partnerId);

    /** Submitted claims of all partners awaiting review, oldest first (finance roles). */
    List<Claim> reviewQueue(Caller caller);

    /** Counts and totals by status and currency: for a partner (partner roles) or for all partners (finance roles, partnerId null). */
    List<StatusTotal> totals(Caller caller, String partnerId);

    /** An attachment's bytes, if the caller may read the claim. */
    AttachmentContent attachment(Caller caller, long claimId, long attachmentId);

    // ---- settlement (driven by the claims-settlement bundle) --------------------------------------------------------

    /**
     * The accrual an approved or scheduled claim still has open in the ledger and its accounting rule (finance staff):
     * what a settlement must settle. Empty when the claim does not exist or was never approved.
     */
    java.util.Optional<ClaimAccrual> accrual(Caller caller, long claimId);

    /**
     * Schedules an approved claim for settlement (finance managers, not the approver): APPROVED → SCHEDULED with the
     * plan the partner sees. When the plan names a settlement document already (a payable for a PAYMENT), the claim's
     * accrual is reversed in the same unit of work, since that document now carries the expense.
     *
     * @throws IllegalArgumentException when the plan has no method or date
     */
    Claim scheduleSettlement(Caller caller, long claimId, long expectedVersion, SettlementPlan plan);

    /**
     * Settles a scheduled claim (finance managers; the platform for bank confirmations and due credit notes):
     * SCHEDULED → PAID with the settlement reference. A plan naming the settlement document may be given (a credit note
     * issued on its date); the accrual is reversed then unless that already happened.
     *
     * @param plan the plan with its documents, or {@code null} to keep the stored one
     */
    Claim settle(Caller caller, long claimId, long expectedVersion, SettlementPlan plan, String reference);

    /** The settlement of a claim, with the same authorization as {@link #find}: partners see their own claims'. */
    java.util.Optional<ClaimSettlement> settlement(Caller caller, long claimId);

    /** Settlements not yet settled, by planned date (finance staff). */
    List<ClaimSettlement> scheduledSettlements(Caller caller);

    /** Claims in one status, oldest decision first (finance staff), e.g. the approved claims waiting for settlement. */
    List<Claim> inStatus(Caller caller, ClaimStatus status);
}
