package org.partnerfinance.claims.ui.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partnerfinance.claims.api.ApprovalOutcome;
import org.partnerfinance.claims.api.AttachmentContent;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimEvent;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimTypeInfo;
import org.partnerfinance.claims.api.ClaimVersion;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.RejectionCode;
import org.partnerfinance.claims.api.RejectionReason;
import org.partnerfinance.claims.api.ServiceLevelRun;
import org.partnerfinance.claims.api.StatusTotal;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.Caller;

/** A claims service holding one claim; decisions are recorded and answered by {@link #decision}. */
class StubClaims implements ClaimService {

    interface Decision {
        Claim decide(String action, long id, long version, Object... args);
    }

    Claim claim;
    final List<String> calls = new ArrayList<>();
    Decision decision = (action, id, version, args) -> {
        throw new UnsupportedOperationException(action);
    };
    List<ClaimTypeInfo> types = List.of();
    List<Claim> queue = List.of();
    /** What {@link #attachment} serves, for claim id {@code attachment id / 100}. */
    AttachmentContent content;

    List<ClaimEvent> history = List.of();
    /** Who asked for a claim's history (kept apart from the decisions in {@link #calls}). */
    final List<String> historyReads = new ArrayList<>();

    @Override
    public List<ClaimEvent> history(Caller caller, long claimId) {
        historyReads.add(claimId + " " + caller.username());
        return claim != null && claim.id() == claimId ? history : List.of();
    }

    /** Who asked for which proof. */
    final List<String> proofReads = new ArrayList<>();

    @Override
    public Optional<String> proof(Caller caller, long claimId, long sequence) {
        proofReads.add(claimId + " " + sequence + " " + caller.username());
        return claim != null && claim.id() == claimId
                && history.stream().anyMatch(e -> e.sequence() == sequence)
                ? Optional.of("{\"proof-of\": " + sequence + "}") : Optional.empty();
    }

    @Override
    public Optional<Claim> find(Caller caller, long claimId) {
        return claim != null && claim.id() == claimId ? Optional.of(claim) : Optional.empty();
    }

    @Override
    public Claim approve(Caller caller, long claimId, long expectedVersion, String comment) {
        calls.add("approve " + claimId + " v" + expectedVersion + " " + comment);
        return claim = decision.decide("approve", claimId, expectedVersion, comment);
    }

    @Override
    public Claim reject(Caller caller, long claimId, long expectedVersion, RejectionReason reason, String comment) {
        calls.add("reject " + claimId + " v" + expectedVersion + " " + reason + " " + comment);
        return claim = decision.decide("reject", claimId, expectedVersion, reason, comment);
    }

    @Override
    public Claim rejectWithCode(Caller caller, long claimId, long expectedVersion, String reasonCode,
            String comment) {
        calls.add("reject " + claimId + " v" + expectedVersion + " " + reasonCode + " " + comment);
        return claim = decision.decide("reject", claimId, expectedVersion, reasonCode, comment);
    }

    @Override
    public Claim approvePartially(Caller caller, long claimId, long expectedVersion, Money approvedAmount,
            String reason) {
        calls.add("partial " + claimId + " v" + expectedVersion + " " + approvedAmount + " " + reason);
        return claim = decision.decide("partial", claimId, expectedVersion, approvedAmount, reason);
    }

    @Override
    public List<ApprovalOutcome> approveAll(Caller caller, Map<Long, Long> expectedVersions, String comment) {
        calls.add("approveAll " + expectedVersions + " " + comment);
        List<ApprovalOutcome> outcomes = new ArrayList<>();
        expectedVersions.forEach((id, version) -> {
            try {
                outcomes.add(new ApprovalOutcome(id, decision.decide("approve", id, version, comment), true, null));
            } catch (RuntimeException e) {
                outcomes.add(new ApprovalOutcome(id, null, false, e.getMessage()));
            }
        });
        return outcomes;
    }

    @Override
    public Claim returnForInformation(Caller caller, long claimId, long expectedVersion, String question) {
        calls.add("return " + claimId + " v" + expectedVersion + " " + question);
        return claim = decision.decide("return", claimId, expectedVersion, question);
    }

    @Override
    public Claim update(Caller caller, long claimId, long expectedVersion, ClaimDraft draft,
            List<Long> keepAttachmentIds) {
        calls.add("update " + claimId + " v" + expectedVersion + " " + draft.amount() + " keep " + keepAttachmentIds);
        return claim = decision.decide("update", claimId, expectedVersion, draft, keepAttachmentIds);
    }

    @Override
    public Claim withdraw(Caller caller, long claimId, long expectedVersion, String reason) {
        calls.add("withdraw " + claimId + " v" + expectedVersion + " " + reason);
        return claim = decision.decide("withdraw", claimId, expectedVersion, reason);
    }

    @Override
    public Claim close(Caller caller, long claimId, long expectedVersion, String reason) {
        calls.add("close " + claimId + " v" + expectedVersion + " " + reason);
        return claim = decision.decide("close", claimId, expectedVersion, reason);
    }

    List<ClaimVersion> versions = List.of();

