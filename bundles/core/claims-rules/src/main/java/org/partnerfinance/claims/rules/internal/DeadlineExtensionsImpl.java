package org.partnerfinance.claims.rules.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.rules.api.DeadlineExtensions;
import org.partnerfinance.claims.rules.api.ExtensionRequest;
import org.partnerfinance.claims.rules.api.ExtensionStatus;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Deadline extensions on the {@code claimrules} persistence unit. Which saved claims a caller may ask for (or read the
 * requests of) is decided by the claims service: a claim it does not show the caller does not exist here either. Each
 * request and decision is audited ({@code claim.extension-requested}, {@code -granted}, {@code -refused}) in the unit
 * of work that stores it: on the claim when it is saved, so it appears in the claim's history, else on the request; an
 * event follows after commit.
 */
@Component(service = { DeadlineExtensions.class, GrantedExtensions.class })
public class DeadlineExtensionsImpl implements DeadlineExtensions, GrantedExtensions {

    static final String UNIT = "claimrules";
    static final List<String> ENTITY_CLASSES = List.of(ExtensionRequestEntity.class.getName(),
            UtcInstantConverter.class.getName());

    private static final int MAX_TEXT = 1000;
    /** A claim can be given more time while the partner may still change and submit it. */
    private static final Set<ClaimStatus> OPEN = Set.copyOf(EnumSet.of(ClaimStatus.DRAFT, ClaimStatus.RETURNED));

    private final Jpa jpa;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final ClaimService claims;
    private final Function<String, Optional<RuleSettings>> settings;
    private final Clock clock;

