package org.partnerfinance.documents.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.documents.api.Allocation;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentEvents;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentLine;
import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.documents.api.HistoryEntry;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.TaxTotal;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Journals;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the three documents services share: the {@code documents} persistence unit, the collaborators (ledger, audit,
 * partners, unit of work, Event Admin), the authorization rules, the ledger postings and the assembly of the API's
 * records from stored rows (in batches: a page of documents costs a fixed number of queries, never one per row).
 */
@Component(service = DocumentsEngine.class, configurationPid = DocumentsEngine.PID)
@Designate(ocd = DocumentsConfiguration.class)
public class DocumentsEngine {

    static final String PID = "org.partnerfinance.documents";
    static final String UNIT = "documents";
    static final List<String> ENTITY_CLASSES = List.of(DocumentEntity.class.getName(), LineEntity.class.getName(),
            TaxEntity.class.getName(), PaymentEntity.class.getName(), AllocationEntity.class.getName(),
            DisputeEntity.class.getName(), DisputeFileEntity.class.getName(), ReminderEntity.class.getName(),
            UtcInstantConverter.class.getName());

    /** Staff who may read every partner's documents; integrators read what they import. */
    static final Role[] STAFF_READERS = {Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR,
        Role.INTEGRATOR};
    /** Who records documents and payments and applies them. */
    static final Role[] RECORDERS = STAFF_READERS;
    /** Who confirms payments: finance by hand, integrators through a bank statement import. */
    static final Role[] CONFIRMERS = {Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.INTEGRATOR};

    /** Ids per IN list: well below what Derby and PostgreSQL accept in one statement. */
    static final int IN_CHUNK = 500;

    private static final Logger LOG = LoggerFactory.getLogger(DocumentsEngine.class);

    final Jpa jpa;
    final UnitOfWork unitOfWork;
    final LedgerService ledger;
    final AuditTrail audit;
    final PartnerService partners;
    final Clock clock;
    private volatile Collections.Thresholds thresholds;

