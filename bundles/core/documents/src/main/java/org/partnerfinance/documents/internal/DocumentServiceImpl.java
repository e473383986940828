package org.partnerfinance.documents.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.audit.api.AuditProofs;
import org.partnerfinance.documents.api.AllocationRequest;
import org.partnerfinance.documents.api.BankConfirmation;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.documents.api.DuplicateDocumentException;
import org.partnerfinance.documents.api.HistoryEntry;
import org.partnerfinance.documents.api.Page;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentDraft;
import org.partnerfinance.documents.api.PaymentQuery;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Invoices, credit notes and payments. Each change, its ledger posting and its audit records commit in one unit of
 * work; events follow the commit.
 */
@Component(service = DocumentService.class)
public class DocumentServiceImpl implements DocumentService {

    static final int MAX_NUMBER = 100;
    static final int MAX_SOURCE_SYSTEM = 40;
    static final int MAX_REFERENCE = 100;
    static final int MAX_REMITTANCE = 1000;
    static final String DEFAULT_SOURCE = "portal";

    private final DocumentsEngine engine;

    /** Proofs of the audit records; the audit trail's own component provides it beside {@code AuditTrail}. */
    @Reference(name = "proofs")
    AuditProofs proofs;

    @Activate
    public DocumentServiceImpl(@Reference(name = "engine") DocumentsEngine engine) {
        this.engine = engine;
    }

    // ---- documents ---------------------------------------------------------------------------------------------

    @Override
    public Document create(Caller caller, DocumentDraft draft) {
        Access.requireAnyRole(caller, DocumentsEngine.RECORDERS);
        Prepared prepared = prepare(draft);
        if (!caller.isFinance() && prepared.totals.lines().stream().anyMatch(l -> l.account() != null)) {
            // the account decides where the money shows in the books: a finance decision, not an import's
            throw new DocumentValidationException("lines", "Only finance staff name the ledger account of a line.");
        }
        boolean outer = engine.unitOfWork.active();
        try {
            return engine.unitOfWork.required(() -> createInUnit(caller, prepared));
        } catch (RuntimeException e) {
            if (!outer && !(e instanceof DuplicateDocumentException) && DbErrors.isUniqueViolation(e)) {
                // a concurrent insert of the same number won the race past the pre-check: the database key refused
                // ours; name the winner, read in a unit of work of its own (ours is rolled back)
                throw duplicateOf(prepared.partner.id(), prepared.direction, prepared.number, e);
            }
            throw e;
        }
    }

    /** A validated draft: everything that does not need the database. */
    record Prepared(Partner partner, Direction direction, DocumentKind kind, String number, LocalDate issueDate,
            LocalDate dueDate, String currency, DocumentRules.Totals totals, String creditedNumber,
            String sourceSystem, String sourceReference) {
    }

    Prepared prepare(DocumentDraft draft) {
        if (draft == null) {
            throw new DocumentValidationException("document", "The document is missing.");
        }
        Partner partner = engine.requirePartner(draft.partnerId(), "partnerId");
        if (draft.direction() == null) {
            throw new DocumentValidationException("direction", "The direction is receivable or payable.");
        }
        if (draft.kind() == null) {
            throw new DocumentValidationException("kind", "The kind is invoice or credit note.");
        }
        String number = draft.number() == null ? "" : draft.number().strip();
        if (number.isEmpty()) {
            throw new DocumentValidationException("number", "The document needs a number.");
        }
        if (number.length() > MAX_NUMBER) {
            throw new DocumentValidationException("number", "A document number has at most " + MAX_NUMBER
                    + " characters.");
        }
        if (draft.issueDate() == null) {
            throw new DocumentValidationException("issueDate", "The document needs an issue date.");
        }
        java.util.Currency currency = DocumentsEngine.requireCurrency(draft.currency(), "currency");
        if (!partner.allows(currency)) {
            throw new DocumentValidationException("currency", "Partner " + partner.id() + " deals in "
                    + partner.allowedCurrencyCodes() + " only, not " + currency.getCurrencyCode() + ".");
        }
        LocalDate due = draft.dueDate();
        if (due == null) {
            due = draft.kind() == DocumentKind.CREDIT_NOTE ? draft.issueDate()
                    : draft.issueDate().plusDays(partner.paymentTermsDays());
        }
        if (due.isBefore(draft.issueDate())) {
            throw new DocumentValidationException("dueDate", "The due date " + due + " is before the issue date "
                    + draft.issueDate() + ".");
        }
        DocumentRules.Totals totals = DocumentRules.totals(draft.lines(), currency);
        if (totals.gross().signum() <= 0) {
            throw new DocumentValidationException("lines", "The total of a"
                    + (draft.kind() == DocumentKind.INVOICE ? "n invoice" : " credit note")
                    + " must be positive (the kind carries the sign), not " + totals.gross().amount().toPlainString()
                    + ".");
        }
        if (draft.statedGross() != null && draft.statedGross().compareTo(totals.gross().amount()) != 0) {
            throw new DocumentValidationException("statedGross", "The stated total "
                    + draft.statedGross().toPlainString() + " differs from the total of the lines "
                    + totals.gross().amount().toPlainString() + " " + currency.getCurrencyCode() + ".");
        }
        String credited = draft.creditedNumber() == null || draft.creditedNumber().isBlank() ? null
                : draft.creditedNumber().strip();
        if (credited != null && draft.kind() != DocumentKind.CREDIT_NOTE) {
            throw new DocumentValidationException("creditedNumber", "Only a credit note credits an invoice.");
        }
        String source = text(draft.sourceSystem(), DEFAULT_SOURCE, MAX_SOURCE_SYSTEM, "sourceSystem",
                "A source system name");
        String reference = text(draft.sourceReference(), "", MAX_REFERENCE, "sourceReference", "A source reference");
        return new Prepared(partner, draft.direction(), draft.kind(), number, draft.issueDate(), due,
                currency.getCurrencyCode(), totals, credited, source, reference);
    }

