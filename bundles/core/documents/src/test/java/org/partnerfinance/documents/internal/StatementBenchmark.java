package org.partnerfinance.documents.internal;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.internal.AuditConfiguration;
import org.partnerfinance.audit.internal.AuditTrailImpl;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.Page;
import org.partnerfinance.ledger.internal.LedgerServiceImpl;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.internal.PartnerServiceImpl;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Prints how long a statement of account with its aging takes (through {@link StatementServiceImpl}, the real unit of
 * work and EclipseLink) for one partner holding 100,000 open items in a file Derby database of N documents, the median
 * of several runs, with the first page of that partner's open invoices as a second figure and, as the baseline
 * measured in the same run, a raw JDBC sum of the partner's open amounts. Not a test: nothing is asserted.
 *
 * <p>The database is filled through direct batched JDBC (documents without lines: a statement never reads lines),
 * then kept: a second run on the same folder measures at once.
 *
 * <pre>
 * mvn -B -Dmaven.repo.local=... -pl bundles/core/documents test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.partnerfinance.documents.internal.StatementBenchmark [-Dpf.bench.documents=1000000] \
 *     [-Dpf.bench.open=100000] [-Dpf.bench.runs=7] [-Dpf.bench.dir=target/statement-bench]
 * </pre>
 */
public final class StatementBenchmark {

    private static final Caller FINANCE = new Caller("finance", null, Set.of(Role.FINANCE_REVIEWER), null);
    private static final String BIG = "P-9000";
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final int OTHER_PARTNERS = 200;
    /** Settled invoices of the big partner, each paid by one confirmed payment. */
    private static final int BIG_SETTLED = 20_000;

