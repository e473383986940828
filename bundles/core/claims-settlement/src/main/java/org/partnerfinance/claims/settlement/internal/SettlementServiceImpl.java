package org.partnerfinance.claims.settlement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimAccrual;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimSettlement;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.SettlementMethod;
import org.partnerfinance.claims.api.SettlementPlan;
import org.partnerfinance.claims.settlement.api.SettlementOutcome;
import org.partnerfinance.claims.settlement.api.SettlementService;
import org.partnerfinance.documents.api.AllocationRequest;
import org.partnerfinance.documents.api.BankConfirmation;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles claims through the documents core and moves them through the claims core, each claim in one unit of work:
 * the settlement documents, their postings, the accrual reversal, the claim's new status and every audit record commit
 * together or not at all.
 */
@Component(service = SettlementService.class)
public class SettlementServiceImpl implements SettlementService {

    private static final Logger LOG = LoggerFactory.getLogger(SettlementServiceImpl.class);
    /** Open invoices read per page when a credit note is applied. */
    private static final int PAGE = 500;

    private final ClaimService claims;
    private final DocumentService documents;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    @Activate
    public SettlementServiceImpl(@Reference(name = "claims") ClaimService claims,
            @Reference(name = "documents") DocumentService documents,
            @Reference(name = "unitOfWork") UnitOfWork unitOfWork) {
        this(claims, documents, unitOfWork, Clock.systemDefaultZone());
    }

    SettlementServiceImpl(ClaimService claims, DocumentService documents, UnitOfWork unitOfWork, Clock clock) {
        this.claims = claims;
        this.documents = documents;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public List<Claim> toSettle(Caller caller) {
        // an approved pre-approval (a claim type without accounting rule) accrued nothing and is never settled
        return claims.inStatus(caller, ClaimStatus.APPROVED).stream()
                .filter(c -> claims.accrual(caller, c.id()).isPresent()).toList();
    }

    @Override
    public List<ClaimSettlement> scheduled(Caller caller) {
        return claims.scheduledSettlements(caller);
    }

    @Override
    public List<SettlementOutcome> schedule(Caller caller, List<Long> claimIds, SettlementMethod method,
            LocalDate date) {
        requireManager(caller);
        SettlementRules.requirePlannable(method, date, today());
        if (claimIds == null || claimIds.isEmpty()) {
            throw new IllegalArgumentException("Select the claims to settle.");
        }
        List<SettlementOutcome> outcomes = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(claimIds)) {
            outcomes.add(attempt(id, () -> scheduleOne(caller, id, method, date),
                    claim -> claim.reference() + (claim.status() == ClaimStatus.PAID
                            ? ": settled by credit note today"
                            : ": settlement scheduled for " + date + " as " + method.label())));
        }
        return outcomes;
    }

    private Claim scheduleOne(Caller caller, long claimId, SettlementMethod method, LocalDate date) {
        return unitOfWork.required(() -> {
            Claim claim = requireClaim(caller, claimId);
            if (claim.status() != ClaimStatus.APPROVED) {
                throw new IllegalStateException("Claim " + claim.reference() + " is "
                        + claim.status().name().toLowerCase(java.util.Locale.ROOT) + ", not approved.");
            }
            ClaimAccrual accrual = requireAccrual(caller, claim);
            if (method == SettlementMethod.PAYMENT) {
                Document payable = documents.create(caller, SettlementRules.payable(claim, accrual, today(), date));
                Payment payment = documents.recordPayment(caller,
                        SettlementRules.payment(claim, accrual, payable.id(), date));
                return claims.scheduleSettlement(caller, claimId, claim.version(), new SettlementPlan(method, date,
                        payable.id(), payable.number(), payment.id()));
            }
            Claim scheduled = claims.scheduleSettlement(caller, claimId, claim.version(),
                    SettlementPlan.of(method, date));
            return SettlementRules.due(date, today()) ? settleCreditNote(caller, scheduled, date) : scheduled;
        });
    }

    /** Issues the claim's credit note on its date, applies it to open invoices and settles the claim. */
    private Claim settleCreditNote(Caller caller, Claim claim, LocalDate date) {
        ClaimAccrual accrual = requireAccrual(caller, claim);
        Document creditNote = documents.create(caller, SettlementRules.creditNote(claim, accrual, date));
        List<AllocationRequest> plan = SettlementRules.creditPlan(creditNote.open().amount(),
                openInvoices(caller, creditNote));
        for (AllocationRequest allocation : plan) {
            creditNote = documents.applyCreditNote(caller, creditNote.id(), creditNote.version(), allocation);
        }
        return claims.settle(caller, claim.id(), claim.version(), new SettlementPlan(SettlementMethod.CREDIT_NOTE,
                date, creditNote.id(), creditNote.number(), null), creditNote.number());
    }

    /** The partner's receivable invoices with something open in the credit note's currency. */
    private List<Document> openInvoices(Caller caller, Document creditNote) {
        List<Document> open = new ArrayList<>();
        for (DocumentStatus status : List.of(DocumentStatus.OPEN, DocumentStatus.PARTIALLY_SETTLED)) {
            int offset = 0;
            while (true) {
                List<Document> page = documents.search(caller, new DocumentQuery(creditNote.partnerId(),
                        Direction.RECEIVABLE, DocumentKind.INVOICE, status, null, null, null, null,
                        DocumentQuery.Sort.DUE_DATE, true, offset, PAGE)).items();
                page.stream().filter(d -> d.open().currency().equals(creditNote.open().currency()))
                        .forEach(open::add);
                if (page.size() < PAGE) {
                    break;
                }
                offset += PAGE;
            }
        }
        return open;
    }

