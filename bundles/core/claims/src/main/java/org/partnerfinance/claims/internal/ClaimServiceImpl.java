package org.partnerfinance.claims.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.CollectionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditProofs;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.claims.api.ApprovalOutcome;
import org.partnerfinance.claims.api.AttachmentContent;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimChange;
import org.partnerfinance.claims.api.ClaimEvents;
import org.partnerfinance.claims.api.ClaimEvent;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimListener;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.ClaimTypeLifecycle;
import org.partnerfinance.claims.api.ClaimTypeInfo;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceRule;
import org.partnerfinance.claims.api.ComplianceSubject;
import org.partnerfinance.claims.api.IllegalTransitionException;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.claims.api.RejectionCode;
import org.partnerfinance.claims.api.RejectionReason;
import org.partnerfinance.claims.api.ServiceLevelRun;
import org.partnerfinance.claims.api.ClaimVersion;
import org.partnerfinance.claims.api.StatusTotal;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.FeatureToggles;
import org.partnerfinance.ledger.api.ExchangeRate;
import org.partnerfinance.ledger.api.JournalEntry;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.persistence.api.Work;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claims service on the {@code claims} persistence unit.
 *
 * <p>Claim types and compliance rules are whiteboard services tracked as they come and go; a type is available while
 * it is installed and its extension id is switched on. Each state change, its ledger posting and its audit record run
 * in one unit of work; listeners hear of the change after that unit of work committed.
 */
@Component(service = ClaimService.class, configurationPid = ClaimServiceImpl.PID)
@Designate(ocd = ClaimsConfiguration.class)
public class ClaimServiceImpl implements ClaimService {

    static final String PID = "org.partnerfinance.claims";
    static final String UNIT = "claims";
    static final List<String> ENTITY_CLASSES = List.of(ClaimEntity.class.getName(), ClaimFieldEntity.class.getName(),
            ClaimAttachmentEntity.class.getName(), ClaimFindingEntity.class.getName(),
            ClaimStepEntity.class.getName(), RejectionCodeEntity.class.getName(),
            ClaimSettlementEntity.class.getName(), UtcInstantConverter.class.getName());

    private static final Logger LOG = LoggerFactory.getLogger(ClaimServiceImpl.class);
    private static final int MAX_COMMENT = 1000;
    private static final int MAX_PAYMENT_REFERENCE = 100;

    private final Jpa jpa;
    private final UnitOfWork unitOfWork;
    private final LedgerService ledger;
    private final AuditTrail audit;
    private final PartnerService partners;
    private final Clock clock;
    private final ClaimStore store = new ClaimStore(typeId -> installed(typeId).isPresent());
    private final DuplicateRule duplicateRule = new DuplicateRule();
    private volatile ApprovalLimits limits;
    private volatile ApprovalChains chains;

    /** The claim types bound, with their service properties; replaced as a whole when one comes or goes. */
    volatile List<Map.Entry<Map<String, ?>, ClaimType>> claimTypes = List.of();
    private final Object claimTypesLock = new Object();

    @Reference(name = "complianceRules", service = ComplianceRule.class,
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, collectionType = CollectionType.TUPLE)
    volatile List<Map.Entry<Map<String, ?>, ComplianceRule>> complianceRules = List.of();

    @Reference(name = "listeners", service = ClaimListener.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<ClaimListener> listeners = List.of();

    /** Where committed changes are announced ({@link ClaimEvents}); optional, events are not kept while it is absent. */
    @Reference(name = "events", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    @Reference(name = "toggles", policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile FeatureToggles toggles;

    /** Proofs of the claims' audit records; the audit trail's own component provides it beside {@link AuditTrail}. */
    @Reference(name = "proofs")
    AuditProofs proofs;

    @Activate
    public ClaimServiceImpl(ClaimsConfiguration config, BundleContext context,
            @Reference(name = "persistence") PersistenceService persistence,
            @Reference(name = "unitOfWork") UnitOfWork unitOfWork, @Reference(name = "ledger") LedgerService ledger,
            @Reference(name = "audit") AuditTrail audit, @Reference(name = "partners") PartnerService partners) {
        // the limits are parsed first: a bad configuration fails before the persistence unit is opened
        this(ApprovalLimits.of(config), ApprovalChains.of(config),
                persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), ENTITY_CLASSES, "db/claims")),
                unitOfWork, ledger, audit, partners, Clock.systemDefaultZone());
    }

    ClaimServiceImpl(ApprovalLimits limits, ApprovalChains chains, Jpa jpa, UnitOfWork unitOfWork,
            LedgerService ledger, AuditTrail audit, PartnerService partners, Clock clock) {
        this.limits = limits;
        this.chains = chains;
        this.jpa = jpa;
        this.unitOfWork = unitOfWork;
        this.ledger = ledger;
        this.audit = audit;
        this.partners = partners;
        this.clock = clock;
    }

    @Modified
    void modified(ClaimsConfiguration config) {
        limits = ApprovalLimits.of(config);
        chains = ApprovalChains.of(config);
    }

    @Deactivate
    void deactivate() {
        jpa.close();
    }

    // ---- claim types ----------------------------------------------------------------------------------------------

    @Override
    public List<ClaimTypeInfo> availableTypes(Caller caller) {
        Access.requireAnyRole(caller, Role.values());
        return claimTypes.stream()
                .filter(e -> enabled(e.getKey()))
                .map(e -> InstalledClaimType.of(e.getKey(), e.getValue()))
                .filter(t -> t.id() != null)
                .map(t -> new ClaimTypeInfo(t.id(), t.name(), t.formTitle(), t.fields(), t.attachmentPolicy()))
                .sorted(Comparator.comparing(ClaimTypeInfo::name))
                .toList();
    }