    private StatementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = Integer.getInteger("pf.bench.documents", 1_000_000);
        int open = Integer.getInteger("pf.bench.open", 100_000);
        int runs = Integer.getInteger("pf.bench.runs", 7);
        Path dir = Path.of(System.getProperty("pf.bench.dir", "target/statement-bench")).toAbsolutePath();
        Files.createDirectories(dir);
        System.setProperty("derby.language.sequence.preallocator", "1000");
        Path etc = Files.createDirectories(dir.resolve("etc"));
        try (TestPersistence db = TestPersistence.on("jdbc:derby:" + dir.resolve("db") + ";create=true")) {
            AuditTrail audit = new AuditTrailImpl(db.persistenceService(), DocumentsDbBase.contextFor(
                    AuditTrailImpl.class, etc), DocumentsDbBase.defaults(AuditConfiguration.class));
            LedgerServiceImpl ledger = new LedgerServiceImpl(db.persistenceService(),
                    DocumentsDbBase.contextFor(LedgerServiceImpl.class, etc), audit);
            PartnerServiceImpl partners = new PartnerServiceImpl(db.persistenceService(), db.unitOfWork(), audit,
                    DocumentsDbBase.contextFor(PartnerServiceImpl.class, etc));
            DocumentsEngine engine = new DocumentsEngine(new Collections.Thresholds(1, 15, 30),
                    db.persistenceService().open(new PersistenceUnitSpec(DocumentsEngine.UNIT,
                            TestPersistence.bundleOf(DocumentsEngine.class), DocumentsEngine.ENTITY_CLASSES,
                            "db/documents")), db.unitOfWork(), ledger, audit, partners,
                    Clock.fixed(Instant.parse("2025-06-30T12:00:00Z"), ZoneOffset.UTC));
            StatementServiceImpl statements = new StatementServiceImpl(engine);
            DocumentServiceImpl documentService = new DocumentServiceImpl(engine);

            long existing = count(db, "SELECT COUNT(*) FROM doc_document");
            if (existing == 0) {
                long t0 = System.nanoTime();
                if (partners.find(Caller.system(), BIG).isEmpty()) {
                    partners.create(Caller.system(), BIG, "Big Distributor", PartnerKind.DISTRIBUTOR,
                            Currency.getInstance("EUR"));
                    for (int p = 0; p < OTHER_PARTNERS; p++) {
                        partners.create(Caller.system(), partnerId(p), "Partner " + p, PartnerKind.RESELLER,
                                Currency.getInstance("EUR"));
                    }
                }
                fill(db, documents, open);
                System.out.printf(Locale.ROOT, "filled %,d documents in %.1f s%n", documents,
                        (System.nanoTime() - t0) / 1e9);
            } else {
                System.out.printf(Locale.ROOT, "reusing %,d documents in %s%n", existing, dir);
            }
            long bigOpen = count(db, "SELECT COUNT(*) FROM doc_document WHERE partner_id = '" + BIG
                    + "' AND open_amount > 0");
            System.out.printf(Locale.ROOT, "partner %s: %,d open items; %,d documents in all%n", BIG, bigOpen,
                    count(db, "SELECT COUNT(*) FROM doc_document"));

            org.partnerfinance.documents.api.Statement[] last = new org.partnerfinance.documents.api.Statement[1];
            double statementMs = median(runs, () -> {
                last[0] = statements.statement(FINANCE, BIG, "EUR", null, AS_OF);
                return last[0];
            });
            System.out.printf(Locale.ROOT, "statement + aging (%,d lines, closing %s, 61-90 %s): median %.1f ms "
                    + "of %d runs (target <= 200 ms)%n", last[0].lines().size(), last[0].closing().toPlainString(),
                    last[0].aging().days61to90().toPlainString(), statementMs, runs);
            double pastMs = median(runs, () -> statements.statement(FINANCE, BIG, "EUR", null, AS_OF.minusYears(1)));
            System.out.printf(Locale.ROOT, "statement + aging as of %s: median %.1f ms%n", AS_OF.minusYears(1),
                    pastMs);
            Page<?>[] page = new Page<?>[1];
            double listMs = median(runs, () -> {
                page[0] = documentService.search(FINANCE, new DocumentQuery(BIG, Direction.RECEIVABLE, null,
                        DocumentStatus.OPEN, null, null, "inv", null, DocumentQuery.Sort.DUE_DATE, true, 0, 50));
                return page[0];
            });
            System.out.printf(Locale.ROOT, "invoice list page 1 (open, text 'inv', by due date; %,d matches): "
                    + "median %.1f ms%n", page[0].total(), listMs);
            double rawMs = median(runs, () -> sum(db));
            System.out.printf(Locale.ROOT, "baseline raw JDBC SUM(open_amount) of the partner: median %.1f ms; "
                    + "statement / baseline = %.1f%n", rawMs, statementMs / rawMs);
        }
    }

    private static String partnerId(int p) {
        return String.format(Locale.ROOT, "P-%04d", p);
    }

    private static long count(TestPersistence db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static BigDecimal sum(TestPersistence db) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT SUM(open_amount) FROM doc_document WHERE partner_id = ? AND currency = ?")) {
            s.setString(1, BIG);
            s.setString(2, "EUR");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(int runs, Supplier<?> work) {
        work.get();
        work.get();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        java.util.Collections.sort(ms);
        return ms.get(ms.size() / 2);
    }

    /**
     * The big partner: {@code open} open receivable invoices issued over five years up to the statement date and
     * {@value #BIG_SETTLED} settled ones, each paid by a confirmed payment; the other documents spread over
     * {@value #OTHER_PARTNERS} partners, one in ten open.
     */
    private static void fill(TestPersistence db, int documents, int open) throws Exception {
        String insert = "INSERT INTO doc_document (partner_id, direction, kind, doc_number, number_key, issue_date, "
                + "due_date, currency, net, tax, gross, open_amount, status, disputed, credited_id, source_system, "
                + "source_reference, search_text, created_by, created_at, version) VALUES (?, 'RECEIVABLE', "
                + "'INVOICE', ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, FALSE, NULL, 'BENCH', '', ?, 'bench', "
                + "'2025-06-30T12:00:00.000Z', 1)";
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(insert)) {
                int others = Math.max(0, documents - open - BIG_SETTLED);
                int total = open + BIG_SETTLED + others;
                for (int i = 0; i < total; i++) {
                    String partner;
                    boolean isOpen;
                    if (i < open) {
                        partner = BIG;
                        isOpen = true;
                    } else if (i < open + BIG_SETTLED) {
                        partner = BIG;
                        isOpen = false;
                    } else {
                        partner = partnerId(i % OTHER_PARTNERS);
                        isOpen = i % 10 == 0;
                    }
                    String number = "INV-" + i;
                    LocalDate issued = AS_OF.minusDays(i % 1826);
                    BigDecimal net = BigDecimal.valueOf(1000 + (i % 90_000), 2);
                    BigDecimal tax = net.multiply(new BigDecimal("0.19")).setScale(2, java.math.RoundingMode.HALF_EVEN);
                    BigDecimal gross = net.add(tax);
                    s.setString(1, partner);
                    s.setString(2, number);
                    s.setString(3, number);
                    s.setDate(4, Date.valueOf(issued));
                    s.setDate(5, Date.valueOf(issued.plusDays(30)));
                    s.setBigDecimal(6, net);
                    s.setBigDecimal(7, tax);
                    s.setBigDecimal(8, gross);
                    s.setBigDecimal(9, isOpen ? gross : BigDecimal.ZERO);
                    s.setString(10, isOpen ? "OPEN" : "SETTLED");
                    s.setString(11, number.toLowerCase(Locale.ROOT) + " goods");
                    s.addBatch();
                    if (i % 5000 == 4999) {
                        s.executeBatch();
                        c.commit();
                    }
                    if (i % 100_000 == 99_999) {
                        System.out.printf(Locale.ROOT, "  %,d documents%n", i + 1);
                    }
                }
                s.executeBatch();
                c.commit();
            }
            // the open totals the service keeps with every document (built at once here, as the migration does)
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO doc_open_total (partner_id, currency, direction, kind, issue_date, "
                        + "due_date, gross, open_amount) SELECT partner_id, currency, direction, kind, issue_date, "
                        + "due_date, SUM(gross), SUM(open_amount) FROM doc_document GROUP BY partner_id, currency, "
                        + "direction, kind, issue_date, due_date");
            }
            c.commit();
            // the big partner's settled invoices: one confirmed payment each, allocated in full
            Map<String, long[]> settled = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id, doc_number, issue_date, gross FROM doc_document "
                    + "WHERE partner_id = ? AND open_amount = 0")) {
                q.setString(1, BIG);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        settled.put(rs.getString(2), new long[] {rs.getLong(1), rs.getDate(3).toLocalDate()
                                .toEpochDay(), rs.getBigDecimal(4).movePointRight(2).longValueExact()});
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO doc_payment (partner_id, direction, amount, "
                    + "currency, method, value_date, status, remittance, end_to_end_id, end_to_end_key, source_system, "
                    + "bank_reference, booking_date, confirmed_by, unapplied, created_by, created_at, version) VALUES "
                    + "(?, 'RECEIVABLE', ?, 'EUR', 'BANK_TRANSFER', ?, 'CONFIRMED', ?, ?, ?, 'BENCH', ?, ?, 'bench', 0, "
                    + "'bench', '2025-06-30T12:00:00.000Z', 1)")) {
                int n = 0;
                for (Map.Entry<String, long[]> e : settled.entrySet()) {
                    LocalDate booked = LocalDate.ofEpochDay(e.getValue()[1]).plusDays(20);
                    p.setString(1, BIG);
                    p.setBigDecimal(2, BigDecimal.valueOf(e.getValue()[2], 2));
                    p.setDate(3, Date.valueOf(booked));
                    p.setString(4, e.getKey());
                    p.setString(5, "E2E-" + e.getKey());
                    p.setString(6, "E2E-" + e.getKey());
                    p.setString(7, "BANK-" + e.getKey());
                    p.setDate(8, Date.valueOf(booked));
                    p.addBatch();
                    if (++n % 5000 == 0) {
                        p.executeBatch();
                        c.commit();
                    }
                }
                p.executeBatch();
                c.commit();
            }
            try (PreparedStatement a = c.prepareStatement("INSERT INTO doc_allocation (partner_id, currency, "
                    + "document_id, payment_id, credit_note_id, amount, alloc_date, effective, created_at) "
                    + "SELECT p.partner_id, 'EUR', d.id, p.id, CAST(NULL AS BIGINT), p.amount, p.booking_date, TRUE, "
                    + "'2025-06-30T12:00:00.000Z' FROM doc_payment p JOIN doc_document d "
                    + "ON d.partner_id = p.partner_id AND d.direction = 'RECEIVABLE' AND d.number_key = p.remittance "
                    + "WHERE p.partner_id = ?")) {
                a.setString(1, BIG);
                a.executeUpdate();
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                for (String table : List.of("DOC_DOCUMENT", "DOC_PAYMENT", "DOC_ALLOCATION", "DOC_OPEN_TOTAL")) {
                    s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', NULL)");
                }
            }
            c.commit();
        }
    }
}
