package org.partnerfinance.documents.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.Aging;
import org.partnerfinance.documents.api.AgingRow;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.documents.api.DsoPoint;
import org.partnerfinance.documents.api.DunningLevel;
import org.partnerfinance.documents.api.OverdueItem;
import org.partnerfinance.documents.api.Page;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.api.Reconciliation;
import org.partnerfinance.documents.api.ReconciliationDifference;
import org.partnerfinance.documents.api.Reminder;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.documents.api.StatementLine;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Statements, aging, collections and reconciliation. Everything is computed as of a date from the stored rows with
 * aggregate and projection queries: what is open as of a past date is the stored open amount plus the effective
 * allocations dated after that date, so a statement costs the same whether the partner's history is short or long.
 */
@Component(service = StatementService.class)
public class StatementServiceImpl implements StatementService {

    static final int MAX_NOTE = 2000;
    static final int MAX_PERIOD_DAYS = 3660;
    static final int MAX_TREND_MONTHS = 120;

    private static final Role[] FINANCE_VIEW = {Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR};

    private final DocumentsEngine engine;

    @Activate
    public StatementServiceImpl(@Reference(name = "engine") DocumentsEngine engine) {
        this.engine = engine;
    }

    // ---- signs -------------------------------------------------------------------------------------------------

    /** A document's effect on the balance (positive: the partner owes the company more). */
    static BigDecimal signed(Direction direction, DocumentKind kind, BigDecimal amount) {
        boolean debit = (direction == Direction.RECEIVABLE) == (kind == DocumentKind.INVOICE);
        return debit ? amount : amount.negate();
    }

    /** A confirmed payment's effect: received from the partner lowers the balance, sent to the partner raises it. */
    static BigDecimal signedPayment(Direction direction, BigDecimal amount) {
        return direction == Direction.RECEIVABLE ? amount.negate() : amount;
    }

    // ---- statement ---------------------------------------------------------------------------------------------