    @Reference(name = "events", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    @Activate
    public DocumentsEngine(DocumentsConfiguration config, BundleContext context,
            @Reference(name = "persistence") PersistenceService persistence,
            @Reference(name = "unitOfWork") UnitOfWork unitOfWork, @Reference(name = "ledger") LedgerService ledger,
            @Reference(name = "audit") AuditTrail audit, @Reference(name = "partners") PartnerService partners) {
        this(thresholdsOf(config),
                persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), ENTITY_CLASSES, "db/documents")),
                unitOfWork, ledger, audit, partners, Clock.systemDefaultZone());
    }

    DocumentsEngine(Collections.Thresholds thresholds, Jpa jpa, UnitOfWork unitOfWork, LedgerService ledger,
            AuditTrail audit, PartnerService partners, Clock clock) {
        this.thresholds = thresholds;
        this.jpa = jpa;
        this.unitOfWork = unitOfWork;
        this.ledger = ledger;
        this.audit = audit;
        this.partners = partners;
        this.clock = clock;
    }

    static Collections.Thresholds thresholdsOf(DocumentsConfiguration config) {
        try {
            return new Collections.Thresholds(config.reminder_days(), config.second_notice_days(),
                    config.final_demand_days());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + ": " + e.getMessage(), e);
        }
    }

    @Modified
    void modified(DocumentsConfiguration config) {
        thresholds = thresholdsOf(config);
    }

    @Deactivate
    void deactivate() {
        jpa.close();
    }

    Collections.Thresholds thresholds() {
        return thresholds;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Instant now() {
        return clock.instant();
    }

    <T> T tx(Function<EntityManager, T> work) {
        return jpa.tx(work);
    }

    // ---- authorization -----------------------------------------------------------------------------------------

    /**
     * Whether the caller may read the partner's items: partner users their own partner only (another partner's id
     * answers {@code false}, exactly like a missing item), staff and integrators every partner.
     *
     * @throws org.partnerfinance.security.api.AccessDeniedException for callers who may not read partner data at all
     */
    /**
     * Which partner a list may show to the caller, given the partner it asked for (blank = any): a partner user sees
     * only their own partner, whatever they asked ({@link ListScope#nothing()} when they asked for another one, so the
     * answer is an empty page, exactly as for an unknown partner); staff see the partner they asked for, or all
     * ({@code partnerId == null}).
     */
    static ListScope listScope(Caller caller, String requested) {
        Access.requireCaller(caller);
        String partner = requested == null || requested.isBlank() ? null : requested.strip();
        if (caller.isPartner()) {
            return partner != null && !partner.equals(caller.partnerId()) ? ListScope.NOTHING
                    : new ListScope(false, caller.partnerId());
        }
        Access.requireAnyRole(caller, STAFF_READERS);
        return new ListScope(false, partner);
    }

    /** The outcome of {@link #listScope}: nothing at all, or one partner, or every partner ({@code null}). */
    record ListScope(boolean nothing, String partnerId) {
        static final ListScope NOTHING = new ListScope(true, null);
    }

    static boolean mayRead(Caller caller, String partnerId) {
        Access.requireCaller(caller);
        if (caller.isPartner()) {
            return caller.partnerId().equals(partnerId);
        }
        Access.requireAnyRole(caller, STAFF_READERS);
        return true;
    }

    /** The caller the ledger posting is made as: finance staff themselves, anyone else through the platform. */
    static Caller postingCaller(Caller caller) {
        return caller.isFinance() ? caller : Caller.system();
    }

    // ---- partners ----------------------------------------------------------------------------------------------

    Partner requirePartner(String partnerId, String field) {
        if (partnerId == null || partnerId.isBlank()) {
            throw new DocumentValidationException(field, "Choose the partner.");
        }
        return partners.find(Caller.system(), partnerId.strip())
                .orElseThrow(() -> new DocumentValidationException(field, "Partner " + partnerId.strip()
                        + " is not known."));
    }

    /**
     * Names of the partners, for the records; unknown ids map to themselves. One bulk read: a page of documents names
     * hundreds of partners.
     */
    Map<String, String> partnerNames(Collection<String> partnerIds) {
        Set<String> ids = new LinkedHashSet<>(partnerIds);
        Map<String, Partner> found = partners.findAll(Caller.system(), ids);
        Map<String, String> names = new HashMap<>();
        for (String id : ids) {
            Partner partner = found.get(id);
            names.put(id, partner == null ? id : partner.name());
        }
        return names;
    }

    static Currency requireCurrency(String code, String field) {
        try {
            return Money.currency(code == null ? null : code.strip());
        } catch (IllegalArgumentException e) {
            throw new DocumentValidationException(field, e.getMessage());
        }
    }

    // ---- ledger ------------------------------------------------------------------------------------------------

    /**
     * Posts a document: receivable invoice Dr 1200 gross / Cr 4000 net / Cr 2200 tax; payable invoice Dr 5100 net /
     * Dr 1400 tax / Cr 2100 gross; credit notes the same with the sides reversed. The net of lines that name their own
     * account goes to that account instead of 4000 or 5100, for the partner (e.g. a settled claim's credit note or
     * payable posts against its claim type's expense account, where the claim's accrual named the partner too).
     */
    void postDocument(Caller caller, DocumentEntity d, List<DocumentLine> documentLines) {
        Currency currency = Money.currency(d.getCurrency());
        Money gross = new Money(d.getGross(), currency);
        Money tax = new Money(d.getTax(), currency);
        Map<String, Money> netByAccount = netByAccount(documentLines,
                d.getDirection() == Direction.RECEIVABLE ? DocumentAccounts.SALES : DocumentAccounts.PURCHASES,
                currency);
        boolean invoice = d.getKind() == DocumentKind.INVOICE;
        List<JournalLine> lines = new ArrayList<>();
        String journal;
        if (d.getDirection() == Direction.RECEIVABLE) {
            journal = Journals.SALES;
            add(lines, Accounts.PARTNER_RECEIVABLES, invoice, gross, d.getPartnerId());
            netByAccount.forEach((account, net) -> add(lines, account, !invoice, net,
                    account.equals(DocumentAccounts.SALES) ? null : d.getPartnerId()));
            add(lines, DocumentAccounts.OUTPUT_VAT, !invoice, tax, null);
        } else {
            journal = Journals.PURCHASES;
            netByAccount.forEach((account, net) -> add(lines, account, invoice, net,
                    account.equals(DocumentAccounts.PURCHASES) ? null : d.getPartnerId()));
            add(lines, DocumentAccounts.INPUT_VAT, invoice, tax, null);
            add(lines, DocumentAccounts.TRADE_PAYABLES, !invoice, gross, d.getPartnerId());
        }
        String what = (invoice ? "Invoice " : "Credit note ") + d.getNumber() + " "
                + (d.getDirection() == Direction.RECEIVABLE ? "to " : "from ") + d.getPartnerId();
        ledger.post(postingCaller(caller), new JournalEntryDraft(d.getIssueDate(), what, "document:" + d.getId(),
                lines, journal));
    }

    /** The net amounts per account, the lines without an account of their own on {@code defaultAccount}. */
    static Map<String, Money> netByAccount(List<DocumentLine> lines, String defaultAccount, Currency currency) {
        Map<String, Money> net = new LinkedHashMap<>();
        for (DocumentLine line : lines) {
            net.merge(line.account() == null ? defaultAccount : line.account(), line.net(), Money::plus);
        }
        if (net.isEmpty()) {
            net.put(defaultAccount, Money.zero(currency));
        }
        return net;
    }

    /** Posts a bank-confirmed payment: from a partner Dr 1000 / Cr 1200; to a partner Dr 2100 / Cr 1000. */
    void postPayment(Caller caller, PaymentEntity p) {
        Money amount = new Money(p.getAmount(), Money.currency(p.getCurrency()));
        List<JournalLine> lines = new ArrayList<>();
        String what;
        if (p.getDirection() == Direction.RECEIVABLE) {
            lines.add(JournalLine.debit(Accounts.BANK, amount, null));
            lines.add(JournalLine.credit(Accounts.PARTNER_RECEIVABLES, amount, p.getPartnerId()));
            what = "Payment from ";
        } else {
            lines.add(JournalLine.debit(DocumentAccounts.TRADE_PAYABLES, amount, p.getPartnerId()));
            lines.add(JournalLine.credit(Accounts.BANK, amount, null));
            what = "Payment to ";
        }
        ledger.post(postingCaller(caller), new JournalEntryDraft(p.getBookingDate(),
                what + p.getPartnerId() + " (bank reference " + p.getBankReference() + ")", "payment:" + p.getId(),
                lines, Journals.CASH));
    }

    /**
     * A line on the debit ({@code debit}) or credit side; a negative amount (e.g. a tax group of discount lines) goes
     * to the other side, a zero amount is left out.
     */
    private static void add(List<JournalLine> lines, String account, boolean debit, Money amount, String partnerId) {
        if (amount.isZero()) {
            return;
        }
        boolean side = amount.signum() > 0 ? debit : !debit;
        Money positive = amount.signum() > 0 ? amount : amount.negate();
        lines.add(side ? JournalLine.debit(account, positive, partnerId)
                : JournalLine.credit(account, positive, partnerId));
    }

    // ---- audit and events --------------------------------------------------------------------------------------

    void audit(Caller caller, String action, String entityType, long id, String before, String after) {
        audit.append(new AuditEvent(caller.username(), action, entityType, Long.toString(id), before, after));
    }

    /** Tells Event Admin after the current unit of work committed (never for a rolled-back change). */
    void publish(String partnerId, String entity, long id, String action) {
        unitOfWork.afterCommit(() -> {
            EventAdmin admin = events;
            if (admin != null) {
                admin.postEvent(new Event(DocumentEvents.TOPIC, Map.of(DocumentEvents.PARTNER, partnerId,
                        DocumentEvents.ENTITY, entity, DocumentEvents.ID, id, DocumentEvents.ACTION, action)));
            }
        });
    }

    List<HistoryEntry> history(String entityType, long id) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (AuditRecord r : audit.forEntity(entityType, Long.toString(id))) {
            String detail = r.event().before().isEmpty() ? r.event().after()
                    : r.event().before() + " → " + r.event().after();
            entries.add(new HistoryEntry(r.seq(), r.at(), r.event().actor(), r.event().action(), detail));
        }
        return entries;
    }

    // ---- records -----------------------------------------------------------------------------------------------

    Document toDocument(EntityManager em, DocumentEntity entity) {
        return toDocuments(em, List.of(entity)).get(0);
    }

    /** Records of the given rows, in their order, with lines, taxes and settlement: a fixed number of queries. */
    List<Document> toDocuments(EntityManager em, List<DocumentEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(DocumentEntity::getId).toList();
        Map<Long, List<DocumentLine>> lines = new HashMap<>();
        Map<Long, List<TaxTotal>> taxes = new HashMap<>();
        Map<Long, List<Settlements.Item>> items = new HashMap<>();
        Map<Long, String> currencies = new HashMap<>();
        rows.forEach(r -> currencies.put(r.getId(), r.getCurrency()));
        for (List<Long> chunk : chunks(ids)) {
            for (LineEntity l : em.createQuery("SELECT l FROM LineEntity l WHERE l.documentId IN :ids "
                    + "ORDER BY l.documentId, l.lineNo", LineEntity.class).setParameter("ids", chunk).getResultList()) {
                Currency c = Money.currency(currencies.get(l.getDocumentId()));
                lines.computeIfAbsent(l.getDocumentId(), k -> new ArrayList<>()).add(new DocumentLine(l.getLineNo(),
                        l.getDescription(), DocumentRules.normalise(l.getQuantity()),
                        DocumentRules.normalise(l.getUnitPrice()), l.getTaxCategory(),
                        DocumentRules.normalise(l.getTaxRate()), new Money(l.getNet(), c), l.getAccount()));
            }
            for (TaxEntity t : em.createQuery("SELECT t FROM TaxEntity t WHERE t.documentId IN :ids "
                    + "ORDER BY t.documentId, t.position", TaxEntity.class).setParameter("ids", chunk).getResultList()) {
                Currency c = Money.currency(currencies.get(t.getDocumentId()));
                taxes.computeIfAbsent(t.getDocumentId(), k -> new ArrayList<>()).add(new TaxTotal(t.getCategory(),
                        DocumentRules.normalise(t.getRate()), new Money(t.getTaxable(), c), new Money(t.getTax(), c)));
            }
            List<AllocationEntity> allocations = em.createQuery("SELECT a FROM AllocationEntity a "
                    + "WHERE a.documentId IN :ids ORDER BY a.id", AllocationEntity.class)
                    .setParameter("ids", chunk).getResultList();
            Map<Long, PaymentEntity> payments = paymentsById(em, allocations.stream()
                    .map(AllocationEntity::getPaymentId).filter(java.util.Objects::nonNull).toList());
            for (AllocationEntity a : allocations) {
                PaymentEntity p = a.getPaymentId() == null ? null : payments.get(a.getPaymentId());
                items.computeIfAbsent(a.getDocumentId(), k -> new ArrayList<>()).add(new Settlements.Item(
                        a.isEffective(), p == null ? null : p.getStatus(),
                        a.isEffective() || p == null ? a.getDate()
                                : p.getStatus() == PaymentStatus.SENT ? p.getSentOn() : p.getValueDate(),
                        p == null ? null : p.getSourceSystem(), p == null ? null : p.getBankReference()));
            }
        }
        Map<String, String> names = partnerNames(rows.stream().map(DocumentEntity::getPartnerId).toList());
        List<Document> documents = new ArrayList<>(rows.size());
        for (DocumentEntity d : rows) {
            documents.add(document(d, names.get(d.getPartnerId()), lines.getOrDefault(d.getId(), List.of()),
                    taxes.getOrDefault(d.getId(), List.of()), items.getOrDefault(d.getId(), List.of())));
        }
        return documents;
    }

    /**
     * The record of a document row with its lines, taxes and settlement items. Reads and the creation of a document
     * both assemble it here, so that what {@code create} returns from what it wrote equals what a later read gives.
     */
    static Document document(DocumentEntity d, String partnerName, List<DocumentLine> lines, List<TaxTotal> taxes,
            List<Settlements.Item> items) {
        Currency c = Money.currency(d.getCurrency());
        return new Document(d.getId(), d.getPartnerId(), partnerName, d.getDirection(), d.getKind(), d.getNumber(),
                d.getIssueDate(), d.getDueDate(), lines, taxes, new Money(d.getNet(), c), new Money(d.getTax(), c),
                new Money(d.getGross(), c), new Money(d.getOpenAmount(), c), d.getStatus(),
                Settlements.of(d.getGross(), d.getOpenAmount(), items), d.isDisputed(), d.getCreditedId(),
                d.getSourceSystem(), d.getSourceReference(), d.getCreatedAt(), d.getVersion());
    }

    Payment toPayment(EntityManager em, PaymentEntity entity) {
        return toPayments(em, List.of(entity)).get(0);
    }

    /** Records of the given payment rows with their allocations: a fixed number of queries. */
    List<Payment> toPayments(EntityManager em, List<PaymentEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<AllocationEntity>> byPayment = new HashMap<>();
        for (List<Long> chunk : chunks(rows.stream().map(PaymentEntity::getId).toList())) {
            for (AllocationEntity a : em.createQuery("SELECT a FROM AllocationEntity a WHERE a.paymentId IN :ids "
                    + "ORDER BY a.id", AllocationEntity.class).setParameter("ids", chunk).getResultList()) {
                byPayment.computeIfAbsent(a.getPaymentId(), k -> new ArrayList<>()).add(a);
            }
        }
        Map<Long, String> numbers = documentNumbers(em, byPayment.values().stream().flatMap(List::stream)
                .map(AllocationEntity::getDocumentId).toList());
        List<Payment> payments = new ArrayList<>(rows.size());
        for (PaymentEntity p : rows) {
            Currency c = Money.currency(p.getCurrency());
            List<Allocation> allocations = byPayment.getOrDefault(p.getId(), List.of()).stream()
                    .map(a -> new Allocation(a.getDocumentId(), numbers.get(a.getDocumentId()),
                            new Money(a.getAmount(), c), a.getDate(), a.isEffective()))
                    .toList();
            payments.add(new Payment(p.getId(), p.getPartnerId(), p.getDirection(), new Money(p.getAmount(), c),
                    p.getMethod(), p.getValueDate(), p.getStatus(), p.getRemittance(), p.getEndToEndId(),
                    p.getSourceSystem(), p.getBankReference(), p.getBookingDate(), p.getConfirmedBy(), allocations,
                    new Money(p.getUnapplied(), c), p.getCreatedAt(), p.getVersion(), p.getPaymentOrder(),
                    p.getSentOn()));
        }
        return payments;
    }

    Map<Long, PaymentEntity> paymentsById(EntityManager em, List<Long> ids) {
        Map<Long, PaymentEntity> byId = new HashMap<>();
        for (List<Long> chunk : chunks(new ArrayList<>(new LinkedHashSet<>(ids)))) {
            em.createQuery("SELECT p FROM PaymentEntity p WHERE p.id IN :ids", PaymentEntity.class)
                    .setParameter("ids", chunk).getResultList().forEach(p -> byId.put(p.getId(), p));
        }
        return byId;
    }

    Map<Long, String> documentNumbers(EntityManager em, List<Long> ids) {
        Map<Long, String> numbers = new HashMap<>();
        for (List<Long> chunk : chunks(new ArrayList<>(new LinkedHashSet<>(ids)))) {
            for (Object[] row : em.createQuery("SELECT d.id, d.number FROM DocumentEntity d WHERE d.id IN :ids",
                    Object[].class).setParameter("ids", chunk).getResultList()) {
                numbers.put((Long) row[0], (String) row[1]);
            }
        }
        return numbers;
    }

    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
        return chunks;
    }

    /** The row of a document the caller may read, if any. */
    Optional<DocumentEntity> readableDocument(EntityManager em, Caller caller, long documentId) {
        DocumentEntity d = em.find(DocumentEntity.class, documentId);
        if (d == null || !mayRead(caller, d.getPartnerId())) {
            return Optional.empty();
        }
        return Optional.of(d);
    }

    /** The latest recorded reminder per document. */
    Map<Long, ReminderEntity> lastReminders(EntityManager em, List<Long> documentIds) {
        Map<Long, ReminderEntity> last = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(documentIds)) {
            for (ReminderEntity r : em.createQuery("SELECT r FROM ReminderEntity r WHERE r.documentId IN :ids "
                    + "ORDER BY r.id", ReminderEntity.class).setParameter("ids", chunk).getResultList()) {
                last.put(r.getDocumentId(), r);
            }
        }
        return last;
    }

    static void logInvariant(String message) {
        LOG.error(message);
    }
}
