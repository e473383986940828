package org.partnerfinance.claimtype.rebate.internal;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claimtype.rebate.api.Agreement;
import org.partnerfinance.claimtype.rebate.api.AgreementDraft;
import org.partnerfinance.claimtype.rebate.api.LineProblem;
import org.partnerfinance.claimtype.rebate.api.RebateService;
import org.partnerfinance.claimtype.rebate.api.RebateStanding;
import org.partnerfinance.claimtype.rebate.api.RebateValidationException;
import org.partnerfinance.claimtype.rebate.api.SalesImport;
import org.partnerfinance.claimtype.rebate.api.SalesImportException;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentLine;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.Page;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Journals;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceException;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;

/**
 * The rebate service on its own persistence unit {@code rebate}. Every change recalculates the agreements it
 * touches and posts, in the same unit of work, only the difference between the new earned rebate and what was accrued
 * before, with an audit record per agreement.
 */
@Component(service = {RebateService.class, AgreementClaims.class},
        reference = @Reference(name = RebateServiceImpl.CLAIMS, service = ClaimService.class,
                cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC))
public class RebateServiceImpl implements RebateService, AgreementClaims {

    static final String UNIT = "rebate";
    static final List<String> ENTITY_CLASSES = List.of(AgreementEntity.class.getName());
    static final String ENTITY_TYPE = "rebate-agreement";

    private final Jpa jpa;
    private final UnitOfWork unitOfWork;
    private final LedgerService ledger;
    private final AuditTrail audit;
    private final Clock clock;

    /**
     * What partners claimed is read from the claims core, looked up when needed ({@link #CLAIMS}, DS's lookup
     * strategy) rather than bound at activation: the claims service activates this bundle's claim type while it binds
     * it, the claim type needs this service, and getting the claims service from inside that activation is a cycle the
     * framework refuses - a bound reference then stayed empty for good. By the time a claim is checked or a standing
     * read, the claims service is running. Tests set it directly.
     */
    volatile Supplier<ClaimService> claims = () -> null;

    /** Name of the claims service reference, looked up when needed. */
    static final String CLAIMS = "claims";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DocumentService documents;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile LiveUpdates liveUpdates;