    @Override
    public List<SettlementOutcome> runDue(Caller caller, LocalDate asOf) {
        requireManager(caller);
        if (asOf == null) {
            throw new IllegalArgumentException("Choose the date to settle up to.");
        }
        List<SettlementOutcome> outcomes = new ArrayList<>();
        for (ClaimSettlement s : claims.scheduledSettlements(caller)) {
            SettlementPlan plan = s.plan();
            if (plan.method() == SettlementMethod.CREDIT_NOTE && SettlementRules.due(plan.date(), asOf)) {
                outcomes.add(attempt(s.claimId(), () -> unitOfWork.required(() -> settleCreditNote(caller,
                        requireClaim(caller, s.claimId()), plan.date())),
                        claim -> claim.reference() + ": settled by credit note"));
            } else if (plan.method() == SettlementMethod.PAYMENT && plan.paymentId() != null) {
                Optional<Payment> payment = documents.findPayment(caller, plan.paymentId())
                        .filter(p -> p.status() == PaymentStatus.CONFIRMED);
                if (payment.isPresent()) {
                    outcomes.add(attempt(s.claimId(), () -> settlePaid(caller, s.claimId(), payment.get()),
                            claim -> claim.reference() + ": paid, bank reference " + payment.get().bankReference()));
                }
            }
        }
        return outcomes;
    }

    @Override
    public Claim confirmPayment(Caller caller, long claimId, BankConfirmation confirmation) {
        requireManager(caller);
        return unitOfWork.required(() -> {
            ClaimSettlement settlement = claims.settlement(caller, claimId)
                    .filter(s -> !s.settled())
                    .orElseThrow(() -> new IllegalArgumentException("Claim " + claimId
                            + " has no scheduled settlement."));
            if (settlement.plan().method() != SettlementMethod.PAYMENT || settlement.plan().paymentId() == null) {
                throw new IllegalArgumentException("Claim " + settlement.claimReference()
                        + " is settled by credit note: there is no payment to confirm.");
            }
            Payment payment = documents.findPayment(caller, settlement.plan().paymentId()).orElseThrow(
                    () -> new IllegalStateException("The payment of claim " + settlement.claimReference()
                            + " is missing."));
            Payment confirmed = documents.confirmPayment(caller, payment.id(), payment.version(), confirmation);
            return settlePaid(caller, claimId, confirmed);
        });
    }

    @Override
    public Optional<Claim> paymentConfirmed(Caller caller, long paymentId) {
        requireManager(caller);
        Optional<ClaimSettlement> settlement = claims.scheduledSettlements(caller).stream()
                .filter(s -> s.plan().paymentId() != null && s.plan().paymentId() == paymentId)
                .findFirst();
        if (settlement.isEmpty()) {
            return Optional.empty();
        }
        Payment payment = documents.findPayment(caller, paymentId)
                .filter(p -> p.status() == PaymentStatus.CONFIRMED)
                .orElseThrow(() -> new IllegalStateException("Payment " + paymentId
                        + " is not confirmed by the bank."));
        return Optional.of(settlePaid(caller, settlement.get().claimId(), payment));
    }

    /** Scheduled → paid with the bank's reference of its confirmed payment. */
    private Claim settlePaid(Caller caller, long claimId, Payment confirmed) {
        return unitOfWork.required(() -> {
            Claim claim = requireClaim(caller, claimId);
            return claims.settle(caller, claimId, claim.version(), null, confirmed.bankReference());
        });
    }

    /** Runs one claim's change; a failure becomes that claim's outcome (its unit of work is rolled back). */
    private static SettlementOutcome attempt(long claimId, java.util.function.Supplier<Claim> change,
            java.util.function.Function<Claim, String> message) {
        try {
            Claim claim = change.get();
            return new SettlementOutcome(claimId, claim, message.apply(claim));
        } catch (RuntimeException e) {
            if (!(e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof AccessDeniedException)) {
                LOG.warn("Settlement of claim {} failed", claimId, e);
            }
            return new SettlementOutcome(claimId, null, "Claim " + claimId + ": " + e.getMessage());
        }
    }

    private Claim requireClaim(Caller caller, long claimId) {
        return claims.find(caller, claimId)
                .orElseThrow(() -> new IllegalArgumentException("There is no claim " + claimId + "."));
    }

    private ClaimAccrual requireAccrual(Caller caller, Claim claim) {
        return claims.accrual(caller, claim.id()).orElseThrow(() -> new IllegalStateException("Claim "
                + claim.reference() + " has no accrual to settle: it was never approved, or it is a pre-approval whose "
                + "approval accrues nothing."));
    }

    /** Finance managers of the company, and the platform (which holds every role). */
    private static void requireManager(Caller caller) {
        Access.requireAnyRole(caller, Role.FINANCE_MANAGER);
        if (caller.isPartner()) {
            throw new AccessDeniedException("Only the finance team settles claims.");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