    private static String text(String value, String blank, int max, String field, String what) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return blank;
        }
        if (v.length() > max) {
            throw new DocumentValidationException(field, what + " has at most " + max + " characters.");
        }
        return v;
    }

    /** Stores, posts, audits and (for a credit note naming its invoice) applies a prepared document. */
    Document createInUnit(Caller caller, Prepared p) {
        DocumentEntity entity = engine.tx(em -> {
            requireNoDuplicate(em, p.partner.id(), p.direction, p.number);
            DocumentEntity invoice = null;
            if (p.creditedNumber != null) {
                invoice = findByNumber(em, p.partner.id(), p.direction, p.creditedNumber)
                        .filter(d -> d.getKind() == DocumentKind.INVOICE)
                        .orElseThrow(() -> new DocumentValidationException("creditedNumber", "Partner "
                                + p.partner.id() + " has no " + p.direction.id() + " invoice " + p.creditedNumber
                                + "."));
                if (!invoice.getCurrency().equals(p.currency)) {
                    throw new DocumentValidationException("currency", "The credit note is in " + p.currency
                            + " but invoice " + invoice.getNumber() + " is in " + invoice.getCurrency() + ".");
                }
            }
            DocumentEntity d = new DocumentEntity(p.partner.id(), p.direction, p.kind, p.number, p.issueDate,
                    p.dueDate, p.currency, p.totals.net().amount(), p.totals.tax().amount(),
                    p.totals.gross().amount(), invoice == null ? null : invoice.getId(), p.sourceSystem,
                    p.sourceReference, DocumentRules.searchText(p.number, p.sourceReference, p.totals.lines()),
                    caller.username(), engine.now());
            em.persist(d);
            em.flush();
            OpenTotals.added(em, d);
            ListCounts.added(em, d);
            DocumentRows.insertLines(em, d.getId(), p.totals.lines());
            DocumentRows.insertTaxes(em, d.getId(), p.totals.taxes());
            return d;
        });
        engine.postDocument(caller, entity, p.totals.lines());
        engine.audit(caller, "document.created", "document", entity.getId(), "", describe(entity));
        engine.publish(entity.getPartnerId(), "document", entity.getId(), "document.created");
        if (entity.getCreditedId() == null) {
            // Returned from what was written rather than read back: the row (amounts at the currency's scale,
            // created-at to the millisecond), the lines and taxes as stored, no allocations yet, the partner's name
            // as read for this document (DocumentsDbTest compares it with a fresh read).
            return DocumentsEngine.document(entity, p.partner.name(), p.totals.lines(), p.totals.taxes(), List.of());
        }
        return engine.tx(em -> {
            DocumentEntity cn = em.find(DocumentEntity.class, entity.getId());
            DocumentEntity invoice = em.find(DocumentEntity.class, entity.getCreditedId());
            BigDecimal amount = cn.getOpenAmount().min(invoice.getOpenAmount());
            if (amount.signum() > 0) {
                applyCredit(caller, em, cn, invoice, amount);
            }
            // flushed by applyCredit: cn carries the open amount, status and version now stored; the allocation
            // belongs to the invoice's settlement, not to the credit note's
            return DocumentsEngine.document(cn, p.partner.name(), p.totals.lines(), p.totals.taxes(), List.of());
        });
    }

    /** Applies part of a credit note to an invoice: effective at once, dated the later of the two issue dates. */
    void applyCredit(Caller caller, EntityManager em, DocumentEntity cn, DocumentEntity invoice, BigDecimal amount) {
        LocalDate date = later(cn.getIssueDate(), invoice.getIssueDate());
        em.persist(new AllocationEntity(cn.getPartnerId(), cn.getCurrency(), invoice.getId(), null, cn.getId(), amount,
                date, true, engine.now()));
        settle(em, cn, amount);
        settle(em, invoice, amount);
        em.flush();
        String detail = "credit note " + cn.getNumber() + " applied to invoice " + invoice.getNumber() + ": "
                + amount.toPlainString() + " " + cn.getCurrency() + " on " + date;
        engine.audit(caller, "credit-note.applied", "document", cn.getId(), "", detail + "; credit note open="
                + cn.getOpenAmount().toPlainString());
        engine.audit(caller, "credit-note.applied", "document", invoice.getId(), "", detail + "; invoice open="
                + invoice.getOpenAmount().toPlainString());
        engine.publish(cn.getPartnerId(), "document", invoice.getId(), "credit-note.applied");
    }

    /**
     * Deducts an effective allocation from a document, from the open totals and (when its status changes) from the
     * list counts, in the same unit of work.
     */
    static void settle(EntityManager em, DocumentEntity d, BigDecimal amount) {
        DocumentStatus before = d.getStatus();
        d.settle(amount);
        OpenTotals.settled(em, d, amount);
        ListCounts.statusChanged(em, d, before);
    }

    static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String describe(DocumentEntity d) {
        return d.getDirection().id() + " " + d.getKind().name().toLowerCase(Locale.ROOT).replace('_', '-') + " "
                + d.getNumber() + "; partner=" + d.getPartnerId() + "; issued=" + d.getIssueDate() + "; due="
                + d.getDueDate() + "; net=" + d.getNet().toPlainString() + "; tax=" + d.getTax().toPlainString()
                + "; gross=" + d.getGross().toPlainString() + " " + d.getCurrency() + "; source="
                + d.getSourceSystem() + (d.getSourceReference().isEmpty() ? "" : " " + d.getSourceReference());
    }

    static Optional<DocumentEntity> findByNumber(EntityManager em, String partnerId, Direction direction,
            String number) {
        return em.createQuery("SELECT d FROM DocumentEntity d WHERE d.partnerId = :p AND d.direction = :dir "
                        + "AND d.numberKey = :key", DocumentEntity.class)
                .setParameter("p", partnerId).setParameter("dir", direction)
                .setParameter("key", DocumentRules.numberKey(number)).getResultList().stream().findFirst();
    }

    private static void requireNoDuplicate(EntityManager em, String partnerId, Direction direction, String number) {
        findByNumber(em, partnerId, direction, number).ifPresent(existing -> {
            throw duplicate(existing);
        });
    }

    private static DuplicateDocumentException duplicate(DocumentEntity existing) {
        return new DuplicateDocumentException(existing.getId(), existing.getNumber(), "Partner "
                + existing.getPartnerId() + " already has " + existing.getDirection().id() + " "
                + (existing.getKind() == DocumentKind.INVOICE ? "invoice " : "credit note ") + existing.getNumber()
                + " (id " + existing.getId() + ").");
    }

    private RuntimeException duplicateOf(String partnerId, Direction direction, String number, RuntimeException e) {
        try {
            Optional<DocumentEntity> existing = engine.unitOfWork.required(() -> engine.tx(em ->
                    findByNumber(em, partnerId, direction, number)));
            if (existing.isPresent()) {
                DuplicateDocumentException duplicate = duplicate(existing.get());
                duplicate.addSuppressed(e);
                return duplicate;
            }
        } catch (RuntimeException lookup) {
            e.addSuppressed(lookup);
        }
        return e;
    }

    @Override
    public Optional<Document> find(Caller caller, long documentId) {
        Access.requireCaller(caller);
        return engine.tx(em -> engine.readableDocument(em, caller, documentId).map(d -> engine.toDocument(em, d)));
    }

    @Override
    public Page<Document> search(Caller caller, DocumentQuery query) {
        Access.requireCaller(caller);
        if (query == null) {
            throw new DocumentValidationException("query", "The query is missing.");
        }
        DocumentsEngine.ListScope scope = DocumentsEngine.listScope(caller, query.partnerId());
        if (scope.nothing()) {
            return new Page<>(List.of(), 0);
        }
        String forPartner = scope.partnerId();
        return engine.tx(em -> {
            Map<String, Object> params = new LinkedHashMap<>();
            String where = documentFilter(query, forPartner, params);
            long total;
            if (forPartner == null && query.from() == null && query.to() == null && query.overdueOn() == null
                    && query.text() == null) {
                // filtered by direction, kind and status at most: the kept counts give the exact total at once
                total = ListCounts.count(em, query.direction(), query.kind(), query.status());
            } else {
                TypedQuery<Long> count = em.createQuery("SELECT COUNT(d) FROM DocumentEntity d" + where, Long.class);
                params.forEach(count::setParameter);
                total = count.getSingleResult();
            }
            if (total == 0 || query.offset() >= total) {
                return new Page<Document>(List.of(), total);
            }
            String column = switch (query.sort()) {
                case ISSUE_DATE -> "d.issueDate";
                case DUE_DATE -> "d.dueDate";
                case NUMBER -> "d.numberKey";
                case GROSS -> "d.gross";
                case OPEN -> "d.openAmount";
                case PARTNER -> "d.partnerId";
            };
            String order = query.ascending() ? " ASC" : " DESC";
            // The page's ids first, then its documents: a query of ids (and the filtered columns) can be answered
            // from an index in the list's order (doc_document_list_issue_ix / _desc_ix, V7), reading one page
            // instead of sorting every match; asking for whole documents would make the database weigh fetching
            // each row against one scan and a sort of all matches, and choose the sort.
            TypedQuery<Long> ids = em.createQuery("SELECT d.id FROM DocumentEntity d" + where + " ORDER BY "
                    + column + order + ", d.id" + order, Long.class);
            params.forEach(ids::setParameter);
            List<Long> pageIds = ids.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
            if (pageIds.isEmpty()) {
                return new Page<Document>(List.of(), total);
            }
            Map<Long, DocumentEntity> byId = new HashMap<>();
            em.createQuery("SELECT d FROM DocumentEntity d WHERE d.id IN :ids", DocumentEntity.class)
                    .setParameter("ids", pageIds).getResultList().forEach(d -> byId.put(d.getId(), d));
            List<DocumentEntity> rows = new ArrayList<>(pageIds.size());
            for (Long id : pageIds) {
                DocumentEntity d = byId.get(id);
                if (d != null) {
                    rows.add(d);
                }
            }
            return new Page<>(engine.toDocuments(em, rows), total);
        });
    }

    @Override
    public List<Document> searchAfter(Caller caller, DocumentQuery query, long afterId) {
        Access.requireCaller(caller);
        if (query == null) {
            throw new DocumentValidationException("query", "The query is missing.");
        }
        return after(caller, query.partnerId(), query.limit(), afterId, DocumentEntity.class, "d",
                (partner, params) -> documentFilter(query, partner, params), engine::toDocuments);
    }

    /**
     * Up to {@code limit} rows after {@code afterId} in id order that match a filter (alias {@code alias}), as records:
     * the caller's scope decides whose rows; reading by id, not by offset, keeps a long walk through many pages linear.
     */
    private <E, R> List<R> after(Caller caller, String partnerId, int limit, long afterId, Class<E> entity,
            String alias, BiFunction<String, Map<String, Object>, String> filter,
            BiFunction<EntityManager, List<E>, List<R>> records) {
        DocumentsEngine.ListScope scope = DocumentsEngine.listScope(caller, partnerId);
        if (scope.nothing()) {
            return List.of();
        }
        return engine.tx(em -> {
            Map<String, Object> params = new LinkedHashMap<>();
            String where = filter.apply(scope.partnerId(), params);
            TypedQuery<E> page = em.createQuery("SELECT " + alias + " FROM " + entity.getSimpleName() + " " + alias
                    + where + " AND " + alias + ".id > :afterId ORDER BY " + alias + ".id", entity);
            params.forEach(page::setParameter);
            page.setParameter("afterId", afterId);
            return records.apply(em, page.setMaxResults(limit).getResultList());
        });
    }

    /** The JPQL filter of a document query (alias {@code d}), its parameters added to {@code params}. */
    private static String documentFilter(DocumentQuery query, String forPartner, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (forPartner != null) {
            where.append(" AND d.partnerId = :partner");
            params.put("partner", forPartner);
        }
        if (query.direction() != null) {
            where.append(" AND d.direction = :direction");
            params.put("direction", query.direction());
        }
        if (query.kind() != null) {
            where.append(" AND d.kind = :kind");
            params.put("kind", query.kind());
        }
        if (query.status() != null) {
            where.append(" AND d.status = :status");
            params.put("status", query.status());
        }
        if (query.from() != null) {
            where.append(" AND d.issueDate >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" AND d.issueDate <= :to");
            params.put("to", query.to());
        }
        if (query.overdueOn() != null) {
            where.append(" AND d.openAmount > 0 AND d.dueDate < :overdue");
            params.put("overdue", query.overdueOn());
        }
        if (query.text() != null) {
            int i = 0;
            for (String word : query.text().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (word.isEmpty() || i >= 10) {
                    continue;
                }
                where.append(" AND d.searchText LIKE :w").append(i).append(" ESCAPE '\\'");
                params.put("w" + i, "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                        + "%");
                i++;
            }
        }
        return where.toString();
    }

    // ---- payments ----------------------------------------------------------------------------------------------

    /** A validated payment draft. */
    record PreparedPayment(Partner partner, Direction direction, Money amount, PaymentDraft draft, String remittance,
            String endToEndId, String sourceSystem, String bankReference) {
    }

    @Override
    public Payment recordPayment(Caller caller, PaymentDraft draft) {
        Access.requireAnyRole(caller, DocumentsEngine.RECORDERS);
        PreparedPayment p = preparePayment(draft);
        boolean outer = engine.unitOfWork.active();
        try {
            return engine.unitOfWork.required(() -> recordInUnit(caller, p));
        } catch (RuntimeException e) {
            if (!outer && p.endToEndId != null && !(e instanceof DuplicateDocumentException)
                    && DbErrors.isUniqueViolation(e)) {
                try {
                    Optional<PaymentEntity> existing = engine.unitOfWork.required(() -> engine.tx(em ->
                            findByEndToEnd(em, p.partner.id(), p.direction, p.endToEndId)));
                    if (existing.isPresent()) {
                        DuplicateDocumentException duplicate = duplicatePayment(existing.get());
                        duplicate.addSuppressed(e);
                        throw duplicate;
                    }
                } catch (DuplicateDocumentException duplicate) {
                    throw duplicate;
                } catch (RuntimeException lookup) {
                    e.addSuppressed(lookup);
                }
            }
            throw e;
        }
    }

    PreparedPayment preparePayment(PaymentDraft draft) {
        if (draft == null) {
            throw new DocumentValidationException("payment", "The payment is missing.");
        }
        Partner partner = engine.requirePartner(draft.partnerId(), "partnerId");
        if (draft.direction() == null) {
            throw new DocumentValidationException("direction", "The direction is receivable or payable.");
        }
        java.util.Currency currency = DocumentsEngine.requireCurrency(draft.currency(), "currency");
        if (!partner.allows(currency)) {
            throw new DocumentValidationException("currency", "Partner " + partner.id() + " deals in "
                    + partner.allowedCurrencyCodes() + " only, not " + currency.getCurrencyCode() + ".");
        }
        Money amount = money(draft.amount(), currency, "amount");
        if (amount.signum() <= 0) {
            throw new DocumentValidationException("amount", "A payment amount must be positive.");
        }
        if (draft.method() == null) {
            throw new DocumentValidationException("method", "Choose how the payment was made.");
        }
        if (draft.valueDate() == null) {
            throw new DocumentValidationException("valueDate", "The payment needs a value date.");
        }
        if (draft.status() == null || draft.status() == PaymentStatus.SENT) {
            // SENT carries the payment order that sent it: only markSent (an export) sets it
            throw new DocumentValidationException("status", "The status is scheduled, reported or confirmed; a "
                    + "payment is sent to the bank by a payment order.");
        }
        String bankReference = text(draft.bankReference(), null, MAX_REFERENCE, "bankReference", "A bank reference");
        if (draft.status() == PaymentStatus.CONFIRMED) {
            if (bankReference == null) {
                throw new DocumentValidationException("bankReference",
                        "A payment is confirmed only with the bank's reference.");
            }
            if (draft.valueDate().isAfter(engine.today())) {
                throw new DocumentValidationException("valueDate", "A bank-confirmed payment cannot be booked in "
                        + "the future (" + draft.valueDate() + ").");
            }
        } else if (bankReference != null) {
            throw new DocumentValidationException("status", "A payment with the bank's reference is CONFIRMED.");
        }
        String remittance = text(draft.remittance(), "", MAX_REMITTANCE, "remittance", "The remittance information");
        String endToEnd = text(draft.endToEndId(), null, MAX_REFERENCE, "endToEndId", "An end-to-end reference");
        if (endToEnd != null && endToEnd.equalsIgnoreCase("NOTPROVIDED")) {
            // SEPA's placeholder for "no reference": it is not unique and must not make payments duplicates
            endToEnd = null;
        }
        String source = text(draft.sourceSystem(), DEFAULT_SOURCE, MAX_SOURCE_SYSTEM, "sourceSystem",
                "A source system name");
        return new PreparedPayment(partner, draft.direction(), amount, draft, remittance, endToEnd, source,
                bankReference);
    }

    private static Money money(BigDecimal amount, java.util.Currency currency, String field) {
        if (amount == null) {
            throw new DocumentValidationException(field, "The amount is missing.");
        }
        try {
            return new Money(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new DocumentValidationException(field, e.getMessage());
        }
    }

    Payment recordInUnit(Caller caller, PreparedPayment p) {
        PaymentDraft draft = p.draft;
        boolean confirmed = draft.status() == PaymentStatus.CONFIRMED;
        PaymentEntity payment = engine.tx(em -> {
            if (p.endToEndId != null) {
                findByEndToEnd(em, p.partner.id(), p.direction, p.endToEndId).ifPresent(existing -> {
                    throw duplicatePayment(existing);
                });
            }
            PaymentEntity entity = new PaymentEntity(p.partner.id(), p.direction, p.amount.amount(),
                    p.amount.currency().getCurrencyCode(), draft.method(), draft.valueDate(),
                    confirmed ? PaymentStatus.REPORTED : draft.status(), p.remittance, p.endToEndId, p.sourceSystem,
                    caller.username(), engine.now());
            if (confirmed) {
                entity.confirm(p.bankReference, draft.valueDate(), caller.username());
            }
            em.persist(entity);
            em.flush();
            return entity;
        });
        engine.audit(caller, "payment.recorded", "payment", payment.getId(), "", describe(payment));
        if (confirmed) {
            engine.postPayment(caller, payment);
            engine.audit(caller, "payment.confirmed", "payment", payment.getId(), "", "bank reference="
                    + payment.getBankReference() + "; booked=" + payment.getBookingDate());
        }
        List<Settlements.Planned> planned = engine.tx(em -> {
            PaymentEntity entity = em.find(PaymentEntity.class, payment.getId());
            if (draft.allocations().isEmpty()) {
                return autoPlan(em, entity);
            }
            return checkedPlan(em, entity, draft.allocations(), entity.getAmount(), "allocations");
        });
        if (!planned.isEmpty()) {
            allocate(caller, payment.getId(), planned);
        }
        engine.publish(payment.getPartnerId(), "payment", payment.getId(),
                confirmed ? "payment.confirmed" : "payment.recorded");
        return engine.tx(em -> engine.toPayment(em, em.find(PaymentEntity.class, payment.getId())));
    }

    private static String describe(PaymentEntity p) {
        return p.getDirection().id() + " payment " + p.getAmount().toPlainString() + " " + p.getCurrency()
                + "; partner=" + p.getPartnerId() + "; method=" + p.getMethod() + "; value date=" + p.getValueDate()
                + "; status=" + p.getStatus() + "; source=" + p.getSourceSystem()
                + (p.getEndToEndId() == null ? "" : "; end-to-end=" + p.getEndToEndId())
                + (p.getRemittance().isEmpty() ? "" : "; remittance=" + p.getRemittance());
    }

    static Optional<PaymentEntity> findByEndToEnd(EntityManager em, String partnerId, Direction direction,
            String endToEndId) {
        return em.createQuery("SELECT p FROM PaymentEntity p WHERE p.partnerId = :p AND p.direction = :dir "
                        + "AND p.endToEndKey = :key", PaymentEntity.class)
                .setParameter("p", partnerId).setParameter("dir", direction)
                .setParameter("key", DocumentRules.numberKey(endToEndId)).getResultList().stream().findFirst();
    }

    private static DuplicateDocumentException duplicatePayment(PaymentEntity existing) {
        return new DuplicateDocumentException(existing.getId(), existing.getEndToEndId(), "Partner "
                + existing.getPartnerId() + " already has a " + existing.getDirection().id()
                + " payment with end-to-end reference " + existing.getEndToEndId() + " (id " + existing.getId()
                + ").");
    }

    /**
     * The documents a payment naming none settles: those its remittance names, then the oldest due first, as far as
     * the amount goes. Candidates are read in pages (a partner may have many open items), never all at once.
     */
    private List<Settlements.Planned> autoPlan(EntityManager em, PaymentEntity payment) {
        List<Settlements.Candidate> named = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        for (String token : payment.getRemittance().toUpperCase(Locale.ROOT).split("[\\s,;]+")) {
            String t = token.replaceAll("^[^\\p{Alnum}]+|[^\\p{Alnum}]+$", "");
            if (!t.isEmpty() && t.length() <= MAX_NUMBER) {
                tokens.add(t);
            }
            if (!token.isEmpty() && token.length() <= MAX_NUMBER) {
                tokens.add(token);
            }
        }
        if (!tokens.isEmpty()) {
            for (List<String> chunk : DocumentsEngine.chunks(new ArrayList<>(tokens))) {
                em.createQuery("SELECT d FROM DocumentEntity d WHERE d.partnerId = :p AND d.direction = :dir "
                                + "AND d.kind = :kind AND d.currency = :c AND d.openAmount > 0 "
                                + "AND d.numberKey IN :keys", DocumentEntity.class)
                        .setParameter("p", payment.getPartnerId()).setParameter("dir", payment.getDirection())
                        .setParameter("kind", DocumentKind.INVOICE).setParameter("c", payment.getCurrency())
                        .setParameter("keys", chunk).getResultList()
                        .forEach(d -> named.add(candidate(d)));
            }
        }
        BigDecimal namedOpen = named.stream().map(Settlements.Candidate::open).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        List<Settlements.Candidate> candidates = new ArrayList<>(named);
        Set<Long> seen = named.stream().map(Settlements.Candidate::id).collect(Collectors.toSet());
        BigDecimal needed = payment.getAmount().subtract(namedOpen);
        int offset = 0;
        while (needed.signum() > 0) {
            List<DocumentEntity> page = em.createQuery("SELECT d FROM DocumentEntity d WHERE d.partnerId = :p "
                            + "AND d.direction = :dir AND d.kind = :kind AND d.currency = :c AND d.openAmount > 0 "
                            + "ORDER BY d.dueDate, d.issueDate, d.id", DocumentEntity.class)
                    .setParameter("p", payment.getPartnerId()).setParameter("dir", payment.getDirection())
                    .setParameter("kind", DocumentKind.INVOICE).setParameter("c", payment.getCurrency())
                    .setFirstResult(offset).setMaxResults(200).getResultList();
            for (DocumentEntity d : page) {
                if (seen.add(d.getId())) {
                    candidates.add(candidate(d));
                    needed = needed.subtract(d.getOpenAmount());
                }
            }
            if (page.size() < 200) {
                break;
            }
            offset += page.size();
        }
        return Settlements.autoAllocate(payment.getAmount(), payment.getRemittance(), candidates);
    }

    private static Settlements.Candidate candidate(DocumentEntity d) {
        return new Settlements.Candidate(d.getId(), d.getNumber(), d.getDueDate(), d.getIssueDate(),
                d.getOpenAmount());
    }

    /**
     * Checks requested allocations: each to an open invoice of the payment's partner, direction and currency, not more
     * than it has open, together not more than {@code available}.
     */
    private static List<Settlements.Planned> checkedPlan(EntityManager em, PaymentEntity payment,
            List<AllocationRequest> requests, BigDecimal available, String field) {
        java.util.Currency currency = Money.currency(payment.getCurrency());
        List<Settlements.Planned> planned = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        int i = 0;
        for (AllocationRequest r : requests) {
            String f = field + "[" + i++ + "]";
            if (r == null) {
                throw new DocumentValidationException(f, "An allocation is empty.");
            }
            if (!ids.add(r.documentId())) {
                throw new DocumentValidationException(f + ".documentId", "Document " + r.documentId()
                        + " is named twice.");
            }
            Money amount = money(r.amount(), currency, f + ".amount");
            if (amount.signum() <= 0) {
                throw new DocumentValidationException(f + ".amount", "An allocated amount must be positive.");
            }
            DocumentEntity d = em.find(DocumentEntity.class, r.documentId());
            if (d == null || !d.getPartnerId().equals(payment.getPartnerId())) {
                throw new DocumentValidationException(f + ".documentId", "Document " + r.documentId()
                        + " is not known.");
            }
            if (d.getKind() != DocumentKind.INVOICE || d.getDirection() != payment.getDirection()) {
                throw new DocumentValidationException(f + ".documentId", "A " + payment.getDirection().id()
                        + " payment settles " + payment.getDirection().id() + " invoices; " + d.getNumber()
                        + " is not one.");
            }
            if (!d.getCurrency().equals(payment.getCurrency())) {
                throw new DocumentValidationException(f + ".documentId", "Invoice " + d.getNumber() + " is in "
                        + d.getCurrency() + ", the payment in " + payment.getCurrency() + ".");
            }
            if (amount.amount().compareTo(d.getOpenAmount()) > 0) {
                throw new DocumentValidationException(f + ".amount", "Invoice " + d.getNumber() + " has only "
                        + d.getOpenAmount().toPlainString() + " " + d.getCurrency() + " open, not "
                        + amount.amount().toPlainString() + ".");
            }
            sum = sum.add(amount.amount());
            planned.add(new Settlements.Planned(d.getId(), amount.amount()));
        }
        if (sum.compareTo(available) > 0) {
            throw new DocumentValidationException(field, "The allocations add up to " + sum.toPlainString() + " "
                    + payment.getCurrency() + ", more than the " + available.toPlainString() + " available.");
        }
        return planned;
    }

    /**
     * Stores allocations of a payment: effective at once (and deducted from the documents) when the payment is
     * bank-confirmed, pending otherwise.
     */
    private void allocate(Caller caller, long paymentId, List<Settlements.Planned> planned) {
        engine.tx(em -> {
            PaymentEntity payment = em.find(PaymentEntity.class, paymentId);
            boolean effective = payment.getStatus() == PaymentStatus.CONFIRMED;
            BigDecimal sum = BigDecimal.ZERO;
            List<String> parts = new ArrayList<>();
            for (Settlements.Planned a : planned) {
                DocumentEntity d = em.find(DocumentEntity.class, a.documentId());
                LocalDate date = effective ? later(payment.getBookingDate(), d.getIssueDate())
                        : payment.getValueDate();
                em.persist(new AllocationEntity(payment.getPartnerId(), payment.getCurrency(), d.getId(), paymentId,
                        null, a.amount(), date, effective, engine.now()));
                // one at a time: the ids (the order a payment lists what it settles) follow the plan's order
                em.flush();
                if (effective) {
                    settle(em, d, a.amount());
                }
                sum = sum.add(a.amount());
                String part = d.getNumber() + " " + a.amount().toPlainString() + (effective ? "" : " (pending)");
                parts.add(part);
                engine.audit(caller, "payment.allocated", "document", d.getId(), "", "payment " + paymentId
                        + " settles " + part + " " + payment.getCurrency() + "; open="
                        + d.getOpenAmount().toPlainString());
            }
            payment.setUnapplied(payment.getUnapplied().subtract(sum));
            em.flush();
            engine.audit(caller, "payment.allocated", "payment", paymentId, "", "settles " + String.join(", ", parts)
                    + "; unapplied=" + payment.getUnapplied().toPlainString() + " " + payment.getCurrency());
            return null;
        });
    }

    @Override
    public Payment confirmPayment(Caller caller, long paymentId, long expectedVersion,
            BankConfirmation confirmation) {
        Access.requireAnyRole(caller, DocumentsEngine.CONFIRMERS);
        if (confirmation == null) {
            throw new DocumentValidationException("bankReference", "The bank's confirmation is missing.");
        }
        String reference = text(confirmation.bankReference(), null, MAX_REFERENCE, "bankReference",
                "A bank reference");
        if (reference == null) {
            throw new DocumentValidationException("bankReference", "Enter the bank's reference of the booking.");
        }
        if (confirmation.bookingDate() == null) {
            throw new DocumentValidationException("bookingDate", "Enter the booking date from the bank statement.");
        }
        if (confirmation.bookingDate().isAfter(engine.today())) {
            throw new DocumentValidationException("bookingDate", "The booking date " + confirmation.bookingDate()
                    + " is in the future.");
        }
        return engine.unitOfWork.required(() -> {
            PaymentEntity payment = engine.tx(em -> em.find(PaymentEntity.class, paymentId));
            if (payment == null) {
                throw new DocumentValidationException("paymentId", "Payment " + paymentId + " is not known.");
            }
            if (payment.getStatus() == PaymentStatus.CONFIRMED) {
                if (payment.getBankReference().equalsIgnoreCase(reference)) {
                    // the same bank statement line read again (an import run twice): nothing changes
                    return engine.tx(em -> engine.toPayment(em, em.find(PaymentEntity.class, paymentId)));
                }
                throw new DocumentValidationException("bankReference", "Payment " + paymentId
                        + " was already confirmed by the bank with reference " + payment.getBankReference() + ".");
            }
            if (payment.getVersion() != expectedVersion) {
                throw new ConcurrentChangeException("Payment " + paymentId + " was changed by someone else "
                        + "meanwhile. Reload it and confirm it again.", null);
            }
            List<String> parts = new ArrayList<>();
            PaymentEntity confirmed = engine.tx(em -> {
                PaymentEntity p = em.find(PaymentEntity.class, paymentId);
                p.confirm(reference, confirmation.bookingDate(), caller.username());
                BigDecimal applied = BigDecimal.ZERO;
                for (AllocationEntity a : em.createQuery("SELECT a FROM AllocationEntity a WHERE a.paymentId = :id "
                        + "AND a.effective = FALSE ORDER BY a.id", AllocationEntity.class)
                        .setParameter("id", paymentId).getResultList()) {
                    DocumentEntity d = em.find(DocumentEntity.class, a.getDocumentId());
                    BigDecimal effective = Settlements.effectiveAtConfirmation(a.getAmount(), d.getOpenAmount());
                    if (effective.signum() == 0) {
                        em.remove(a);
                        parts.add(d.getNumber() + " 0 (already settled)");
                        continue;
                    }
                    a.makeEffective(effective, later(confirmation.bookingDate(), d.getIssueDate()));
                    settle(em, d, effective);
                    applied = applied.add(effective);
                    parts.add(d.getNumber() + " " + effective.toPlainString());
                    engine.audit(caller, "payment.allocated", "document", d.getId(), "", "payment " + paymentId
                            + " confirmed by the bank settles " + effective.toPlainString() + " " + p.getCurrency()
                            + "; open=" + d.getOpenAmount().toPlainString());
                    engine.publish(d.getPartnerId(), "document", d.getId(), "payment.confirmed");
                }
                p.setUnapplied(p.getAmount().subtract(applied));
                em.flush();
                return p;
            });
            engine.postPayment(caller, confirmed);
            engine.audit(caller, "payment.confirmed", "payment", paymentId, "status=" + payment.getStatus(),
                    "status=CONFIRMED; bank reference=" + reference + "; booked=" + confirmation.bookingDate()
                            + (parts.isEmpty() ? "" : "; settles " + String.join(", ", parts)) + "; unapplied="
                            + confirmed.getUnapplied().toPlainString() + " " + confirmed.getCurrency());
            engine.publish(confirmed.getPartnerId(), "payment", paymentId, "payment.confirmed");
            return engine.tx(em -> engine.toPayment(em, em.find(PaymentEntity.class, paymentId)));
        });
    }

    /** Who hands payments to the bank: finance managers, and integrators running a payment-order export. */
    static final Role[] SENDERS = {Role.FINANCE_MANAGER, Role.INTEGRATOR};

    /** The longest payment order id: ISO 20022's MsgId (Max35Text). */
    static final int MAX_PAYMENT_ORDER = 35;

    @Override
    public List<Payment> markSent(Caller caller, List<Long> paymentIds, String paymentOrder, LocalDate sentOn) {
        Access.requireAnyRole(caller, SENDERS);
        if (paymentIds == null || paymentIds.isEmpty()) {
            throw new DocumentValidationException("paymentIds", "Select at least one payment.");
        }
        if (paymentIds.stream().anyMatch(java.util.Objects::isNull)
                || new java.util.HashSet<>(paymentIds).size() != paymentIds.size()) {
            throw new DocumentValidationException("paymentIds", "Each payment is named once.");
        }
        String order = text(paymentOrder, null, MAX_PAYMENT_ORDER, "paymentOrder", "A payment order id");
        if (order == null) {
            throw new DocumentValidationException("paymentOrder", "The payment order needs an id.");
        }
        if (sentOn == null) {
            throw new DocumentValidationException("sentOn", "The day the order goes to the bank is missing.");
        }
        return engine.unitOfWork.required(() -> {
            List<PaymentEntity> sent = engine.tx(em -> {
                List<PaymentEntity> rows = new ArrayList<>();
                for (Long id : paymentIds) {
                    PaymentEntity p = em.find(PaymentEntity.class, id);
                    if (p == null) {
                        throw new DocumentValidationException("paymentIds", "Payment " + id + " is not known.");
                    }
                    if (p.getDirection() != Direction.PAYABLE || p.getStatus() != PaymentStatus.SCHEDULED) {
                        throw new DocumentValidationException("paymentIds", "Payment " + id + " to partner "
                                + p.getPartnerId() + " is a " + p.getDirection().id() + " payment with status "
                                + p.getStatus() + ": only scheduled payments to partners go to the bank.");
                    }
                    rows.add(p);
                }
                for (PaymentEntity p : rows) {
                    p.markSent(order, sentOn);
                }
                em.flush();
                return rows;
            });
            for (PaymentEntity p : sent) {
                engine.audit(caller, "payment.sent", "payment", p.getId(), "status=SCHEDULED",
                        "status=SENT; payment order=" + order + "; sent on=" + sentOn + "; amount="
                                + p.getAmount().toPlainString() + " " + p.getCurrency()
                                + (p.getEndToEndId() == null ? "" : "; end-to-end=" + p.getEndToEndId()));
                engine.publish(p.getPartnerId(), "payment", p.getId(), "payment.sent");
            }
            return engine.tx(em -> {
                List<Payment> result = new ArrayList<>();
                for (PaymentEntity p : sent) {
                    result.add(engine.toPayment(em, em.find(PaymentEntity.class, p.getId())));
                }
                return result;
            });
        });
    }

    @Override
    public Payment allocate(Caller caller, long paymentId, long expectedVersion,
            List<AllocationRequest> allocations) {
        Access.requireAnyRole(caller, DocumentsEngine.RECORDERS);
        if (allocations == null || allocations.isEmpty()) {
            throw new DocumentValidationException("allocations", "Name the documents the payment settles.");
        }
        return engine.unitOfWork.required(() -> {
            List<Settlements.Planned> planned = engine.tx(em -> {
                PaymentEntity payment = em.find(PaymentEntity.class, paymentId);
                if (payment == null) {
                    throw new DocumentValidationException("paymentId", "Payment " + paymentId + " is not known.");
                }
                if (payment.getVersion() != expectedVersion) {
                    throw new ConcurrentChangeException("Payment " + paymentId + " was changed by someone else "
                            + "meanwhile. Reload it and allocate it again.", null);
                }
                return checkedPlan(em, payment, allocations, payment.getUnapplied(), "allocations");
            });
            allocate(caller, paymentId, planned);
            PaymentEntity payment = engine.tx(em -> em.find(PaymentEntity.class, paymentId));
            engine.publish(payment.getPartnerId(), "payment", paymentId, "payment.allocated");
            return engine.tx(em -> engine.toPayment(em, em.find(PaymentEntity.class, paymentId)));
        });
    }

    @Override
    public Document applyCreditNote(Caller caller, long creditNoteId, long expectedVersion,
            AllocationRequest allocation) {
        Access.requireAnyRole(caller, DocumentsEngine.RECORDERS);
        if (allocation == null) {
            throw new DocumentValidationException("allocation", "Name the invoice the credit note settles.");
        }
        return engine.unitOfWork.required(() -> engine.tx(em -> {
            DocumentEntity cn = em.find(DocumentEntity.class, creditNoteId);
            if (cn == null || cn.getKind() != DocumentKind.CREDIT_NOTE) {
                throw new DocumentValidationException("creditNoteId", "Credit note " + creditNoteId
                        + " is not known.");
            }
            if (cn.getVersion() != expectedVersion) {
                throw new ConcurrentChangeException("Credit note " + cn.getNumber() + " was changed by someone "
                        + "else meanwhile. Reload it and apply it again.", null);
            }
            Money amount = money(allocation.amount(), Money.currency(cn.getCurrency()), "amount");
            if (amount.signum() <= 0) {
                throw new DocumentValidationException("amount", "The applied amount must be positive.");
            }
            if (amount.amount().compareTo(cn.getOpenAmount()) > 0) {
                throw new DocumentValidationException("amount", "Credit note " + cn.getNumber() + " has only "
                        + cn.getOpenAmount().toPlainString() + " " + cn.getCurrency() + " left to apply.");
            }
            DocumentEntity invoice = em.find(DocumentEntity.class, allocation.documentId());
            if (invoice == null || !invoice.getPartnerId().equals(cn.getPartnerId())) {
                throw new DocumentValidationException("documentId", "Document " + allocation.documentId()
                        + " is not known.");
            }
            if (invoice.getKind() != DocumentKind.INVOICE || invoice.getDirection() != cn.getDirection()
                    || !invoice.getCurrency().equals(cn.getCurrency())) {
                throw new DocumentValidationException("documentId", "A credit note settles an invoice of the same "
                        + "direction and currency; " + invoice.getNumber() + " is not one.");
            }
            if (amount.amount().compareTo(invoice.getOpenAmount()) > 0) {
                throw new DocumentValidationException("amount", "Invoice " + invoice.getNumber() + " has only "
                        + invoice.getOpenAmount().toPlainString() + " " + invoice.getCurrency() + " open.");
            }
            applyCredit(caller, em, cn, invoice, amount.amount());
            engine.publish(cn.getPartnerId(), "document", cn.getId(), "credit-note.applied");
            return engine.toDocument(em, cn);
        }));
    }

    @Override
    public Optional<Payment> findPayment(Caller caller, long paymentId) {
        Access.requireCaller(caller);
        return engine.tx(em -> {
            PaymentEntity p = em.find(PaymentEntity.class, paymentId);
            if (p == null || !DocumentsEngine.mayRead(caller, p.getPartnerId())) {
                return Optional.<Payment>empty();
            }
            return Optional.of(engine.toPayment(em, p));
        });
    }

    @Override
    public Page<Payment> payments(Caller caller, PaymentQuery query) {
        Access.requireCaller(caller);
        if (query == null) {
            throw new DocumentValidationException("query", "The query is missing.");
        }
        DocumentsEngine.ListScope scope = DocumentsEngine.listScope(caller, query.partnerId());
        if (scope.nothing()) {
            return new Page<>(List.of(), 0);
        }
        String forPartner = scope.partnerId();
        return engine.tx(em -> {
            Map<String, Object> params = new LinkedHashMap<>();
            String where = paymentFilter(query, forPartner, params);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(p) FROM PaymentEntity p" + where, Long.class);
            params.forEach(count::setParameter);
            long total = count.getSingleResult();
            if (total == 0 || query.offset() >= total) {
                return new Page<Payment>(List.of(), total);
            }
            TypedQuery<PaymentEntity> page = em.createQuery("SELECT p FROM PaymentEntity p" + where
                    + " ORDER BY p.valueDate DESC, p.id DESC", PaymentEntity.class);
            params.forEach(page::setParameter);
            return new Page<>(engine.toPayments(em, page.setFirstResult(query.offset())
                    .setMaxResults(query.limit()).getResultList()), total);
        });
    }

    @Override
    public List<Payment> paymentsAfter(Caller caller, PaymentQuery query, long afterId) {
        Access.requireCaller(caller);
        if (query == null) {
            throw new DocumentValidationException("query", "The query is missing.");
        }
        return after(caller, query.partnerId(), query.limit(), afterId, PaymentEntity.class, "p",
                (partner, params) -> paymentFilter(query, partner, params), engine::toPayments);
    }

    /** The JPQL filter of a payment query (alias {@code p}), its parameters added to {@code params}. */
    private static String paymentFilter(PaymentQuery query, String forPartner, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (forPartner != null) {
            where.append(" AND p.partnerId = :partner");
            params.put("partner", forPartner);
        }
        if (query.direction() != null) {
            where.append(" AND p.direction = :direction");
            params.put("direction", query.direction());
        }
        if (query.status() != null) {
            where.append(" AND p.status = :status");
            params.put("status", query.status());
        }
        if (query.from() != null) {
            where.append(" AND p.valueDate >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" AND p.valueDate <= :to");
            params.put("to", query.to());
        }
        return where.toString();
    }

    @Override
    public List<Payment> paymentsFor(Caller caller, long documentId) {
        Access.requireCaller(caller);
        return engine.tx(em -> {
            if (engine.readableDocument(em, caller, documentId).isEmpty()) {
                return List.<Payment>of();
            }
            List<PaymentEntity> rows = em.createQuery("SELECT p FROM PaymentEntity p WHERE p.id IN (SELECT a.paymentId "
                    + "FROM AllocationEntity a WHERE a.documentId = :id) ORDER BY p.id", PaymentEntity.class)
                    .setParameter("id", documentId).getResultList();
            return engine.toPayments(em, rows);
        });
    }

    @Override
    public List<HistoryEntry> history(Caller caller, long documentId) {
        Access.requireCaller(caller);
        boolean readable = engine.tx(em -> engine.readableDocument(em, caller, documentId).isPresent());
        return readable ? engine.history("document", documentId) : List.of();
    }

    @Override
    public List<HistoryEntry> paymentHistory(Caller caller, long paymentId) {
        Access.requireCaller(caller);
        boolean readable = engine.tx(em -> {
            PaymentEntity p = em.find(PaymentEntity.class, paymentId);
            return p != null && DocumentsEngine.mayRead(caller, p.getPartnerId());
        });
        return readable ? engine.history("payment", paymentId) : List.of();
    }

    /**
     * Authorized like {@link #history}; the audit trail's proofs are not authorized by themselves, so only sequence
     * numbers of this item's own records are proven.
     */
    @Override
    public Optional<String> proof(Caller caller, long documentId, long sequence) {
        boolean ownRecord = history(caller, documentId).stream().anyMatch(e -> e.sequence() == sequence);
        return ownRecord ? Optional.of(proofs.proof(sequence).json()) : Optional.empty();
    }
}