    @Reference(name = "claimTypes", service = ClaimType.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedClaimType")
    void bindClaimType(ClaimType type, Map<String, Object> properties) {
        synchronized (claimTypesLock) {
            List<Map.Entry<Map<String, ?>, ClaimType>> next = new ArrayList<>(claimTypes);
            next.add(Map.entry(properties, type));
            claimTypes = List.copyOf(next);
        }
        typesChanged(properties, type);
    }

    void updatedClaimType(ClaimType type, Map<String, Object> properties) {
        synchronized (claimTypesLock) {
            claimTypes = claimTypes.stream()
                    .<Map.Entry<Map<String, ?>, ClaimType>>map(e -> e.getValue() == type ? Map.entry(properties, type) : e)
                    .toList();
        }
        typesChanged(properties, type);
    }

    void unbindClaimType(ClaimType type, Map<String, Object> properties) {
        synchronized (claimTypesLock) {
            claimTypes = claimTypes.stream().filter(e -> e.getValue() != type).toList();
        }
        typesChanged(properties, type);
    }

    /**
     * Posts {@link ClaimEvents#TYPES_TOPIC} once this service's own list of types has changed, so that whoever reacts
     * (open screens through the claims UI) reads the new list: the order in which the framework tells different
     * components about the type's service does not matter.
     */
    private void typesChanged(Map<String, ?> properties, ClaimType type) {
        EventAdmin admin = events;
        if (admin == null) {
            return;
        }
        Map<String, Object> event = new HashMap<>();
        String id = InstalledClaimType.of(properties, type).id();
        if (id != null) {
            event.put(ClaimEvents.TYPE, id);
        }
        admin.postEvent(new Event(ClaimEvents.TYPES_TOPIC, event));
    }

    /** The registered service of a claim type, switched on or not, with its id and name from its properties. */
    private Optional<Map.Entry<Map<String, ?>, ClaimType>> installed(String typeId) {
        return claimTypes.stream()
                .<Map.Entry<Map<String, ?>, ClaimType>>map(
                        e -> Map.entry(e.getKey(), InstalledClaimType.of(e.getKey(), e.getValue())))
                .filter(e -> typeId.equals(e.getValue().id()))
                .findFirst();
    }

    /** Whether the extension that contributed a service is switched on; services without an extension id always are. */
    private boolean enabled(Map<String, ?> properties) {
        Object extensionId = properties.get(ExtensionConstants.EXTENSION_ID);
        return extensionId == null || toggles.isEnabled(extensionId.toString());
    }

    /**
     * The claim type if it is installed and switched on.
     *
     * @throws ClaimValidationException naming the type and why it cannot be used for what the caller is doing
     */
    private ClaimType requireAvailable(String typeId, String typeName, String doing) {
        if (typeId == null || typeId.isBlank()) {
            throw new ClaimValidationException(List.of(new Problem("typeId", "Choose the type of claim.")));
        }
        Optional<Map.Entry<Map<String, ?>, ClaimType>> type = installed(typeId);
        String name = typeName != null ? typeName : type.map(e -> e.getValue().name()).orElse(typeId);
        if (type.isEmpty()) {
            throw new ClaimValidationException(List.of(new Problem("typeId",
                    "Claims of type " + name + " cannot be " + doing + " now: the claim type is not installed.")));
        }
        if (!enabled(type.get().getKey())) {
            throw new ClaimValidationException(List.of(new Problem("typeId",
                    "Claims of type " + name + " cannot be " + doing + " now: the claim type is switched off.")));
        }
        return type.get().getValue();
    }

    // ---- creating and submitting ----------------------------------------------------------------------------------

    @Override
    public List<ComplianceFinding> check(Caller caller, ClaimDraft draft) {
        requireDraft(draft);
        Access.requireActingFor(caller, draft.partnerId());
        ClaimType type = requireAvailable(draft.typeId(), null, "created");
        validate(caller, type, draft);
        return compliance(type, draft, null);
    }

    @Override
    public Claim saveDraft(Caller caller, ClaimDraft draft) {
        return create(caller, draft, false);
    }

    @Override
    public Claim submitNew(Caller caller, ClaimDraft draft) {
        return create(caller, draft, true);
    }

    private Claim create(Caller caller, ClaimDraft draft, boolean submit) {
        requireDraft(draft);
        Access.requireActingFor(caller, draft.partnerId());
        return change(caller, submit ? "claim.submitted" : "claim.created", () -> {
            ClaimType type = requireAvailable(draft.typeId(), null, submit ? "submitted" : "created");
            Validated valid = validate(caller, type, draft);
            List<ComplianceFinding> findings = submit ? compliance(type, draft, null) : List.of();
            requireNoFailures(findings);
            Instant now = now();
            List<String> chain = submit ? chainFor(type.id(), valid.eligible()) : List.of();
            Claim claim = jpa.tx(em -> {
                ClaimEntity entity = new ClaimEntity(draft.partnerId(), type.id(), type.name(), draft.date(),
                        valid.checked().description(), draft.amount(), valid.eligible(), caller.username(), now);
                if (submit) {
                    entity.submit(now, valid.eligible());
                }
                store.insert(em, entity, valid.checked().fields(), valid.checked().attachments(), findings);
                store.addEditor(em, entity.getId(), caller.username());
                if (submit) {
                    startReview(em, entity, chain, caller, now);
                }
                em.flush();
                return store.snapshot(em, entity);
            });
            audit.append(event(caller, submit ? "claim.submitted" : "claim.created", claim, "", describe(claim)));
            return claim;
        });
    }

    @Override
    public Claim submit(Caller caller, long claimId, long expectedVersion) {
        Access.requireAnyRole(caller, Role.PARTNER_USER, Role.PARTNER_ADMIN); // which partner is checked once loaded
        return change(caller, "claim.submitted", () -> {
            ClaimEntity stored = jpa.tx(em -> store.require(em, claimId));
            Access.requireActingFor(caller, stored.getPartnerId());
            requireVersion(stored, expectedVersion);
            stored.requireCanMoveTo(ClaimStatus.SUBMITTED);
            ClaimType type = requireAvailable(stored.getTypeId(), stored.getTypeName(), "submitted");
            ClaimDraft draft = jpa.tx(em -> store.draftOf(em, stored));
            Validated valid = validate(caller, type, draft);
            List<ComplianceFinding> findings = compliance(type, draft, claimId);
            requireNoFailures(findings);
            List<String> chain = chainFor(type.id(), valid.eligible());
            ClaimStatus before = stored.getStatus();
            Claim claim = jpa.tx(em -> {
                ClaimEntity entity = store.require(em, claimId);
                requireVersion(entity, expectedVersion);
                Instant now = now();
                entity.submit(now, valid.eligible());
                store.replaceFindings(em, claimId, findings);
                startReview(em, entity, chain, caller, now);
                em.flush();
                return store.snapshot(em, entity);
            });
            audit.append(event(caller, "claim.submitted", claim, status(before), describe(claim) + "; version="
                    + claim.steps().size() + " step(s)"));
            return claim;
        });
    }

    /** Core checks and the type's checks passed, with the eligible amount the type computed. */
    private record Validated(ClaimValidator.Result checked, Money eligible) {
    }

    /**
     * Validates a draft: the partner may claim, the core checks, then (when those pass) the type's own validation and
     * its eligible amount. Throws with every problem found; nothing has been written at that point.
     */
    private Validated validate(Caller caller, ClaimType type, ClaimDraft draft) {
        List<Problem> problems = new ArrayList<>(partnerProblems(caller, draft));
        ClaimValidator.Result checked = ClaimValidator.check(draft, type.fields(), type.attachmentPolicy());
        problems.addAll(checked.problems());
        if (checked.problems().isEmpty()) {
            List<Problem> typeProblems = type.validate(draft, clock);
            if (typeProblems != null) {
                problems.addAll(typeProblems);
            }
        }
        if (!problems.isEmpty()) {
            throw new ClaimValidationException(problems);
        }
        Money eligible = type.eligibleAmount(draft);
        if (eligible == null || !eligible.currency().equals(draft.amount().currency()) || eligible.signum() < 0
                || eligible.compareTo(draft.amount()) > 0) {
            throw new IllegalStateException("Claim type " + type.id() + " computed an eligible amount of " + eligible
                    + " for a claim of " + draft.amount() + "; it must lie between zero and the claimed amount.");
        }
        if (eligible.isZero()) {
            throw new ClaimValidationException(List.of(new Problem("amount",
                    "Nothing of this claim is eligible under the programme terms.")));
        }
        return new Validated(checked, eligible);
    }

    private List<Problem> partnerProblems(Caller caller, ClaimDraft draft) {
        String partnerId = draft.partnerId();
        Optional<Partner> partner = partners.find(caller, partnerId);
        if (partner.isEmpty()) {
            return List.of(new Problem(null, "Partner " + partnerId + " is not known."));
        }
        if (!partner.get().active()) {
            return List.of(new Problem(null, "Partner " + partnerId + " is inactive and cannot submit claims."));
        }
        if (draft.amount() != null && !partner.get().allows(draft.amount().currency())) {
            return List.of(new Problem("currency", "Partner " + partnerId + " cannot claim in "
                    + draft.amount().currency().getCurrencyCode() + "; its claims are in "
                    + partner.get().allowedCurrencyCodes() + "."));
        }
        return List.of();
    }

    /**
     * Runs every switched-on rule that applies to the type, and the built-in duplicate rule unless one of those
     * replaces it.
     */
    private List<ComplianceFinding> compliance(ClaimType type, ClaimDraft draft, Long claimId) {
        List<Claim> earlier = jpa.tx(em -> store.forPartner(em, draft.partnerId())).stream()
                .filter(c -> claimId == null || c.id() != claimId)
                .toList();
        List<ComplianceRule> rules = new ArrayList<>();
        boolean duplicatesReplaced = false;
        for (Map.Entry<Map<String, ?>, ComplianceRule> rule : complianceRules) {
            if (Compliance.appliesTo(rule.getKey(), type.id()) && enabled(rule.getKey())) {
                rules.add(rule.getValue());
                duplicatesReplaced |= Compliance.replaces(rule.getKey(), DuplicateRule.ID);
            }
        }
        if (!duplicatesReplaced) {
            rules.add(0, duplicateRule);
        }
        return Compliance.run(rules, new ComplianceSubject(draft, claimId, earlier));
    }

    private static void requireNoFailures(List<ComplianceFinding> findings) {
        List<Problem> failures = Compliance.failures(findings);
        if (!failures.isEmpty()) {
            throw new ClaimValidationException(failures);
        }
    }

    // ---- review ---------------------------------------------------------------------------------------------------

    /** A decided claim and the journal entry its decision posts. */
    private record Decision(Claim claim, JournalEntryDraft posting) {
    }

    @Override
    public Claim approve(Caller caller, long claimId, long expectedVersion, String comment) {
        ClaimAccess.requireFinanceStaff(caller);
        String note = optionalText(comment, "comment", MAX_COMMENT);
        return approveStep(caller, claimId, expectedVersion, null, null, note);
    }

    @Override
    public Claim approvePartially(Caller caller, long claimId, long expectedVersion, Money approvedAmount,
            String reason) {
        ClaimAccess.requireFinanceStaff(caller);
        if (approvedAmount == null || approvedAmount.signum() <= 0) {
            throw new IllegalArgumentException("Enter the approved amount; it must be greater than zero.");
        }
        String why = optionalText(reason, "reason", MAX_COMMENT);
        if (why == null) {
            throw new IllegalArgumentException("Explain to the partner why less than the eligible amount is approved.");
        }
        return approveStep(caller, claimId, expectedVersion, approvedAmount, why, why);
    }

    @Override
    public List<ApprovalOutcome> approveAll(Caller caller, Map<Long, Long> expectedVersions, String comment) {
        ClaimAccess.requireFinanceStaff(caller);
        if (expectedVersions == null || expectedVersions.isEmpty()) {
            throw new IllegalArgumentException("Select the claims to approve.");
        }
        String note = optionalText(comment, "comment", MAX_COMMENT);
        List<ApprovalOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<Long, Long> selected : expectedVersions.entrySet()) {
            long id = selected.getKey();
            try {
                Claim claim = approveStep(caller, id, selected.getValue(), null, null, note);
                outcomes.add(new ApprovalOutcome(id, claim, true, null));
            } catch (ConcurrentChangeException | IllegalArgumentException | IllegalTransitionException
                    | AccessDeniedException e) {
                // the reviewer's own mistakes and the claim's state: reported per claim, the others go on
                outcomes.add(new ApprovalOutcome(id, null, false, e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("Mass approval of claim {} by {} failed", id, caller.username(), e);
                outcomes.add(new ApprovalOutcome(id, null, false,
                        "The claim could not be approved because of an internal error; it is unchanged."));
            }
        }
        return outcomes;
    }

    /** A step approval: the claim, the accrual when it was the last step, and what happened. */
    private record StepDecision(Claim claim, JournalEntryDraft posting, int step, Money approved, boolean last,
            ClaimType type) {
    }

    /**
     * Approves the current step of a claim for the eligible amount (or the one an earlier step approved), or for
     * {@code partial} with its reason; the last step approves the claim and posts its accrual.
     */
    private Claim approveStep(Caller caller, long claimId, long expectedVersion, Money partial, String reason,
            String note) {
        return changeWith(caller, () -> {
            StepDecision decision = jpa.tx(em -> {
                ClaimEntity entity = store.require(em, claimId);
                requireVersion(entity, expectedVersion);
                entity.requireCanMoveTo(ClaimStatus.APPROVED);
                ClaimType type = requireAvailable(entity.getTypeId(), entity.getTypeName(), "approved");
                List<ClaimStepEntity> steps = store.steps(em, claimId);
                if (entity.getCurrentStep() < 1 || entity.getCurrentStep() > steps.size()) {
                    throw new IllegalTransitionException("Claim " + entity.getReference()
                            + " has no approval step open.");
                }
                ClaimStepEntity current = steps.get(entity.getCurrentStep() - 1);
                Segregation.requireMayApprove(caller, entity, current, steps, store.editors(em, claimId),
                        store.submitters(em, claimId));
                Money approved = entity.accruedAmount();
                if (partial != null) {
                    if (!partial.currency().equals(approved.currency())) {
                        throw new IllegalArgumentException("The approved amount must be in "
                                + approved.currency().getCurrencyCode() + ", the currency of the claim.");
                    }
                    if (partial.compareTo(approved) >= 0) {
                        throw new IllegalArgumentException("A partial approval is below " + approved.format()
                                + "; to approve all of it, approve the claim.");
                    }
                    approved = partial;
                }
                limits.requireWithin(caller, approved);
                Instant now = now();
                current.approve(caller.username(), now, note);
                entity.approveStep(approved, reason);
                JournalEntryDraft posting = null;
                boolean last = current.getPosition() == steps.size();
                if (last) {
                    entity.approve(caller.username(), now, note, type.accountingRule());
                    // a type without an accounting rule (a pre-approval) commits no money: no accrual
                    posting = entity.accountingRule() == null ? null : ClaimPostings.accrual(entity, today());
                } else {
                    ClaimStepEntity next = steps.get(current.getPosition());
                    next.open(now.plus(chains.stepTime(next.getRole())));
                }
                em.flush();
                return new StepDecision(store.snapshot(em, entity), posting, current.getPosition(), approved, last,
                        type);
            });
            Claim claim = decision.claim();
            String partly = reason == null ? "" : "; partially approved=" + decision.approved() + "; reason=" + reason;
            if (!decision.last()) {
                audit.append(event(caller, "claim.step-approved", claim, status(ClaimStatus.SUBMITTED) + "; step="
                        + decision.step(), status(ClaimStatus.SUBMITTED) + "; step " + decision.step() + " of "
                        + claim.steps().size() + " approved" + partly));
                return new Changed(claim, "claim.step-approved");
            }
            String accrued = decision.posting() == null ? "; no accrual (the type posts none)"
                    : "; accrual entry=" + ledger.post(caller, decision.posting()).id();
            // inside this unit of work: if the type cannot do its part (e.g. reserve funds), nothing is approved
            lifecycleOf(decision.type()).approved(claim);
            audit.append(event(caller, "claim.approved", claim, status(ClaimStatus.SUBMITTED),
                    status(ClaimStatus.APPROVED) + "; eligible=" + claim.eligibleAmount() + "; approved="
                            + claim.approvedAmount() + partly + accrued));
            return new Changed(claim, "claim.approved");
        });
    }

    /**
     * The roles of the approval chain of a claim of this type and eligible amount, compared in the ledger's base
     * currency. Without an exchange rate for the claim's currency the amount cannot be placed in a band: the claim then
     * gets the chain of the highest band, the strictest, rather than being refused to the partner.
     */
    private List<String> chainFor(String typeId, Money eligible) {
        if (eligible.currency().equals(ledger.baseCurrency())) {
            return chains.select(typeId, eligible.amount());
        }
        Optional<ExchangeRate> rate = ledger.rateOn(eligible.currency(), today());
        if (rate.isEmpty()) {
            LOG.warn("No exchange rate {} to {} on {}: a {} claim of {} gets the strictest approval chain",
                    eligible.currency(), ledger.baseCurrency(), today(), typeId, eligible);
            return chains.strictest(typeId);
        }
        return chains.select(typeId, eligible.amount().multiply(rate.get().rate()));
    }

    /** Starts the approval chain of a (re)submitted claim and keeps the submitted version. */
    private void startReview(jakarta.persistence.EntityManager em, ClaimEntity entity, List<String> chain,
            Caller caller, Instant now) {
        store.startChain(em, entity.getId(), chain, now.plus(chains.stepTime(chain.get(0))));
        store.recordVersion(em, entity, caller.username(), now);
    }

    @Override
    public Claim reject(Caller caller, long claimId, long expectedVersion, RejectionReason reason, String comment) {
        return rejectWithCode(caller, claimId, expectedVersion, reason == null ? null : reason.code(), comment);
    }

    @Override
    public Claim rejectWithCode(Caller caller, long claimId, long expectedVersion, String reasonCode,
            String comment) {
        ClaimAccess.requireFinanceStaff(caller);
        if (reasonCode == null || reasonCode.isBlank()) {
            throw new IllegalArgumentException("Choose the reason for the rejection.");
        }
        String note = optionalText(comment, "comment", MAX_COMMENT);
        return change(caller, "claim.rejected", () -> {
            Claim claim = jpa.tx(em -> {
                RejectionCodeEntity code = em.find(RejectionCodeEntity.class, reasonCode.strip());
                if (code == null || code.toCode().retired()) {
                    throw new IllegalArgumentException("Choose a reason from the list; " + reasonCode.strip()
                            + " is not one (any more).");
                }
                if (code.toCode().commentRequired() && note == null) {
                    throw new IllegalArgumentException("Explain the rejection in a comment when the reason is \""
                            + code.toCode().text() + "\".");
                }
                ClaimEntity entity = store.require(em, claimId);
                requireVersion(entity, expectedVersion);
                entity.reject(caller.username(), now(), code.getCode(), note);
                store.releaseReceipts(em, claimId);
                em.flush();
                return store.snapshot(em, entity);
            });
            lifecycle(claim.typeId()).closed(claim);
            audit.append(event(caller, "claim.rejected", claim, status(ClaimStatus.SUBMITTED),
                    status(ClaimStatus.REJECTED) + "; reason=" + claim.rejection().code()));
            return claim;
        });
    }

    @Override
    public Claim returnForInformation(Caller caller, long claimId, long expectedVersion, String question) {
        ClaimAccess.requireFinanceStaff(caller);
        String text = optionalText(question, "question", MAX_COMMENT);
        if (text == null) {
            throw new IllegalArgumentException("Write the question the partner should answer.");
        }
        return change(caller, "claim.returned", () -> {
            Claim claim = jpa.tx(em -> {
                ClaimEntity entity = store.require(em, claimId);
                requireVersion(entity, expectedVersion);
                entity.returnForInformation(caller.username(), now(), text);
                store.clearChain(em, claimId);
                em.flush();
                return store.snapshot(em, entity);
            });
            audit.append(event(caller, "claim.returned", claim, status(ClaimStatus.SUBMITTED),
                    status(ClaimStatus.RETURNED) + "; question=" + text));
            return claim;
        });
    }

    @Override
    public Claim update(Caller caller, long claimId, long expectedVersion, ClaimDraft draft,
            List<Long> keepAttachmentIds) {
        requireDraft(draft);
        Access.requireAnyRole(caller, Role.PARTNER_USER, Role.PARTNER_ADMIN); // which partner is checked once loaded
        List<Long> keep = keepAttachmentIds == null ? List.of() : List.copyOf(keepAttachmentIds);
        return change(caller, "claim.updated", () -> {
            ClaimEntity stored = jpa.tx(em -> store.require(em, claimId));
            Access.requireActingFor(caller, stored.getPartnerId());
            requireVersion(stored, expectedVersion);
            if (!stored.getTypeId().equals(draft.typeId()) || !stored.getPartnerId().equals(draft.partnerId())) {
                throw new IllegalArgumentException("The type and the partner of a claim cannot be changed.");
            }
            stored.requireEditable();
            ClaimType type = requireAvailable(stored.getTypeId(), stored.getTypeName(), "changed");
            List<AttachmentUpload> kept = jpa.tx(em -> store.currentAttachments(em, claimId)).stream()
                    .filter(a -> keep.contains(a.getId()))
                    .map(a -> new AttachmentUpload(a.toAttachment().filename(), a.getContent())).toList();
            List<AttachmentUpload> all = new ArrayList<>(kept);
            all.addAll(draft.attachments());
            ClaimDraft whole = new ClaimDraft(draft.typeId(), draft.partnerId(), draft.date(), draft.description(),
                    draft.amount(), draft.fields(), all);
            Validated valid = validate(caller, type, whole);
            List<ClaimValidator.PreparedAttachment> added =
                    valid.checked().attachments().subList(kept.size(), valid.checked().attachments().size());
            String before = describe(jpa.tx(em -> store.snapshot(em, store.require(em, claimId))));
            Claim claim = jpa.tx(em -> {
                ClaimEntity entity = store.require(em, claimId);
                requireVersion(entity, expectedVersion);
                entity.edit(whole.date(), valid.checked().description(), whole.amount(), valid.eligible());
                store.replaceFields(em, claimId, valid.checked().fields());
                store.replaceAttachments(em, entity, keep, added);
                store.addEditor(em, claimId, caller.username());
                em.flush();
                return store.snapshot(em, entity);
            });
            audit.append(event(caller, "claim.updated", claim, before, describe(claim)));
            return claim;
        });
    }

    @Override
    public Claim withdraw(Caller caller, long claimId, long expectedVersion, String reason) {
        Access.requireAnyRole(caller, Role.PARTNER_USER, Role.PARTNER_ADMIN); // which partner is checked once loaded
        String why = optionalText(reason, "reason", MAX_COMMENT);
        return change(caller, "claim.withdrawn", () -> {
            ClaimStatus[] before = new ClaimStatus[1];
            Claim claim = jpa.tx(em -> {
                ClaimEntity entity = store.require(em, claimId);
                Access.requireActingFor(caller, entity.getPartnerId());
                requireVersion(entity, expectedVersion);
                before[0] = entity.getStatus();
                entity.withdraw(now(), why);
                store.clearChain(em, claimId);
                store.releaseReceipts(em, claimId);
                em.flush();
                return store.snapshot(em, entity);
            });
            lifecycle(claim.typeId()).closed(claim);
            audit.append(event(caller, "claim.withdrawn", claim, status(before[0]),
                    status(ClaimStatus.WITHDRAWN) + (why == null ? "" : "; reason=" + why)));
            return claim;
        });
    }

    @Override
    public Claim close(Caller caller, long claimId, long expectedVersion, String reason) {
        ClaimAccess.requireReader(caller); // the partner's own claims or finance staff: checked once loaded
        String why = optionalText(reason, "reason", MAX_COMMENT);
        if (why == null) {
            throw new IllegalArgumentException("Give the reason for closing the request.");
        }
        return change(caller, "claim.closed", () -> {
            Claim claim = jpa.tx(em -> {
                ClaimEntity entity = store.require(em, claimId);
                if (caller.isPartner()) {
                    Access.requireActingFor(caller, entity.getPartnerId());
                }
                requireVersion(entity, expectedVersion);
                entity.requireCanMoveTo(ClaimStatus.CLOSED);
                // the type gives back what the pre-approval holds: without it, closing would strand that
                requireAvailable(entity.getTypeId(), entity.getTypeName(), "closed");
                entity.close(why);
                em.flush();
                return store.snapshot(em, entity);
            });
            lifecycle(claim.typeId()).closed(claim);
            audit.append(event(caller, "claim.closed", claim, status(ClaimStatus.APPROVED),
                    status(ClaimStatus.CLOSED) + "; reason=" + why));
            return claim;
        });
    }

    @Override
    public List<ClaimVersion> versions(Caller caller, long claimId) {
        ClaimAccess.requireReader(caller);
        return jpa.tx(em -> Optional.ofNullable(em.find(ClaimEntity.class, claimId))
                .filter(c -> ClaimAccess.mayRead(caller, c.getPartnerId()))
                .map(c -> store.versions(em, claimId)).orElse(List.of()));
    }

    // ---- rejection-code catalogue ---------------------------------------------------------------------------------

    @Override
    public List<RejectionCode> rejectionCodes(Caller caller, boolean includeRetired) {
        Access.requireAnyRole(caller, Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR);
        return jpa.tx(em -> store.rejectionCodes(em, includeRetired));
    }

    @Override
    public RejectionCode saveRejectionCode(Caller caller, String code, String text, boolean commentRequired) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR);
        String key = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!key.matches("[A-Z0-9]{1,8}")) {
            throw new IllegalArgumentException("A rejection code has 1 to 8 letters or digits, e.g. R07.");
        }
        String meaning = optionalText(text, "text of the reason", 200);
        if (meaning == null) {
            throw new IllegalArgumentException("Enter the text of the reason the partner will read.");
        }
        return unitOfWork.required(() -> {
            String[] before = {""};
            RejectionCode saved = jpa.tx(em -> {
                RejectionCodeEntity entity = em.find(RejectionCodeEntity.class, key);
                if (entity == null) {
                    entity = new RejectionCodeEntity(key, meaning, commentRequired);
                    em.persist(entity);
                } else {
                    before[0] = entity.toCode().toString();
                    entity.rename(meaning, commentRequired);
                }
                em.flush();
                return entity.toCode();
            });
            audit.append(new AuditEvent(caller.username(), "claim.rejection-code.saved", "claim-rejection-code", key,
                    before[0], saved.toString()));
            return saved;
        });
    }

    @Override
    public RejectionCode retireRejectionCode(Caller caller, String code, boolean retired) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR);
        String key = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        return unitOfWork.required(() -> {
            String[] before = {""};
            RejectionCode saved = jpa.tx(em -> {
                RejectionCodeEntity entity = em.find(RejectionCodeEntity.class, key);
                if (entity == null) {
                    throw new IllegalArgumentException("There is no rejection code " + key + ".");
                }
                before[0] = entity.toCode().toString();
                entity.retire(retired);
                em.flush();
                return entity.toCode();
            });
            audit.append(new AuditEvent(caller.username(), retired ? "claim.rejection-code.retired"
                    : "claim.rejection-code.restored", "claim-rejection-code", key, before[0], saved.toString()));
            return saved;
        });
    }

    // ---- service levels -------------------------------------------------------------------------------------------

    @Override
    public ServiceLevelRun runServiceLevels(Caller caller, Instant asOf) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR);
        if (asOf == null) {
            throw new IllegalArgumentException("The time of the run is required.");
        }
        List<ClaimStepEntity> toRemind = jpa.tx(em -> store.openStepsDueBy(em, asOf.plus(chains.reminderLead()),
                false)).stream().filter(s -> s.getDueAt().isAfter(asOf)).toList();
        List<ClaimStepEntity> toEscalate = jpa.tx(em -> store.openStepsDueBy(em, asOf, true));
        int reminders = 0;
        for (ClaimStepEntity step : toRemind) {
            reminders += notice(caller, step, false, asOf) ? 1 : 0;
        }
        int escalations = 0;
        for (ClaimStepEntity step : toEscalate) {
            escalations += notice(caller, step, true, asOf) ? 1 : 0;
        }
        return new ServiceLevelRun(asOf, reminders, escalations);
    }

    /** Sends one reminder or escalation of a step, unless it went out already; each in its own unit of work. */
    private boolean notice(Caller caller, ClaimStepEntity step, boolean escalation, Instant asOf) {
        String action = escalation ? "claim.step-escalated" : "claim.step-reminder";
        try {
            Claim sent = changeWith(null, () -> {
                Claim claim = jpa.tx(em -> store.markNotice(em, step.getId(), escalation, asOf)
                        ? store.snapshot(em, store.require(em, step.getClaimId())) : null);
                if (claim == null) {
                    return null;
                }
                audit.append(event(caller, action, claim, "step=" + step.getPosition(), "step "
                        + step.getPosition() + " (" + step.getRole() + ") due " + step.getDueAt()));
                return new Changed(claim, action);
            });
            return sent != null;
        } catch (RuntimeException e) {
            LOG.error("The {} of step {} of claim {} could not be sent; the next run tries again", action,
                    step.getPosition(), step.getClaimId(), e);
            return false;
        }
    }

    @Override
    public Claim markPaid(Caller caller, long claimId, long expectedVersion, String paymentReference) {
        ClaimAccess.requireFinanceManager(caller);
        String reference = optionalText(paymentReference, "payment reference", MAX_PAYMENT_REFERENCE);
        if (reference == null) {
            throw new IllegalArgumentException("Enter the payment reference.");
        }
        return change(caller, "claim.paid", () -> {
            Decision decision = jpa.tx(em -> {
                ClaimEntity entity = store.require(em, claimId);
                requireVersion(entity, expectedVersion);
                requireNotApprovedBy(caller, entity, store.steps(em, claimId), "mark it paid");
                requireAccrued(entity, "marked paid");
                entity.markPaid(now(), reference);
                em.flush();
                return new Decision(store.snapshot(em, entity), ClaimPostings.settlement(entity, today()));
            });
            JournalEntry settlement = ledger.post(caller, decision.posting());
            lifecycle(decision.claim().typeId()).paid(decision.claim(), decision.claim().approvedAmount());
            audit.append(event(caller, "claim.paid", decision.claim(), status(ClaimStatus.APPROVED),
                    status(ClaimStatus.PAID) + "; payment reference=" + reference + "; settlement entry="
                            + settlement.id()));
            return decision.claim();
        });
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    /** Empty when the claim does not exist or belongs to a partner the caller may not read. */
    @Override
    public Optional<Claim> find(Caller caller, long claimId) {
        ClaimAccess.requireReader(caller);
        return jpa.tx(em -> Optional.ofNullable(em.find(ClaimEntity.class, claimId))
                .filter(c -> ClaimAccess.mayRead(caller, c.getPartnerId()))
                .map(c -> store.snapshot(em, c)));
    }

    /**
     * The audit trail does not authorize reads by entity ({@code AuditTrail.forEntity}): the claim is checked here
     * first, exactly as {@link #find} does.
     */
    @Override
    public List<ClaimEvent> history(Caller caller, long claimId) {
        ClaimAccess.requireReader(caller);
        boolean readable = jpa.tx(em -> Optional.ofNullable(em.find(ClaimEntity.class, claimId))
                .filter(c -> ClaimAccess.mayRead(caller, c.getPartnerId())).isPresent());
        if (!readable) {
            return List.of();
        }
        return audit.forEntity("claim", Long.toString(claimId)).stream()
                .map(r -> new ClaimEvent(r.at(), r.event().actor(), r.event().action(), r.event().before(),
                        r.event().after(), r.seq()))
                .toList();
    }

    /**
     * Authorized like {@link #history}; the audit trail's proofs are not authorized by themselves, so only sequence
     * numbers of this claim's own records are proven.
     */
    @Override
    public Optional<String> proof(Caller caller, long claimId, long sequence) {
        boolean ownRecord = history(caller, claimId).stream().anyMatch(e -> e.sequence() == sequence);
        if (!ownRecord) {
            return Optional.empty();
        }
        return Optional.of(proofs.proof(sequence).json());
    }

    @Override
    public List<Claim> listForPartner(Caller caller, String partnerId) {
        ClaimAccess.requireRead(caller, partnerId);
        return jpa.tx(em -> store.forPartner(em, partnerId));
    }

    @Override
    public List<Claim> reviewQueue(Caller caller) {
        ClaimAccess.requireFinanceStaff(caller);
        return jpa.tx(em -> store.inStatus(em, ClaimStatus.SUBMITTED));
    }

    @Override
    public List<StatusTotal> totals(Caller caller, String partnerId) {
        if (partnerId == null) {
            ClaimAccess.requireFinanceStaff(caller);
        } else {
            ClaimAccess.requireRead(caller, partnerId);
        }
        return jpa.tx(em -> store.totals(em, partnerId));
    }

    /** @throws IllegalArgumentException when the claim or attachment does not exist or the caller may not read it */
    @Override
    public AttachmentContent attachment(Caller caller, long claimId, long attachmentId) {
        ClaimAccess.requireReader(caller);
        return jpa.tx(em -> Optional.ofNullable(em.find(ClaimEntity.class, claimId))
                .filter(c -> ClaimAccess.mayRead(caller, c.getPartnerId()))
                .flatMap(c -> store.attachment(em, claimId, attachmentId))
                .orElseThrow(() -> new IllegalArgumentException("There is no such attachment.")));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /**
     * Runs a change in the current unit of work (or a new one) and, once that unit of work has committed, tells the
     * listeners and posts {@link ClaimEvents#TOPIC} on Event Admin; a rolled-back change is never announced.
     */
    private Claim change(Caller caller, String action, Work<Claim> work) {
        return changeWith(caller, () -> new Changed(work.run(), action));
    }

    /** A committed change and its action. */
    private record Changed(Claim claim, String action) {
    }

    /**
     * Like {@link #change}, the action decided by the work; a work that returns {@code null} changed nothing and
     * announces nothing. {@code caller} is {@code null} for the scheduler (no actor in the event).
     */
    private Claim changeWith(Caller caller, Work<Changed> work) {
        return unitOfWork.required(() -> {
            Changed changed = work.run();
            if (changed == null) {
                return null;
            }
            Claim claim = changed.claim();
            ClaimChange change = new ClaimChange(claim.id(), claim.partnerId(), claim.status());
            Event event = new Event(ClaimEvents.TOPIC, eventProperties(claim, changed.action(),
                    caller == null ? null : caller.username()));
            unitOfWork.afterCommit(() -> {
                notifyListeners(change);
                EventAdmin admin = events;
                if (admin != null) {
                    admin.postEvent(event);
                }
            });
            return claim;
        });
    }

    /** The {@link ClaimEvents} properties of a change; {@code actor} is {@code null} for the scheduler. */
    static Map<String, Object> eventProperties(Claim claim, String action, String actor) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ClaimEvents.CLAIM, claim.id());
        properties.put(ClaimEvents.REFERENCE, claim.reference());
        properties.put(ClaimEvents.PARTNER, claim.partnerId());
        properties.put(ClaimEvents.TYPE, claim.typeId());
        properties.put(ClaimEvents.STATUS, claim.status().name());
        properties.put(ClaimEvents.ACTION, action);
        properties.put(ClaimEvents.CREATED_BY, claim.createdBy());
        if (actor != null) {
            properties.put(ClaimEvents.ACTOR, actor);
        }
        claim.currentStep().ifPresent(step -> {
            properties.put(ClaimEvents.STEP, step.number());
            properties.put(ClaimEvents.STEPS, claim.steps().size());
            if (step.due() != null) {
                properties.put(ClaimEvents.DUE, LocalDate.ofInstant(step.due(), java.time.ZoneOffset.UTC).toString());
            }
        });
        String[] next = switch (claim.status()) {
            case SUBMITTED -> claim.currentStep()
                    .map(step -> step.role().equals(Role.FINANCE_REVIEWER.id())
                            ? new String[] { Role.FINANCE_REVIEWER.id(), Role.FINANCE_MANAGER.id() }
                            : new String[] { step.role() })
                    .orElse(new String[] { Role.FINANCE_REVIEWER.id(), Role.FINANCE_MANAGER.id() });
            case RETURNED -> new String[] { Role.PARTNER_USER.id(), Role.PARTNER_ADMIN.id() };
            // an approved pre-approval waits for the claim that follows it, not for a finance manager's settlement
            case APPROVED -> claim.isApprovedPreApproval() ? null : new String[] { Role.FINANCE_MANAGER.id() };
            default -> null;
        };
        if (next != null) {
            properties.put(ClaimEvents.NEXT_ROLES, next);
        }
        return properties;
    }

    private void notifyListeners(ClaimChange change) {
        for (ClaimListener listener : listeners) {
            try {
                listener.claimChanged(change);
            } catch (RuntimeException e) {
                LOG.error("Claim listener {} failed on {}", listener.getClass().getName(), change, e);
            }
        }
    }

    /**
     * Refuses to pay or settle an approved claim whose type posted no accrual (a pre-approval): there is nothing to
     * pay; the money is claimed by the claim that follows it.
     */
    private static void requireAccrued(ClaimEntity claim, String doing) {
        if (claim.getStatus() == ClaimStatus.APPROVED && claim.accountingRule() == null) {
            throw new IllegalStateException("Claim " + claim.getReference() + " (" + claim.getTypeName()
                    + ") is a pre-approval: its approval accrued nothing, so it cannot be " + doing + ".");
        }
    }

    /** The lifecycle hooks of a claim's type; none when the type is not installed (see {@link ClaimTypeLifecycle}). */
    private ClaimTypeLifecycle lifecycle(String typeId) {
        Optional<Map.Entry<Map<String, ?>, ClaimType>> type = installed(typeId);
        if (type.isEmpty()) {
            LOG.warn("Claim type {} is not installed: it is not told that its claim moved on", typeId);
            return NO_LIFECYCLE;
        }
        return lifecycleOf(type.get().getValue());
    }

    private static ClaimTypeLifecycle lifecycleOf(ClaimType type) {
        return type instanceof InstalledClaimType installed ? installed.lifecycle()
                : type instanceof ClaimTypeLifecycle hooks ? hooks : NO_LIFECYCLE;
    }

    private static final ClaimTypeLifecycle NO_LIFECYCLE = new ClaimTypeLifecycle() {
    };

    private static void requireDraft(ClaimDraft draft) {
        if (draft == null) {
            throw new IllegalArgumentException("A claim draft is required.");
        }
    }

    /** Segregation of duties: whoever approved a claim (or a step of its chain) does not also release its payment. */
    private static void requireNotApprovedBy(Caller caller, ClaimEntity claim, List<ClaimStepEntity> steps,
            String doing) {
        boolean approvedAStep = steps.stream().anyMatch(s -> caller.username().equals(s.getApprovedBy()));
        if (claim.getStatus() == ClaimStatus.APPROVED
                && (caller.username().equals(claim.getDecidedBy()) || approvedAStep)) {
            throw new AccessDeniedException("You approved claim " + claim.getReference()
                    + " yourself, so someone else has to " + doing + " (segregation of duties).");
        }
    }

    private static void requireVersion(ClaimEntity claim, long expectedVersion) {
        if (claim.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException("Claim " + claim.getReference()
                    + " was changed by someone else in the meantime. Reload it and try again.", null);
        }
    }

    /** Trimmed text, {@code null} when blank. */
    private static String optionalText(String text, String what, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() > max) {
            throw new IllegalArgumentException("The " + what + " has at most " + max + " characters.");
        }
        return trimmed;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static AuditEvent event(Caller caller, String action, Claim claim, String before, String after) {
        return new AuditEvent(caller.username(), action, "claim", Long.toString(claim.id()), before, after);
    }

    private static String status(ClaimStatus status) {
        return "status=" + status;
    }

    private static String describe(Claim claim) {
        return status(claim.status()) + "; reference=" + claim.reference() + "; partner=" + claim.partnerId()
                + "; type=" + claim.typeId() + "; amount=" + claim.amount() + "; eligible=" + claim.eligibleAmount();
    }

    // ---- settlement (the claims-settlement bundle drives these; they keep the claim's side of it) -----------------

    private static final int MAX_SETTLEMENT_REFERENCE = 100;

    @Override
    public Optional<org.partnerfinance.claims.api.ClaimAccrual> accrual(Caller caller, long claimId) {
        ClaimAccess.requireFinanceStaff(caller);
        return jpa.tx(em -> Optional.ofNullable(em.find(ClaimEntity.class, claimId)))
                .filter(c -> c.accountingRule() != null)
                .map(c -> new org.partnerfinance.claims.api.ClaimAccrual(claimId, openAccrual(c), c.accountingRule()));
    }

    @Override
    public Claim scheduleSettlement(Caller caller, long claimId, long expectedVersion,
            org.partnerfinance.claims.api.SettlementPlan plan) {
        ClaimAccess.requireFinanceManager(caller);
        if (plan == null || plan.method() == null) {
            throw new IllegalArgumentException("Choose how the claim is settled: credit note or payment.");
        }
        if (plan.date() == null) {
            throw new IllegalArgumentException("Choose the settlement date.");
        }
        return change(caller, "claim.scheduled", () -> {
            ClaimEntity stored = jpa.tx(em -> {
                ClaimEntity found = store.require(em, claimId);
                requireNotApprovedBy(caller, found, store.steps(em, claimId), "schedule its settlement");
                return found;
            });
            requireVersion(stored, expectedVersion);
            stored.requireCanMoveTo(ClaimStatus.SCHEDULED);
            requireAccrued(stored, "settled");
            Money amount = openAccrual(stored);
            if (amount.signum() <= 0) {
                throw new IllegalStateException("Claim " + stored.getReference() + " has no open accrual to settle.");
            }
            Claim claim = jpa.tx(em -> {
                ClaimEntity entity = store.require(em, claimId);
                requireVersion(entity, expectedVersion);
                entity.scheduleSettlement();
                em.persist(new ClaimSettlementEntity(entity, plan, amount, caller.username(), now()));
                em.flush();
                return store.snapshot(em, entity);
            });
            String reversal = plan.documentId() == null ? "" : "; " + reverseAccrualOf(caller, claimId);
            audit.append(event(caller, "claim.scheduled", claim, status(ClaimStatus.APPROVED),
                    status(ClaimStatus.SCHEDULED) + "; " + describePlan(plan) + "; amount=" + amount + reversal));
            return claim;
        });
    }

    @Override
    public Claim settle(Caller caller, long claimId, long expectedVersion,
            org.partnerfinance.claims.api.SettlementPlan plan, String reference) {
        ClaimAccess.requireFinanceManager(caller);
        String settledWith = optionalText(reference, "settlement reference", MAX_SETTLEMENT_REFERENCE);
        if (settledWith == null) {
            throw new IllegalArgumentException("Enter the settlement reference.");
        }
        return change(caller, "claim.paid", () -> {
            ClaimEntity stored = jpa.tx(em -> store.require(em, claimId));
            requireVersion(stored, expectedVersion);
            if (stored.getStatus() != ClaimStatus.SCHEDULED) {
                throw new org.partnerfinance.claims.api.IllegalTransitionException("Claim " + stored.getReference()
                        + " is not scheduled for settlement.");
            }
            ClaimSettlementEntity planned = jpa.tx(em -> em.find(ClaimSettlementEntity.class, claimId));
            if (plan != null && plan.method() != null && plan.method() != planned.getMethod()) {
                throw new IllegalArgumentException("Claim " + stored.getReference() + " is scheduled for settlement as "
                        + planned.getMethod().label() + ", not as " + plan.method().label() + ".");
            }
            if (plan != null) {
                jpa.tx(em -> {
                    em.find(ClaimSettlementEntity.class, claimId).attach(plan);
                    em.flush();
                    return null;
                });
            }
            String reversal = "";
            ClaimSettlementEntity current = jpa.tx(em -> em.find(ClaimSettlementEntity.class, claimId));
            if (!current.isAccrualReversed()) {
                if (current.getDocumentId() == null) {
                    throw new IllegalStateException("Claim " + stored.getReference()
                            + " has no settlement document yet, so it cannot be settled.");
                }
                reversal = "; " + reverseAccrualOf(caller, claimId);
            }
            Claim claim = jpa.tx(em -> {
                ClaimEntity entity = store.require(em, claimId);
                requireVersion(entity, expectedVersion);
                entity.markPaid(now(), settledWith);
                em.find(ClaimSettlementEntity.class, claimId).settled(settledWith, now());
                em.flush();
                return store.snapshot(em, entity);
            });
            org.partnerfinance.claims.api.SettlementPlan done = jpa.tx(em ->
                    em.find(ClaimSettlementEntity.class, claimId).plan());
            lifecycle(claim.typeId()).paid(claim, claim.approvedAmount());
            audit.append(event(caller, "claim.paid", claim, status(ClaimStatus.SCHEDULED),
                    status(ClaimStatus.PAID) + "; settlement reference=" + settledWith + "; " + describePlan(done)
                            + reversal));
            return claim;
        });
    }

    @Override
    public Optional<org.partnerfinance.claims.api.ClaimSettlement> settlement(Caller caller, long claimId) {
        ClaimAccess.requireReader(caller);
        return jpa.tx(em -> Optional.ofNullable(em.find(ClaimEntity.class, claimId))
                .filter(c -> ClaimAccess.mayRead(caller, c.getPartnerId()))
                .map(c -> em.find(ClaimSettlementEntity.class, claimId))
                .map(ClaimSettlementEntity::toRecord));
    }

    @Override
    public List<org.partnerfinance.claims.api.ClaimSettlement> scheduledSettlements(Caller caller) {
        ClaimAccess.requireFinanceStaff(caller);
        return jpa.tx(em -> em.createQuery("SELECT s FROM ClaimSettlementEntity s WHERE s.settledAt IS NULL "
                + "ORDER BY s.plannedDate, s.claimId", ClaimSettlementEntity.class).getResultList().stream()
                .map(ClaimSettlementEntity::toRecord).toList());
    }

    @Override
    public List<Claim> inStatus(Caller caller, ClaimStatus status) {
        ClaimAccess.requireFinanceStaff(caller);
        if (status == null) {
            throw new IllegalArgumentException("Choose a status.");
        }
        return jpa.tx(em -> store.inStatus(em, status));
    }

    /** The accrual the ledger still holds for an approved claim on its accrual account. */
    private Money openAccrual(ClaimEntity claim) {
        return Accruals.open(ledger.entriesForSource(Caller.system(), ClaimPostings.source(claim.getId())),
                claim.accountingRule().accrualAccount(), claim.amount().currency());
    }

    /**
     * Reverses the claim's accrual entries (with their original rates: the accrual account nets to zero in document
     * and base currency) and marks the settlement so; refuses to leave anything of the accrual standing.
     *
     * @return what the audit record says about it
     */
    private String reverseAccrualOf(Caller caller, long claimId) {
        ClaimEntity claim = jpa.tx(em -> store.require(em, claimId));
        String accrualAccount = claim.accountingRule().accrualAccount();
        List<JournalEntry> entries = ledger.entriesForSource(Caller.system(), ClaimPostings.source(claimId));
        List<Long> reversals = new ArrayList<>();
        for (JournalEntry entry : Accruals.toReverse(entries, accrualAccount)) {
            reversals.add(ledger.reverse(caller, entry.id(), "Settlement of claim " + claim.getReference()).id());
        }
        Money left = openAccrual(claim);
        if (left.signum() != 0) {
            throw new IllegalStateException("Reversing the accrual of claim " + claim.getReference() + " leaves "
                    + left + " on account " + accrualAccount + ".");
        }
        jpa.tx(em -> {
            em.find(ClaimSettlementEntity.class, claimId).accrualReversed();
            em.flush();
            return null;
        });
        return "accrual reversed by entries " + reversals;
    }

    private static String describePlan(org.partnerfinance.claims.api.SettlementPlan plan) {
        return "method=" + plan.method() + "; date=" + plan.date()
                + (plan.documentId() == null ? "" : "; document=" + plan.documentNumber() + " (" + plan.documentId()
                        + ")")
                + (plan.paymentId() == null ? "" : "; payment=" + plan.paymentId());
    }
}