    /** The rule settings per claim type, as configured now. */
    @Reference(name = "types", service = ClaimTypeRules.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<ClaimTypeRules> types = List.of();

    /** Where committed requests and decisions are announced; optional. */
    @Reference(name = "events", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    @Activate
    public DeadlineExtensionsImpl(BundleContext context, @Reference(name = "persistence") PersistenceService persistence,
            @Reference(name = "unitOfWork") UnitOfWork unitOfWork, @Reference(name = "audit") AuditTrail audit,
            @Reference(name = "claims") ClaimService claims) {
        this.jpa = persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), ENTITY_CLASSES,
                "db/claimrules"));
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.claims = claims;
        this.settings = typeId -> ClaimTypeRules.settingsOf(types, typeId);
        this.clock = Clock.systemDefaultZone();
    }

    DeadlineExtensionsImpl(Jpa jpa, UnitOfWork unitOfWork, AuditTrail audit, ClaimService claims,
            Function<String, Optional<RuleSettings>> settings, Clock clock) {
        this.jpa = jpa;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.claims = claims;
        this.settings = settings;
        this.clock = clock;
    }

    @Deactivate
    void deactivate() {
        jpa.close();
    }

    @Override
    public ExtensionRequest request(Caller caller, long claimId, String reason) {
        Access.requireAnyRole(caller, Role.PARTNER_USER, Role.PARTNER_ADMIN);
        String why = requireReason(reason);
        Claim claim = claims.find(caller, claimId)
                .orElseThrow(() -> new IllegalArgumentException("There is no claim " + claimId + "."));
        Access.requireActingFor(caller, claim.partnerId());
        if (!OPEN.contains(claim.status())) {
            throw new IllegalArgumentException("Claim " + claim.reference() + " is " + status(claim.status())
                    + ": more time can only be asked for a claim that is not submitted yet.");
        }
        RuleSettings typeSettings = deadlineSettings(claim.typeId(), claim.typeName());
        Map<String, String> fields = new HashMap<>();
        for (ClaimField field : claim.fields()) {
            if (field.value() != null) {
                fields.put(field.name(), field.value());
            }
        }
        LocalDate deadline = DeadlineRule.deadline(typeSettings, claim.date(), fields)
                .orElseThrow(() -> new IllegalArgumentException("Claim " + claim.reference() + " has no date."))
                .last();
        return create(caller, new ExtensionRequestEntity(claimId, claim.reference(), claim.partnerId(),
                claim.typeId(), claim.date(), deadline, why, caller.username(), now()));
    }

    @Override
    public ExtensionRequest request(Caller caller, String typeId, LocalDate activityDate, String reason) {
        Access.requireAnyRole(caller, Role.PARTNER_USER, Role.PARTNER_ADMIN);
        Access.requireActingFor(caller, caller.partnerId());
        String why = requireReason(reason);
        if (typeId == null || typeId.isBlank()) {
            throw new IllegalArgumentException("Choose the type of the claim.");
        }
        if (activityDate == null) {
            throw new IllegalArgumentException("Enter the date of the claim (the activity or expense date).");
        }
        if (activityDate.isAfter(today())) {
            throw new IllegalArgumentException("A claim dated " + activityDate + " is not late: the date lies in the "
                    + "future.");
        }
        RuleSettings typeSettings = deadlineSettings(typeId.strip(), typeId.strip());
        LocalDate deadline = DeadlineRule.deadline(typeSettings, activityDate, Map.of()).orElseThrow().last();
        return create(caller, new ExtensionRequestEntity(null, null, caller.partnerId(), typeSettings.typeId(),
                activityDate, deadline, why, caller.username(), now()));
    }

    /** Stores a new request unless the same one is waiting, audits it on the claim (or the partner) and announces it. */
    private ExtensionRequest create(Caller caller, ExtensionRequestEntity entity) {
        return unitOfWork.required(() -> {
            ExtensionRequest created = jpa.tx(em -> {
                List<Long> waiting = entity.getClaimId() != null
                        ? em.createQuery("SELECT r.id FROM ExtensionRequestEntity r WHERE r.claimId = :claim"
                                + " AND r.status = :status", Long.class)
                                .setParameter("claim", entity.getClaimId())
                                .setParameter("status", ExtensionStatus.REQUESTED).getResultList()
                        : em.createQuery("SELECT r.id FROM ExtensionRequestEntity r WHERE r.claimId IS NULL"
                                + " AND r.partnerId = :partner AND r.typeId = :type AND r.activityDate = :date"
                                + " AND r.status = :status", Long.class)
                                .setParameter("partner", entity.getPartnerId())
                                .setParameter("type", entity.getTypeId())
                                .setParameter("date", entity.getActivityDate())
                                .setParameter("status", ExtensionStatus.REQUESTED).getResultList();
                if (!waiting.isEmpty()) {
                    throw new IllegalArgumentException("More time for " + entity.subject()
                            + " was already asked for; finance has not decided yet.");
                }
                em.persist(entity);
                em.flush();
                return entity.toRequest();
            });
            audit.append(auditEvent(caller.username(), "claim.extension-requested", created, "deadline="
                    + created.deadline(), "extension request=" + created.id() + "; status=REQUESTED; reason="
                    + created.reason()));
            announce(created);
            return created;
        });
    }

    /**
     * Audited on the claim when the request is for a saved claim (so it shows in the claim's history), else on the
     * request itself.
     */
    private static AuditEvent auditEvent(String actor, String action, ExtensionRequest request, String before,
            String after) {
        return request.claimId() != null
                ? new AuditEvent(actor, action, "claim", Long.toString(request.claimId()), before, after)
                : new AuditEvent(actor, action, "claim-extension", Long.toString(request.id()), before,
                        after + "; partner=" + request.partnerId() + "; type=" + request.typeId() + "; date="
                                + request.activityDate());
    }

    private RuleSettings deadlineSettings(String typeId, String typeName) {
        return settings.apply(typeId).filter(RuleSettings::hasDeadline)
                .orElseThrow(() -> new IllegalArgumentException("Claims of type " + typeName
                        + " have no deadline: submit the claim as it is."));
    }

    private static String requireReason(String reason) {
        String why = text(reason, "reason");
        if (why == null) {
            throw new IllegalArgumentException("Explain why you need more time.");
        }
        return why;
    }

    @Override
    public ExtensionRequest grant(Caller caller, long requestId, long expectedVersion, LocalDate until, String note) {
        Access.requireFinance(caller);
        if (until == null) {
            throw new IllegalArgumentException("Choose the last day on which the claim may be submitted.");
        }
        if (until.isBefore(today())) {
            throw new IllegalArgumentException("An extension until " + until + " would already have ended; choose "
                    + "today or a later day.");
        }
        return decide(caller, requestId, expectedVersion, ExtensionStatus.GRANTED, until, text(note, "note"));
    }

    @Override
    public ExtensionRequest refuse(Caller caller, long requestId, long expectedVersion, String reason) {
        Access.requireFinance(caller);
        String why = text(reason, "reason");
        if (why == null) {
            throw new IllegalArgumentException("Tell the partner why the extension is refused.");
        }
        return decide(caller, requestId, expectedVersion, ExtensionStatus.REFUSED, null, why);
    }

    private ExtensionRequest decide(Caller caller, long requestId, long expectedVersion, ExtensionStatus decision,
            LocalDate until, String note) {
        return unitOfWork.required(() -> {
            ExtensionRequest decided = jpa.tx(em -> {
                ExtensionRequestEntity entity = Optional.ofNullable(em.find(ExtensionRequestEntity.class, requestId))
                        .orElseThrow(() -> new IllegalArgumentException("There is no extension request "
                                + requestId + "."));
                if (entity.getVersion() != expectedVersion) {
                    throw new ConcurrentChangeException("The extension request for " + entity.subject()
                            + " was changed by someone else in the meantime. Reload it and try again.", null);
                }
                entity.decide(decision, until, note, caller.username(), now());
                em.flush();
                return entity.toRequest();
            });
            String action = decision == ExtensionStatus.GRANTED ? "claim.extension-granted" : "claim.extension-refused";
            audit.append(auditEvent(caller.username(), action, decided,
                    "extension request=" + requestId + "; status=REQUESTED", "extension request=" + requestId
                            + "; status=" + decision + (until == null ? "" : "; until=" + until)
                            + (note == null ? "" : "; note=" + note)));
            announce(decided);
            return decided;
        });
    }

    @Override
    public List<ExtensionRequest> forPartner(Caller caller, String partnerId) {
        Access.requireCaller(caller);
        if (caller.isPartner() && !Objects.equals(caller.partnerId(), partnerId)) {
            return List.of(); // another partner's requests look like none at all
        }
        Access.requirePartnerRead(caller, partnerId);
        return jpa.tx(em -> em.createQuery("SELECT r FROM ExtensionRequestEntity r WHERE r.partnerId = :partner"
                        + " ORDER BY r.id DESC", ExtensionRequestEntity.class)
                .setParameter("partner", partnerId).getResultList().stream()
                .map(ExtensionRequestEntity::toRequest).toList());
    }

    @Override
    public List<ExtensionRequest> waiting(Caller caller) {
        Access.requireFinance(caller);
        return jpa.tx(em -> em.createQuery("SELECT r FROM ExtensionRequestEntity r WHERE r.status = :status"
                        + " ORDER BY r.id", ExtensionRequestEntity.class)
                .setParameter("status", ExtensionStatus.REQUESTED).getResultList().stream()
                .map(ExtensionRequestEntity::toRequest).toList());
    }

    @Override
    public List<ExtensionRequest> forClaim(Caller caller, long claimId) {
        if (claims.find(caller, claimId).isEmpty()) {
            return List.of();
        }
        return jpa.tx(em -> em.createQuery("SELECT r FROM ExtensionRequestEntity r WHERE r.claimId = :claim"
                        + " ORDER BY r.id DESC", ExtensionRequestEntity.class)
                .setParameter("claim", claimId).getResultList().stream()
                .map(ExtensionRequestEntity::toRequest).toList());
    }

    @Override
    public Optional<LocalDate> grantedUntil(Long claimId, String partnerId, String typeId, LocalDate activityDate) {
        return jpa.tx(em -> em.createQuery("SELECT r FROM ExtensionRequestEntity r WHERE r.status = :status AND ("
                        + "r.claimId = :claim OR (r.claimId IS NULL AND r.partnerId = :partner AND r.typeId = :type"
                        + " AND r.activityDate = :date)) ORDER BY r.id DESC", ExtensionRequestEntity.class)
                .setParameter("status", ExtensionStatus.GRANTED).setParameter("claim", claimId == null ? -1L : claimId)
                .setParameter("partner", partnerId).setParameter("type", typeId).setParameter("date", activityDate)
                .setMaxResults(1).getResultList().stream()
                .map(r -> r.toRequest().grantedUntil()).findFirst());
    }

    /** Posts {@link #TOPIC} once the current unit of work has committed. */
    private void announce(ExtensionRequest request) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", request.id());
        if (request.claimId() != null) {
            properties.put("claim", request.claimId());
        }
        properties.put("partner", request.partnerId());
        properties.put("status", request.status().name());
        Event event = new Event(TOPIC, properties);
        unitOfWork.afterCommit(() -> {
            EventAdmin admin = events;
            if (admin != null) {
                admin.postEvent(event);
            }
        });
    }

    /** Trimmed text, {@code null} when blank. */
    private static String text(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_TEXT) {
            throw new IllegalArgumentException("The " + what + " has at most " + MAX_TEXT + " characters.");
        }
        return trimmed;
    }

    private static String status(ClaimStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