    @Override
    public List<ClaimVersion> versions(Caller caller, long claimId) {
        return claim != null && claim.id() == claimId ? versions : List.of();
    }

    List<RejectionCode> codes = List.of(new RejectionCode("R01", "Receipt or proof missing or unreadable", false,
            false), new RejectionCode("R99", "Other reason, see comment", true, false));

    @Override
    public List<RejectionCode> rejectionCodes(Caller caller, boolean includeRetired) {
        return codes.stream().filter(c -> includeRetired || !c.retired()).toList();
    }

    @Override
    public RejectionCode saveRejectionCode(Caller caller, String code, String text, boolean commentRequired) {
        calls.add("saveCode " + code + " " + text + " " + commentRequired);
        RejectionCode saved = new RejectionCode(code, text, commentRequired, false);
        List<RejectionCode> next = new ArrayList<>(codes.stream().filter(c -> !c.code().equals(code)).toList());
        next.add(saved);
        codes = next;
        return saved;
    }

    @Override
    public RejectionCode retireRejectionCode(Caller caller, String code, boolean retired) {
        calls.add("retireCode " + code + " " + retired);
        RejectionCode old = codes.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
        RejectionCode saved = new RejectionCode(code, old.text(), old.commentRequired(), retired);
        codes = codes.stream().map(c -> c.code().equals(code) ? saved : c).toList();
        return saved;
    }

    @Override
    public ServiceLevelRun runServiceLevels(Caller caller, Instant asOf) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Claim markPaid(Caller caller, long claimId, long expectedVersion, String paymentReference) {
        calls.add("paid " + claimId + " v" + expectedVersion + " " + paymentReference);
        return claim = decision.decide("paid", claimId, expectedVersion, paymentReference);
    }

    @Override
    public List<ClaimTypeInfo> availableTypes(Caller caller) {
        return types;
    }

    @Override
    public List<Claim> listForPartner(Caller caller, String partnerId) {
        return claim == null ? List.of() : List.of(claim);
    }

    @Override
    public List<Claim> reviewQueue(Caller caller) {
        return queue;
    }

    /** Drafts the form checked and submitted, and how the service answers them. */
    final List<ClaimDraft> checked = new ArrayList<>();
    final List<ClaimDraft> submitted = new ArrayList<>();
    java.util.function.Function<ClaimDraft, List<ComplianceFinding>> onCheck = draft -> List.of();
    java.util.function.Function<ClaimDraft, Claim> onSubmit = draft -> {
        throw new UnsupportedOperationException("submitNew");
    };

    @Override
    public List<ComplianceFinding> check(Caller caller, ClaimDraft draft) {
        checked.add(draft);
        return onCheck.apply(draft);
    }

    @Override
    public Claim saveDraft(Caller caller, ClaimDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Claim submit(Caller caller, long claimId, long expectedVersion) {
        calls.add("submit " + claimId + " v" + expectedVersion);
        return claim = decision.decide("submit", claimId, expectedVersion);
    }

    @Override
    public Claim submitNew(Caller caller, ClaimDraft draft) {
        submitted.add(draft);
        return onSubmit.apply(draft);
    }

    @Override
    public List<StatusTotal> totals(Caller caller, String partnerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AttachmentContent attachment(Caller caller, long claimId, long attachmentId) {
        if (content == null || claimId != content.attachment().id() / 100) {
            throw new IllegalArgumentException("There is no such attachment.");
        }
        return content;
    }

    /** What {@link #settlement} answers for the claim. */
    org.partnerfinance.claims.api.ClaimSettlement settlement;

    @Override
    public Optional<org.partnerfinance.claims.api.ClaimAccrual> accrual(Caller caller, long claimId) {
        return Optional.empty();
    }

    @Override
    public Claim scheduleSettlement(Caller caller, long claimId, long expectedVersion,
            org.partnerfinance.claims.api.SettlementPlan plan) {
        calls.add("schedule " + claimId + " v" + expectedVersion + " " + plan.method() + " " + plan.date());
        return claim = decision.decide("schedule", claimId, expectedVersion, plan);
    }

    @Override
    public Claim settle(Caller caller, long claimId, long expectedVersion,
            org.partnerfinance.claims.api.SettlementPlan plan, String reference) {
        calls.add("settle " + claimId + " v" + expectedVersion + " " + reference);
        return claim = decision.decide("settle", claimId, expectedVersion, plan, reference);
    }

    @Override
    public Optional<org.partnerfinance.claims.api.ClaimSettlement> settlement(Caller caller, long claimId) {
        return claim != null && claim.id() == claimId ? Optional.ofNullable(settlement) : Optional.empty();
    }

    @Override
    public List<org.partnerfinance.claims.api.ClaimSettlement> scheduledSettlements(Caller caller) {
        return settlement == null || settlement.settled() ? List.of() : List.of(settlement);
    }

    @Override
    public List<Claim> inStatus(Caller caller, org.partnerfinance.claims.api.ClaimStatus status) {
        return claim != null && claim.status() == status ? List.of(claim) : List.of();
    }
}