    @Override
    public Statement statement(Caller caller, String partnerId, String currency, LocalDate from, LocalDate asOf) {
        Partner partner = readablePartner(caller, partnerId);
        Currency c = DocumentsEngine.requireCurrency(currency, "currency");
        LocalDate end = asOf == null ? engine.today() : asOf;
        LocalDate start = from == null ? end.withDayOfMonth(1).minusMonths(12) : from;
        if (start.isAfter(end)) {
            throw new DocumentValidationException("from", "The statement starts (" + start + ") after its end ("
                    + end + ").");
        }
        String code = c.getCurrencyCode();
        return engine.tx(em -> {
            BigDecimal opening = BigDecimal.ZERO;
            for (Object row : em.createNativeQuery("SELECT direction, kind, SUM(gross) FROM doc_open_total "
                            + "WHERE partner_id = ?1 AND currency = ?2 AND issue_date < ?3 GROUP BY direction, kind")
                    .setParameter(1, partner.id()).setParameter(2, code)
                    .setParameter(3, java.sql.Date.valueOf(start)).getResultList()) {
                Object[] r = (Object[]) row;
                opening = opening.add(signed(Direction.valueOf((String) r[0]), DocumentKind.valueOf((String) r[1]),
                        decimal(r[2])));
            }
            for (Object[] row : em.createQuery("SELECT p.direction, SUM(p.amount) FROM PaymentEntity p "
                            + "WHERE p.partnerId = :p AND p.currency = :c AND p.status = :confirmed "
                            + "AND p.bookingDate < :from GROUP BY p.direction", Object[].class)
                    .setParameter("p", partner.id()).setParameter("c", code)
                    .setParameter("confirmed", PaymentStatus.CONFIRMED).setParameter("from", start)
                    .getResultList()) {
                opening = opening.add(signedPayment((Direction) row[0], (BigDecimal) row[1]));
            }
            int scale = new Money(BigDecimal.ZERO, c).amount().scale();
            List<StatementLine> lines = StatementLines.read(em, partner.id(), code, start, end, opening, scale);
            Aging aging = agingByPartner(em, partner.id(), code, end, null).getOrDefault(partner.id(),
                    new AgingBuckets()).toAging(scale);
            BigDecimal closing = lines.isEmpty() ? scaled(opening, scale) : lines.get(lines.size() - 1).balance();
            if (aging.total().compareTo(closing) != 0) {
                // the buckets are the closing balance by due date: if they differ the stored open amounts no longer
                // match the documents, payments and allocations, and no figure of this statement can be trusted
                String message = "The statement of partner " + partner.id() + " in " + code + " as of " + end
                        + " does not add up: closing balance " + closing.toPlainString() + ", aging "
                        + aging.total().toPlainString() + ". Please tell the administrator.";
                DocumentsEngine.logInvariant(message);
                throw new IllegalStateException(message);
            }
            return new Statement(partner.id(), partner.name(), code, start, end, scaled(opening, scale), closing,
                    lines, aging);
        });
    }

    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value.setScale(scale, java.math.RoundingMode.UNNECESSARY);
    }

    /**
     * The partner a statement is asked for; another partner's id (for a partner user) is answered exactly like an
     * unknown one.
     */
    private Partner readablePartner(Caller caller, String partnerId) {
        Access.requireCaller(caller);
        String id = partnerId == null ? "" : partnerId.strip();
        if (caller.isPartner()) {
            if (!caller.partnerId().equals(id)) {
                throw new DocumentValidationException("partner", "Partner " + id + " is not known.");
            }
        } else {
            Access.requireAnyRole(caller, DocumentsEngine.STAFF_READERS);
        }
        return engine.requirePartner(id, "partner");
    }

    /**
     * Aging buckets per partner as of a date, signed like a statement: every document's open amount as of the date
     * (stored open amount plus the effective allocations dated after it) by days overdue, unapplied credit notes and
     * confirmed payments apart.
     *
     * @param partnerId one partner, or {@code null} for all
     * @param direction one direction, or {@code null} for both
     */
    static Map<String, AgingBuckets> agingByPartner(EntityManager em, String partnerId, String currency,
            LocalDate asOf, Direction direction) {
        Map<String, AgingBuckets> result = new TreeMap<>();
        String partnerD = partnerId == null ? "" : " AND d.partnerId = :p";
        String partnerA = partnerId == null ? "" : " AND a.partnerId = :p";
        String partnerP = partnerId == null ? "" : " AND p.partnerId = :p";
        String dirD = direction == null ? "" : " AND d.direction = :dir";
        String dirP = direction == null ? "" : " AND p.direction = :dir";
        // stored open amounts of the documents issued by asOf, from the open totals (one row per issue and due date)
        jakarta.persistence.Query openQuery = em.createNativeQuery("SELECT partner_id, direction, kind, due_date, "
                + "SUM(open_amount) FROM doc_open_total WHERE currency = ?1 AND issue_date <= ?2 AND open_amount <> 0"
                + (partnerId == null ? "" : " AND partner_id = ?3") + (direction == null ? "" : " AND direction = ?4")
                + " GROUP BY partner_id, direction, kind, due_date")
                .setParameter(1, currency).setParameter(2, java.sql.Date.valueOf(asOf));
        if (partnerId != null) {
            openQuery.setParameter(3, partnerId);
        }
        if (direction != null) {
            openQuery.setParameter(4, direction.name());
        }
        List<Object[]> open = new ArrayList<>();
        for (Object row : openQuery.getResultList()) {
            Object[] r = (Object[]) row;
            open.add(new Object[] {r[0], Direction.valueOf((String) r[1]), DocumentKind.valueOf((String) r[2]),
                localDate(r[3]), decimal(r[4])});
        }
        // allocations dated after asOf had not reduced the settled document yet ...
        List<Object[]> settledLater = partnerId != null
                ? LaterAllocations.settled(em, partnerId, currency, asOf, direction)
                : bind(em.createQuery("SELECT d.partnerId, d.direction, d.kind, d.dueDate, "
                + "SUM(a.amount) FROM AllocationEntity a, DocumentEntity d WHERE a.documentId = d.id "
                + "AND a.effective = TRUE AND a.currency = :c AND a.date > :asOf AND d.issueDate <= :asOf"
                + partnerA + dirD + " GROUP BY d.partnerId, d.direction, d.kind, d.dueDate", Object[].class),
                partnerId, currency, asOf, direction).getResultList();
        // ... nor the credit note that settled it
        List<Object[]> creditedLater = partnerId != null
                ? LaterAllocations.credited(em, partnerId, currency, asOf, direction)
                : bind(em.createQuery("SELECT d.partnerId, d.direction, d.kind, d.dueDate, "
                + "SUM(a.amount) FROM AllocationEntity a, DocumentEntity d WHERE a.creditNoteId = d.id "
                + "AND a.currency = :c AND a.date > :asOf AND d.issueDate <= :asOf" + partnerA + dirD
                + " GROUP BY d.partnerId, d.direction, d.kind, d.dueDate", Object[].class),
                partnerId, currency, asOf, direction).getResultList();
        for (List<Object[]> rows : List.of(open, settledLater, creditedLater)) {
            for (Object[] row : rows) {
                AgingBuckets buckets = result.computeIfAbsent((String) row[0], k -> new AgingBuckets());
                Direction dir = (Direction) row[1];
                DocumentKind kind = (DocumentKind) row[2];
                BigDecimal signed = signed(dir, kind, (BigDecimal) row[4]);
                if (kind == DocumentKind.INVOICE) {
                    buckets.add((LocalDate) row[3], asOf, signed);
                } else {
                    buckets.addUnapplied(signed);
                }
            }
        }
        // confirmed payments booked by asOf: what is unapplied now plus what they settled after asOf
        List<Object[]> unapplied = bind(em.createQuery("SELECT p.partnerId, p.direction, SUM(p.unapplied) "
                + "FROM PaymentEntity p WHERE p.currency = :c AND p.status = :confirmed AND p.bookingDate <= :asOf"
                + partnerP + dirP + " GROUP BY p.partnerId, p.direction", Object[].class),
                partnerId, currency, asOf, direction).setParameter("confirmed", PaymentStatus.CONFIRMED)
                .getResultList();
        List<Object[]> appliedLater = partnerId != null
                ? LaterAllocations.applied(em, partnerId, currency, asOf, direction)
                : bind(em.createQuery("SELECT p.partnerId, p.direction, SUM(a.amount) "
                + "FROM AllocationEntity a, PaymentEntity p WHERE a.paymentId = p.id AND a.effective = TRUE "
                + "AND a.currency = :c AND a.date > :asOf AND p.bookingDate <= :asOf" + partnerA + dirP
                + " GROUP BY p.partnerId, p.direction", Object[].class), partnerId, currency, asOf, direction)
                .getResultList();
        for (List<Object[]> rows : List.of(unapplied, appliedLater)) {
            for (Object[] row : rows) {
                result.computeIfAbsent((String) row[0], k -> new AgingBuckets())
                        .addUnapplied(signedPayment((Direction) row[1], (BigDecimal) row[2]));
            }
        }
        return result;
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String partnerId, String currency, LocalDate asOf,
            Direction direction) {
        query.setParameter("c", currency).setParameter("asOf", asOf);
        if (partnerId != null) {
            query.setParameter("p", partnerId);
        }
        if (direction != null) {
            query.setParameter("dir", direction);
        }
        return query;
    }

    @Override
    public List<String> currencies(Caller caller, String partnerId) {
        if (partnerId == null || !DocumentsEngine.mayRead(caller, partnerId)) {
            return List.of();
        }
        return engine.tx(em -> {
            TreeSet<String> codes = new TreeSet<>(em.createQuery("SELECT DISTINCT d.currency FROM DocumentEntity d "
                    + "WHERE d.partnerId = :p", String.class).setParameter("p", partnerId).getResultList());
            codes.addAll(em.createQuery("SELECT DISTINCT p.currency FROM PaymentEntity p WHERE p.partnerId = :p",
                    String.class).setParameter("p", partnerId).getResultList());
            return List.copyOf(codes);
        });
    }

    // ---- finance views -----------------------------------------------------------------------------------------

    @Override
    public List<AgingRow> aging(Caller caller, String currency, LocalDate asOf) {
        Access.requireAnyRole(caller, FINANCE_VIEW);
        Currency c = DocumentsEngine.requireCurrency(currency, "currency");
        LocalDate end = asOf == null ? engine.today() : asOf;
        int scale = new Money(BigDecimal.ZERO, c).amount().scale();
        Map<String, AgingBuckets> byPartner = engine.tx(em -> agingByPartner(em, null, c.getCurrencyCode(), end,
                Direction.RECEIVABLE));
        Map<String, String> names = engine.partnerNames(byPartner.keySet());
        List<AgingRow> rows = new ArrayList<>();
        byPartner.forEach((partnerId, buckets) -> {
            Aging aging = buckets.toAging(scale);
            if (!isZero(aging)) {
                rows.add(new AgingRow(partnerId, names.get(partnerId), c.getCurrencyCode(), aging));
            }
        });
        rows.sort(Comparator.comparing(AgingRow::partnerName).thenComparing(AgingRow::partnerId));
        return rows;
    }

    private static boolean isZero(Aging a) {
        return a.unapplied().signum() == 0 && a.current().signum() == 0 && a.overdue().signum() == 0
                && a.days1to30().signum() == 0 && a.days31to60().signum() == 0 && a.days61to90().signum() == 0
                && a.days91to120().signum() == 0 && a.over120().signum() == 0;
    }

    @Override
    public Page<OverdueItem> overdue(Caller caller, String currency, LocalDate asOf, int offset, int limit) {
        Access.requireAnyRole(caller, FINANCE_VIEW);
        requirePage(offset, limit);
        String code = currency == null || currency.isBlank() ? null
                : DocumentsEngine.requireCurrency(currency, "currency").getCurrencyCode();
        LocalDate end = asOf == null ? engine.today() : asOf;
        Collections.Thresholds thresholds = engine.thresholds();
        return engine.tx(em -> {
            String where = " WHERE d.direction = :dir AND d.kind = :kind AND d.openAmount > 0 AND d.dueDate < :asOf "
                    + "AND d.issueDate <= :asOf" + (code == null ? "" : " AND d.currency = :c");
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(d) FROM DocumentEntity d" + where, Long.class);
            TypedQuery<DocumentEntity> page = em.createQuery("SELECT d FROM DocumentEntity d" + where
                    + " ORDER BY d.dueDate, d.id", DocumentEntity.class);
            for (TypedQuery<?> q : List.of(count, page)) {
                q.setParameter("dir", Direction.RECEIVABLE).setParameter("kind", DocumentKind.INVOICE)
                        .setParameter("asOf", end);
                if (code != null) {
                    q.setParameter("c", code);
                }
            }
            long total = count.getSingleResult();
            List<DocumentEntity> rows = page.setFirstResult(offset).setMaxResults(limit).getResultList();
            List<Document> documents = engine.toDocuments(em, rows);
            Map<Long, ReminderEntity> last = engine.lastReminders(em, rows.stream().map(DocumentEntity::getId)
                    .toList());
            List<OverdueItem> items = new ArrayList<>(documents.size());
            for (Document d : documents) {
                long days = AgingBuckets.daysOverdue(d.dueDate(), end);
                Reminder reminder = Optional.ofNullable(last.get(d.id())).map(ReminderEntity::toReminder)
                        .orElse(null);
                items.add(new OverdueItem(d, days, Collections.dueLevel(days, thresholds),
                        reminder == null ? DunningLevel.NONE : reminder.level(), reminder));
            }
            return new Page<>(items, total);
        });
    }

    @Override
    public Page<Document> payablesDue(Caller caller, String currency, LocalDate dueBy, int offset, int limit) {
        Access.requireAnyRole(caller, FINANCE_VIEW);
        requirePage(offset, limit);
        String code = currency == null || currency.isBlank() ? null
                : DocumentsEngine.requireCurrency(currency, "currency").getCurrencyCode();
        return engine.tx(em -> {
            String where = " WHERE d.direction = :dir AND d.kind = :kind AND d.openAmount > 0"
                    + (dueBy == null ? "" : " AND d.dueDate <= :dueBy") + (code == null ? "" : " AND d.currency = :c");
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(d) FROM DocumentEntity d" + where, Long.class);
            TypedQuery<DocumentEntity> page = em.createQuery("SELECT d FROM DocumentEntity d" + where
                    + " ORDER BY d.dueDate, d.id", DocumentEntity.class);
            for (TypedQuery<?> q : List.of(count, page)) {
                q.setParameter("dir", Direction.PAYABLE).setParameter("kind", DocumentKind.INVOICE);
                if (dueBy != null) {
                    q.setParameter("dueBy", dueBy);
                }
                if (code != null) {
                    q.setParameter("c", code);
                }
            }
            long total = count.getSingleResult();
            return new Page<>(engine.toDocuments(em, page.setFirstResult(offset).setMaxResults(limit)
                    .getResultList()), total);
        });
    }

    private static void requirePage(int offset, int limit) {
        if (offset < 0) {
            throw new DocumentValidationException("page", "Pages start at 0.");
        }
        if (limit < 1 || limit > org.partnerfinance.documents.api.DocumentQuery.MAX_LIMIT) {
            throw new DocumentValidationException("size", "A page has 1 to "
                    + org.partnerfinance.documents.api.DocumentQuery.MAX_LIMIT + " items.");
        }
    }

    @Override
    public DsoPoint dso(Caller caller, String partnerId, String currency, LocalDate asOf, int periodDays) {
        Access.requireAnyRole(caller, FINANCE_VIEW);
        Currency c = DocumentsEngine.requireCurrency(currency, "currency");
        if (periodDays < 1 || periodDays > MAX_PERIOD_DAYS) {
            throw new DocumentValidationException("periodDays", "The period has 1 to " + MAX_PERIOD_DAYS + " days.");
        }
        String partner = partnerId == null || partnerId.isBlank() ? null
                : engine.requirePartner(partnerId, "partner").id();
        LocalDate end = asOf == null ? engine.today() : asOf;
        return engine.tx(em -> dsoAt(em, partner, c, end, periodDays));
    }

    private DsoPoint dsoAt(EntityManager em, String partnerId, Currency currency, LocalDate asOf, int periodDays) {
        int scale = new Money(BigDecimal.ZERO, currency).amount().scale();
        BigDecimal receivables = agingByPartner(em, partnerId, currency.getCurrencyCode(), asOf, Direction.RECEIVABLE)
                .values().stream().map(b -> b.toAging(scale).total()).reduce(BigDecimal.ZERO, BigDecimal::add);
        TypedQuery<BigDecimal> salesQuery = em.createQuery("SELECT SUM(d.gross) FROM DocumentEntity d "
                + "WHERE d.direction = :dir AND d.kind = :kind AND d.currency = :c AND d.issueDate > :from "
                + "AND d.issueDate <= :asOf" + (partnerId == null ? "" : " AND d.partnerId = :p"), BigDecimal.class)
                .setParameter("dir", Direction.RECEIVABLE).setParameter("kind", DocumentKind.INVOICE)
                .setParameter("c", currency.getCurrencyCode()).setParameter("from", asOf.minusDays(periodDays))
                .setParameter("asOf", asOf);
        if (partnerId != null) {
            salesQuery.setParameter("p", partnerId);
        }
        BigDecimal sales = Optional.ofNullable(salesQuery.getSingleResult()).orElse(BigDecimal.ZERO);
        return new DsoPoint(partnerId, currency.getCurrencyCode(), asOf, periodDays, scaled(receivables, scale),
                sales.setScale(scale, java.math.RoundingMode.UNNECESSARY),
                Collections.dso(receivables, sales, periodDays));
    }

    @Override
    public List<DsoPoint> dsoTrend(Caller caller, String partnerId, String currency, LocalDate asOf, int months) {
        Access.requireAnyRole(caller, FINANCE_VIEW);
        Currency c = DocumentsEngine.requireCurrency(currency, "currency");
        if (months < 1 || months > MAX_TREND_MONTHS) {
            throw new DocumentValidationException("months", "A trend covers 1 to " + MAX_TREND_MONTHS + " months.");
        }
        String partner = partnerId == null || partnerId.isBlank() ? null
                : engine.requirePartner(partnerId, "partner").id();
        LocalDate end = asOf == null ? engine.today() : asOf;
        return engine.tx(em -> {
            List<DsoPoint> points = new ArrayList<>(months);
            for (int i = months - 1; i >= 0; i--) {
                LocalDate monthEnd = YearMonth.from(end).minusMonths(i).atEndOfMonth();
                LocalDate at = monthEnd.isAfter(end) ? end : monthEnd;
                points.add(dsoAt(em, partner, c, at, 90));
            }
            return points;
        });
    }

    // ---- reminders ---------------------------------------------------------------------------------------------

    @Override
    public Reminder recordReminder(Caller caller, long documentId, DunningLevel level, String note) {
        Access.requireFinance(caller);
        if (level == null || level == DunningLevel.NONE) {
            throw new DocumentValidationException("level", "Choose the dunning level reached: reminder, second "
                    + "notice or final demand.");
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new DocumentValidationException("note", "Write a note: who was reminded, how, what they said.");
        }
        if (text.length() > MAX_NOTE) {
            throw new DocumentValidationException("note", "A note has at most " + MAX_NOTE + " characters.");
        }
        return engine.unitOfWork.required(() -> {
            Reminder reminder = engine.tx(em -> {
                DocumentEntity d = em.find(DocumentEntity.class, documentId);
                if (d == null) {
                    throw new DocumentValidationException("documentId", "Document " + documentId + " is not known.");
                }
                if (d.getDirection() != Direction.RECEIVABLE || d.getKind() != DocumentKind.INVOICE
                        || d.getOpenAmount().signum() == 0 || !d.getDueDate().isBefore(engine.today())) {
                    throw new DocumentValidationException("documentId", "Reminders are for overdue receivable "
                            + "invoices; " + d.getNumber() + " is not overdue.");
                }
                ReminderEntity entity = new ReminderEntity(documentId, d.getPartnerId(), level, text,
                        caller.username(), engine.now());
                em.persist(entity);
                em.flush();
                return entity.toReminder();
            });
            engine.audit(caller, "reminder.recorded", "document", documentId, "", "level=" + level + "; note="
                    + text);
            engine.publish(reminder.partnerId(), "document", documentId, "reminder.recorded");
            return reminder;
        });
    }

    @Override
    public List<Reminder> reminders(Caller caller, long documentId) {
        Access.requireCaller(caller);
        if (!caller.isPartner()) {
            Access.requireAnyRole(caller, FINANCE_VIEW);
        }
        return engine.tx(em -> {
            if (engine.readableDocument(em, caller, documentId).isEmpty()) {
                return List.<Reminder>of();
            }
            return em.createQuery("SELECT r FROM ReminderEntity r WHERE r.documentId = :id ORDER BY r.id",
                    ReminderEntity.class).setParameter("id", documentId).getResultList().stream()
                    .map(ReminderEntity::toReminder).toList();
        });
    }

    // ---- reconciliation ----------------------------------------------------------------------------------------

    @Override
    public Reconciliation reconcile(Caller caller, LocalDate asOf) {
        Access.requireAnyRole(caller, FINANCE_VIEW);
        LocalDate end = asOf == null ? engine.today() : asOf;
        List<String> currencies = engine.tx(em -> {
            TreeSet<String> codes = new TreeSet<>(em.createQuery("SELECT DISTINCT d.currency FROM DocumentEntity d",
                    String.class).getResultList());
            codes.addAll(em.createQuery("SELECT DISTINCT p.currency FROM PaymentEntity p", String.class)
                    .getResultList());
            return List.copyOf(codes);
        });
        int compared = 0;
        List<ReconciliationDifference> differences = new ArrayList<>();
        for (String code : currencies) {
            Currency c = Money.currency(code);
            int scale = new Money(BigDecimal.ZERO, c).amount().scale();
            for (Direction direction : Direction.values()) {
                String account = direction == Direction.RECEIVABLE ? Accounts.PARTNER_RECEIVABLES
                        : DocumentAccounts.TRADE_PAYABLES;
                Map<String, BigDecimal> sub = new LinkedHashMap<>();
                engine.tx(em -> agingByPartner(em, null, code, end, direction)).forEach((partner, buckets) ->
                        sub.put(partner, buckets.toAging(scale).total()));
                Map<String, BigDecimal> books = new HashMap<>();
                engine.ledger.partnerBalances(caller, account, c, end).forEach((partner, money) ->
                        // the ledger signs by the account's normal side: payables (a liability) credit-positive;
                        // the comparison is debit-positive like the statement's sign of the payable side
                        books.put(partner, direction == Direction.RECEIVABLE ? money.amount()
                                : money.amount().negate()));
                TreeSet<String> keys = new TreeSet<>(sub.keySet());
                keys.addAll(books.keySet());
                for (String partner : keys) {
                    BigDecimal s = scaled(sub.getOrDefault(partner, BigDecimal.ZERO), scale);
                    BigDecimal l = books.getOrDefault(partner, BigDecimal.ZERO).setScale(scale,
                            java.math.RoundingMode.UNNECESSARY);
                    if (s.signum() == 0 && l.signum() == 0) {
                        continue;
                    }
                    compared++;
                    if (s.compareTo(l) != 0) {
                        differences.add(new ReconciliationDifference(partner, code, account, s, l, s.subtract(l)));
                    }
                }
            }
        }
        return new Reconciliation(end, compared, differences);
    }
}
