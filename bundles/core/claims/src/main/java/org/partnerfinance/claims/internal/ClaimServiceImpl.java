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
import org.partnerfinance.claims.api.AttachmentContent;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimChange;
import org.partnerfinance.claims.api.ClaimEvents;
import org.partnerfinance.claims.api.ClaimEvent;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimListener;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.ClaimTypeInfo;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceRule;
import org.partnerfinance.claims.api.ComplianceSubject;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.claims.api.RejectionReason;
import org.partnerfinance.claims.api.StatusTotal;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.FeatureToggles;
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
            UtcInstantConverter.class.getName());

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

    @Reference(name = "claimTypes", service = ClaimType.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            collectionType = CollectionType.TUPLE)
    volatile List<Map.Entry<Map<String, ?>, ClaimType>> claimTypes = List.of();

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
        this(ApprovalLimits.of(config),
                persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), ENTITY_CLASSES, "db/claims")),
                unitOfWork, ledger, audit, partners, Clock.systemDefaultZone());
    }

    ClaimServiceImpl(ApprovalLimits limits, Jpa jpa, UnitOfWork unitOfWork, LedgerService ledger, AuditTrail audit,
            PartnerService partners, Clock clock) {
        this.limits = limits;
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
                .map(e -> new ClaimTypeInfo(e.getValue().id(), e.getValue().name(), e.getValue().formTitle(),
                        e.getValue().fields(),
                        e.getValue().attachmentPolicy()))
                .sorted(Comparator.comparing(ClaimTypeInfo::name))
                .toList();
    }

    /** The registered service of a claim type, switched on or not. */
    private Optional<Map.Entry<Map<String, ?>, ClaimType>> installed(String typeId) {
        return claimTypes.stream().filter(e -> e.getValue().id().equals(typeId)).findFirst();
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
            Claim claim = jpa.tx(em -> {
                ClaimEntity entity = new ClaimEntity(draft.partnerId(), type.id(), type.name(), draft.date(),
                        valid.checked().description(), draft.amount(), valid.eligible(), caller.username(), now);
                if (submit) {
                    entity.submit(now, valid.eligible());
                }
                store.insert(em, entity, valid.checked().fields(), valid.checked().attachments(), findings);
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
            Claim claim = jpa.tx(em -> {
                ClaimEntity entity = store.require(em, claimId);
                requireVersion(entity, expectedVersion);
                entity.submit(now(), valid.eligible());
                store.replaceFindings(em, claimId, findings);
                em.flush();
                return store.snapshot(em, entity);
            });
            audit.append(event(caller, "claim.submitted", claim, status(ClaimStatus.DRAFT), describe(claim)));
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

    /** Runs the built-in duplicate rule and every switched-on rule that applies to the type. */
    private List<ComplianceFinding> compliance(ClaimType type, ClaimDraft draft, Long claimId) {
        List<Claim> earlier = jpa.tx(em -> store.forPartner(em, draft.partnerId())).stream()
                .filter(c -> claimId == null || c.id() != claimId)
                .toList();
        List<ComplianceRule> rules = new ArrayList<>();
        rules.add(duplicateRule);
        for (Map.Entry<Map<String, ?>, ComplianceRule> rule : complianceRules) {
            if (Compliance.appliesTo(rule.getKey(), type.id()) && enabled(rule.getKey())) {
                rules.add(rule.getValue());
            }
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
        return change(caller, "claim.approved", () -> {
            Decision decision = jpa.tx(em -> {
                ClaimEntity entity = store.require(em, claimId);
                requireVersion(entity, expectedVersion);
                entity.requireCanMoveTo(ClaimStatus.APPROVED);
                ClaimType type = requireAvailable(entity.getTypeId(), entity.getTypeName(), "approved");
                limits.requireWithin(caller, entity.eligibleAmount());
                entity.approve(caller.username(), now(), note, type.accountingRule());
                em.flush();
                return new Decision(store.snapshot(em, entity), ClaimPostings.accrual(entity, today()));
            });
            JournalEntry accrual = ledger.post(caller, decision.posting());
            audit.append(event(caller, "claim.approved", decision.claim(), status(ClaimStatus.SUBMITTED),
                    status(ClaimStatus.APPROVED) + "; eligible=" + decision.claim().eligibleAmount()
                            + "; accrual entry=" + accrual.id()));
            return decision.claim();
        });
    }

    @Override
    public Claim reject(Caller caller, long claimId, long expectedVersion, RejectionReason reason, String comment) {
        ClaimAccess.requireFinanceStaff(caller);
        if (reason == null) {
            throw new IllegalArgumentException("Choose the reason for the rejection.");
        }
        String note = optionalText(comment, "comment", MAX_COMMENT);
        if (reason == RejectionReason.OTHER && note == null) {
            throw new IllegalArgumentException("Explain the rejection in a comment when the reason is \""
                    + reason.text() + "\".");
        }
        return change(caller, "claim.rejected", () -> {
            Claim claim = jpa.tx(em -> {
                ClaimEntity entity = store.require(em, claimId);
                requireVersion(entity, expectedVersion);
                entity.reject(caller.username(), now(), reason, note);
                store.releaseReceipts(em, claimId);
                em.flush();
                return store.snapshot(em, entity);
            });
            audit.append(event(caller, "claim.rejected", claim, status(ClaimStatus.SUBMITTED),
                    status(ClaimStatus.REJECTED) + "; reason=" + reason.code()));
            return claim;
        });
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
                requireNotApprovedBy(caller, entity);
                entity.markPaid(now(), reference);
                em.flush();
                return new Decision(store.snapshot(em, entity), ClaimPostings.settlement(entity, today()));
            });
            JournalEntry settlement = ledger.post(caller, decision.posting());
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
        return unitOfWork.required(() -> {
            Claim claim = work.run();
            ClaimChange change = new ClaimChange(claim.id(), claim.partnerId(), claim.status());
            Event event = new Event(ClaimEvents.TOPIC, eventProperties(claim, action, caller.username()));
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
        String[] next = switch (claim.status()) {
            case SUBMITTED -> new String[] { Role.FINANCE_REVIEWER.id(), Role.FINANCE_MANAGER.id() };
            case RETURNED -> new String[] { Role.PARTNER_USER.id(), Role.PARTNER_ADMIN.id() };
            case APPROVED -> new String[] { Role.FINANCE_MANAGER.id() };
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

    private static void requireDraft(ClaimDraft draft) {
        if (draft == null) {
            throw new IllegalArgumentException("A claim draft is required.");
        }
    }

    /** Segregation of duties: whoever approved a claim does not also release its payment. */
    private static void requireNotApprovedBy(Caller caller, ClaimEntity claim) {
        if (claim.getStatus() == ClaimStatus.APPROVED && caller.username().equals(claim.getDecidedBy())) {
            throw new AccessDeniedException("You approved claim " + claim.getReference()
                    + " yourself, so someone else has to mark it paid (segregation of duties).");
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
}
