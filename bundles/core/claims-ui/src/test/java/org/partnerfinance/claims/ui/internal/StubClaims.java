package org.partnerfinance.claims.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.partnerfinance.claims.api.AttachmentContent;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimEvent;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimTypeInfo;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.RejectionReason;
import org.partnerfinance.claims.api.StatusTotal;
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
        throw new UnsupportedOperationException();
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
}