    @Activate
    public RebateServiceImpl(BundleContext context, ComponentContext component,
            @Reference(name = "persistence") PersistenceService persistence,
            @Reference(name = "unitOfWork") UnitOfWork unitOfWork, @Reference(name = "ledger") LedgerService ledger,
            @Reference(name = "audit") AuditTrail audit) {
        this(persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), ENTITY_CLASSES, "db/rebate")),
                unitOfWork, ledger, audit, Clock.systemDefaultZone());
        this.claims = () -> (ClaimService) component.locateService(CLAIMS);
    }

    RebateServiceImpl(Jpa jpa, UnitOfWork unitOfWork, LedgerService ledger, AuditTrail audit, Clock clock) {
        this.jpa = jpa;
        this.unitOfWork = unitOfWork;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    private ClaimService claims() {
        ClaimService service = claims.get();
        if (service == null) {
            throw new IllegalStateException("What was claimed cannot be read now: the claims service is not running.");
        }
        return service;
    }

    @Deactivate
    void deactivate() {
        jpa.close();
    }

    // --- reading ---------------------------------------------------------------------------------------------------

    @Override
    public List<Agreement> agreements(Caller caller, String partnerId) {
        if (partnerId == null) {
            Access.requireAnyRole(caller, org.partnerfinance.security.api.Role.FINANCE_REVIEWER,
                    org.partnerfinance.security.api.Role.FINANCE_MANAGER,
                    org.partnerfinance.security.api.Role.ADMINISTRATOR);
            if (caller.isPartner()) {
                throw new AccessDeniedException("You are not allowed to see every partner's agreements.");
            }
        } else {
            Access.requirePartnerRead(caller, partnerId);
        }
        return jpa.tx(em -> {
            var q = em.createQuery("SELECT a FROM AgreementEntity a"
                    + (partnerId == null ? "" : " WHERE a.partnerId = :p") + " ORDER BY a.id DESC",
                    AgreementEntity.class);
            if (partnerId != null) {
                q.setParameter("p", partnerId);
            }
            return q.getResultList().stream().map(AgreementEntity::toAgreement).toList();
        });
    }

    @Override
    public Optional<Agreement> find(Caller caller, long agreementId) {
        Access.requireCaller(caller);
        return jpa.tx(em -> Optional.ofNullable(em.find(AgreementEntity.class, agreementId)))
                .filter(a -> mayRead(caller, a.partnerId())).map(AgreementEntity::toAgreement);
    }

    /** Another partner's agreement reads like a missing one. */
    private static boolean mayRead(Caller caller, String partnerId) {
        try {
            Access.requirePartnerRead(caller, partnerId);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    @Override
    public List<RebateStanding> standings(Caller caller, String partnerId) {
        Objects.requireNonNull(partnerId, "partnerId");
        List<Agreement> list = agreements(caller, partnerId);
        List<Claim> partnerClaims = claims().listForPartner(caller, partnerId);
        List<RebateStanding> result = new ArrayList<>();
        for (Agreement a : list) {
            result.add(standing(a, claimed(partnerClaims, a)));
        }
        return result;
    }

    @Override
    public Optional<Money> claimable(Caller caller, long agreementId) {
        return find(caller, agreementId).map(a -> {
            Money claimed = claimed(claims().listForPartner(Caller.system(), a.terms().partnerId()), a);
            return max0(a.earned().minus(claimed));
        });
    }

    @Override
    public Optional<Claimable> holdForClaim(String partnerId, long agreementId) {
        Objects.requireNonNull(partnerId, "partnerId");
        return unitOfWork.required(() -> {
            // a pessimistic lock (SELECT ... FOR UPDATE) rather than a bump of the version: the version belongs to
            // finance's edits of the terms, which must not fail because a partner claimed meanwhile
            Optional<Agreement> held = jpa.tx(em -> Optional.ofNullable(
                    em.find(AgreementEntity.class, agreementId, LockModeType.PESSIMISTIC_WRITE)))
                    .filter(a -> a.partnerId().equals(partnerId)).map(AgreementEntity::toAgreement);
            // read after the lock, in the same unit of work: a claim written by whoever held it before is counted
            return held.map(a -> new Claimable(a,
                    max0(a.earned().minus(claimed(claims().listForPartner(Caller.system(), partnerId), a)))));
        });
    }

    static Long idOf(String reference) {
        if (reference == null || !reference.strip().matches("RBA-\\d{1,12}")) {
            return null;
        }
        return Long.valueOf(reference.strip().substring(4));
    }

    /**
     * Claims that hold on to earned rebate. Drafts and returned claims do not: they are validated again when they are
     * submitted or resubmitted, and must not count against themselves then.
     */
    private static final Set<ClaimStatus> COUNTED = Set.of(ClaimStatus.SUBMITTED, ClaimStatus.APPROVED,
            ClaimStatus.SCHEDULED, ClaimStatus.PAID);

    static Money claimed(List<Claim> partnerClaims, Agreement agreement) {
        Money sum = Money.zero(agreement.terms().currency());
        for (Claim c : partnerClaims) {
            if (RebateClaimType.TYPE_ID.equals(c.typeId()) && COUNTED.contains(c.status())
                    && c.fields().stream().anyMatch(f -> RebateClaimType.AGREEMENT.equals(f.name())
                            && agreement.reference().equals(f.value()))
                    && c.eligibleAmount().currency().equals(sum.currency())) {
                sum = sum.plus(c.eligibleAmount());
            }
        }
        return sum;
    }

    private static Money max0(Money m) {
        return m.signum() < 0 ? Money.zero(m.currency()) : m;
    }

    static RebateStanding standing(Agreement a, Money claimed) {
        RebateCalculator.Result r = RebateCalculator.calculate(new RebateCalculator.Terms(a.terms().basis(),
                a.terms().mode(), a.terms().tiers(), a.terms().currency(), a.terms().cap()),
                a.volume(), a.amount());
        return new RebateStanding(a, claimed, max0(a.earned().minus(claimed)), r.reached(), r.next(),
                r.volumeToNext(), r.progress());
    }

    // --- changes ---------------------------------------------------------------------------------------------------

    @Override
    public Agreement create(Caller caller, AgreementDraft draft) {
        Access.requireFinance(caller);
        AgreementRules.check(draft);
        Agreement created = unitOfWork.required(() -> jpa.tx(em -> {
            AgreementEntity entity = new AgreementEntity(draft, caller.username(), now());
            em.persist(entity);
            em.flush();
            audit.append(new AuditEvent(caller.username(), "rebate.agreement-created", ENTITY_TYPE,
                    String.valueOf(entity.id()), "", entity.describe()));
            recalculate(caller, em, entity, "agreement created");
            return entity.toAgreement();
        }));
        published(draft.partnerId());
        return created;
    }

    @Override
    public Agreement update(Caller caller, long agreementId, long expectedVersion, AgreementDraft draft) {
        Access.requireFinance(caller);
        Agreement updated = unitOfWork.required(() -> jpa.tx(em -> {
            AgreementEntity entity = em.find(AgreementEntity.class, agreementId);
            if (entity == null) {
                throw new RebateValidationException(null, "There is no agreement " + Agreement.reference(agreementId) + ".");
            }
            if (entity.version() != expectedVersion) {
                throw new ConcurrentChangeException("Someone changed the agreement " + Agreement.reference(agreementId)
                        + " in the meantime. Reload it and try again.", null);
            }
            if (!entity.partnerId().equals(draft.partnerId())) {
                throw new RebateValidationException("partnerId", "The partner of an agreement cannot be changed.");
            }
            AgreementRules.check(draft);
            String before = entity.describe();
            entity.setTerms(draft);
            audit.append(new AuditEvent(caller.username(), "rebate.agreement-changed", ENTITY_TYPE,
                    String.valueOf(agreementId), before, entity.describe()));
            recalculate(caller, em, entity, "agreement changed");
            return entity.toAgreement();
        }));
        published(draft.partnerId());
        return updated;
    }

    @Override
    public SalesImport importSales(Caller caller, String partnerId, String fileName, byte[] csv,
            DoubleConsumer progress) {
        Access.requireFinance(caller);
        if (partnerId == null || partnerId.isBlank()) {
            throw new SalesImportException(List.of(new LineProblem(0, "Choose the partner the sales belong to.")));
        }
        String source = "csv:" + sha256(csv);
        DoubleConsumer half = progress == null ? null : p -> progress.accept(p / 2);
        List<SalesCsv.Line> lines = SalesCsv.parse(csv, half);
        SalesImport result = unitOfWork.required(() -> jpa.tx(em -> {
            SalesStore store = new SalesStore(connection(em));
            try {
                if (store.exists(partnerId, source)) {
                    return new SalesImport(source, 0, true, List.of());
                }
                store.insert(partnerId, source, lines, progress);
            } catch (SQLException e) {
                throw new PersistenceException("Storing the sales lines failed", e);
            }
            LocalDate[] range = SalesStore.range(lines);
            audit.append(new AuditEvent(caller.username(), "rebate.sales-imported", "rebate-sales", source, "",
                    "partner=" + partnerId + ", file=" + safeName(fileName) + ", lines=" + lines.size() + ", dates="
                            + range[0] + ".." + range[1]));
            List<Agreement> changed = recalculateOverlapping(caller, em, partnerId, range[0], range[1],
                    "sales imported from " + safeName(fileName));
            return new SalesImport(source, lines.size(), false, changed);
        }));
        if (progress != null) {
            progress.accept(1.0);
        }
        if (!result.alreadyImported()) {
            published(partnerId);
        }
        return result;
    }

    @Override
    public SalesImport importInvoices(Caller caller, String partnerId) {
        Access.requireFinance(caller);
        DocumentService service = documents;
        if (service == null) {
            throw new IllegalStateException("Invoices cannot be read now: the documents service is not running.");
        }
        SalesImport result = unitOfWork.required(() -> {
            List<Document> found = new ArrayList<>();
            int offset = 0;
            while (true) {
                Page<Document> page = service.search(caller, new DocumentQuery(partnerId, Direction.RECEIVABLE, null,
                        null, null, null, null, null, DocumentQuery.Sort.ISSUE_DATE, true, offset,
                        DocumentQuery.MAX_LIMIT));
                found.addAll(page.items());
                offset += page.items().size();
                if (page.items().isEmpty() || offset >= page.total()) {
                    break;
                }
            }
            return jpa.tx(em -> {
                SalesStore store = new SalesStore(connection(em));
                int added = 0;
                LocalDate min = LocalDate.MAX;
                LocalDate max = LocalDate.MIN;
                try {
                    Set<String> counted = store.sources(partnerId, "invoice:");
                    for (Document d : found) {
                        String source = "invoice:" + d.id();
                        if (counted.contains(source) || !d.partnerId().equals(partnerId)) {
                            continue;
                        }
                        boolean credit = d.kind() == DocumentKind.CREDIT_NOTE;
                        BigDecimal quantity = d.lines().stream().map(DocumentLine::quantity)
                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                        BigDecimal amount = d.net().amount();
                        // invoices carry no product or category: the net amount counts for all-products agreements
                        store.insert(partnerId, source, List.of(new SalesCsv.Line(0, d.issueDate(), null, null,
                                credit ? quantity.negate() : quantity, credit ? amount.negate() : amount,
                                d.net().currency())), null);
                        added++;
                        min = d.issueDate().isBefore(min) ? d.issueDate() : min;
                        max = d.issueDate().isAfter(max) ? d.issueDate() : max;
                    }
                } catch (SQLException e) {
                    throw new PersistenceException("Storing the invoice volumes failed", e);
                }
                if (added == 0) {
                    return new SalesImport("invoices", 0, false, List.of());
                }
                audit.append(new AuditEvent(caller.username(), "rebate.invoices-counted", "rebate-sales",
                        "invoices:" + partnerId, "", "partner=" + partnerId + ", documents=" + added + ", dates="
                                + min + ".." + max));
                return new SalesImport("invoices", added, false,
                        recalculateOverlapping(caller, em, partnerId, min, max, "invoices counted"));
            });
        });
        if (result.linesAdded() > 0) {
            published(partnerId);
        }
        return result;
    }

    @Override
    public List<Agreement> recalculate(Caller caller, String partnerId) {
        Access.requireFinance(caller);
        List<Agreement> changed = unitOfWork.required(() -> jpa.tx(em -> {
            var q = em.createQuery("SELECT a FROM AgreementEntity a"
                    + (partnerId == null ? "" : " WHERE a.partnerId = :p") + " ORDER BY a.id", AgreementEntity.class);
            if (partnerId != null) {
                q.setParameter("p", partnerId);
            }
            List<Agreement> result = new ArrayList<>();
            for (AgreementEntity a : q.getResultList()) {
                if (recalculate(caller, em, a, "recalculation")) {
                    result.add(a.toAgreement());
                }
            }
            return result;
        }));
        if (!changed.isEmpty()) {
            published(partnerId);
        }
        return changed;
    }

    private List<Agreement> recalculateOverlapping(Caller caller, EntityManager em, String partnerId, LocalDate from,
            LocalDate to, String why) {
        List<AgreementEntity> affected = em.createQuery("SELECT a FROM AgreementEntity a WHERE a.partnerId = :p "
                + "AND a.validFrom <= :to AND a.validTo >= :from ORDER BY a.id", AgreementEntity.class)
                .setParameter("p", partnerId).setParameter("from", from).setParameter("to", to).getResultList();
        List<Agreement> changed = new ArrayList<>();
        for (AgreementEntity a : affected) {
            if (recalculate(caller, em, a, why)) {
                changed.add(a.toAgreement());
            }
        }
        return changed;
    }

    /**
     * Recalculates one agreement from its sales lines and posts the difference to what was accrued.
     *
     * @return whether the earned rebate changed
     */
    private boolean recalculate(Caller caller, EntityManager em, AgreementEntity entity, String why) {
        AgreementDraft terms = entity.terms();
        Recalculation change;
        try {
            change = Recalculation.apply(new SalesStore(connection(em)), entity, now());
        } catch (SQLException e) {
            throw new PersistenceException("Reading the sales volumes failed", e);
        }
        em.flush();
        Money before = change.before();
        Money after = change.after();
        RebateCalculator.Result result = change.result();
        if (before.equals(after)) {
            return false;
        }
        String reference = Agreement.reference(entity.id());
        if (!before.currency().equals(after.currency())) {
            // the agreement changed its currency: what was accrued in the old one is released in full
            post(caller, reference, terms.partnerId(), before.negate(), why);
            post(caller, reference, terms.partnerId(), after, why);
        } else {
            post(caller, reference, terms.partnerId(), after.minus(before), why);
        }
        audit.append(new AuditEvent(caller.username(), "rebate.recalculated", ENTITY_TYPE,
                String.valueOf(entity.id()), "earned=" + before, "earned=" + after + ", volume="
                        + result.volume().stripTrailingZeros().toPlainString() + ", amount="
                        + change.totals().amount().stripTrailingZeros().toPlainString() + ", tier="
                        + (result.reached() == null ? "none" : result.reached().ratePercent().toPlainString() + "%")
                        + (result.capped() ? ", capped" : "") + ", reason=" + why));
        return true;
    }

    /** Accrues (positive) or releases (negative) earned rebate. */
    private void post(Caller caller, String reference, String partnerId, Money difference, String why) {
        if (difference.isZero()) {
            return;
        }
        Money amount = difference.signum() > 0 ? difference : difference.negate();
        List<JournalLine> lines = difference.signum() > 0
                ? List.of(JournalLine.debit(RebateAccounts.REBATES, amount, partnerId),
                        JournalLine.credit(RebateAccounts.ACCRUED_REBATES, amount, partnerId))
                : List.of(JournalLine.debit(RebateAccounts.ACCRUED_REBATES, amount, partnerId),
                        JournalLine.credit(RebateAccounts.REBATES, amount, partnerId));
        ledger.post(caller, new JournalEntryDraft(LocalDate.now(clock), "Rebate " + reference + ": "
                + (difference.signum() > 0 ? "earned rebate accrued" : "earned rebate released") + " (" + why + ")",
                "rebate:" + reference, lines, Journals.CLAIMS));
    }

    private static Connection connection(EntityManager em) {
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("Sales lines are read and written only inside a transaction.");
        }
        return c;
    }

    private void published(String partnerId) {
        unitOfWork.afterCommit(() -> {
            LiveUpdates updates = liveUpdates;
            if (updates != null) {
                updates.publish(LIVE_TOPIC, partnerId);
                updates.publish(LiveUpdates.CLAIMS, partnerId);
            }
        });
    }

    private Instant now() {
        return clock.instant();
    }

    private static String safeName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "(unnamed)";
        }
        String n = fileName.strip();
        return n.length() > 100 ? n.substring(0, 100) : n;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
