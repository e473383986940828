package org.partnerfinance.documents.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.internal.AuditConfiguration;
import org.partnerfinance.audit.internal.AuditTrailImpl;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentKind;
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
 * Prints how long page 1 (50 rows) of the finance-wide invoice list takes through {@link DocumentServiceImpl} (the
 * real unit of work and EclipseLink) in a file Derby database of N documents over 1,000 partners: unfiltered, by
 * status, by direction, by text, and by text and status, each the median of several rounds, with the same list
 * scoped to one partner as the baseline measured in the same run. The queries are the ones {@code GET
 * /api/v1/invoices} issues (invoices only, newest first). Not a test: nothing is asserted.
 *
 * <p>The database is filled through direct batched JDBC (documents and their search words, no lines or postings: the
 * list never reads them; the list counts rebuilt as the migration builds them), then kept: a second run on the same
 * folder measures at once. A folder filled by an older version is migrated when opened (and the migration timed).
 *
 * <pre>
 * mvn -B -Dmaven.repo.local=... -pl bundles/core/documents org.codehaus.mojo:exec-maven-plugin:3.6.2:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=org.partnerfinance.documents.internal.ListBenchmark \
 *     [-Dpf.bench.documents=200000] [-Dpf.bench.runs=7] [-Dpf.bench.dir=target/list-bench]
 * </pre>
 */
public final class ListBenchmark {

    private static final Caller FINANCE = new Caller("finance", null, Set.of(Role.FINANCE_REVIEWER), null);
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final int PARTNERS = 1000;
    /** Line descriptions: one in 16 documents sells a docking station. */
    private static final String[] GOODS = {"laptop 14 inch", "monitor 27 inch", "keyboard", "mouse wireless",
        "headset", "usb-c cable", "printer toner", "webcam hd", "ssd 1 tb", "router", "switch 24 port",
        "server rack", "ups battery", "tablet", "phone case", "docking station"};

    private ListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = Integer.getInteger("pf.bench.documents", 200_000);
        int runs = Integer.getInteger("pf.bench.runs", 7);
        Path dir = Path.of(System.getProperty("pf.bench.dir", "target/list-bench")).toAbsolutePath();
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
            long opening = System.nanoTime();
            DocumentsEngine engine = new DocumentsEngine(new Collections.Thresholds(1, 15, 30),
                    db.persistenceService().open(new PersistenceUnitSpec(DocumentsEngine.UNIT,
                            TestPersistence.bundleOf(DocumentsEngine.class), DocumentsEngine.ENTITY_CLASSES,
                            "db/documents")), db.unitOfWork(), ledger, audit, partners,
                    Clock.fixed(Instant.parse("2025-06-30T12:00:00Z"), ZoneOffset.UTC));
            DocumentServiceImpl service = new DocumentServiceImpl(engine);
            System.out.printf(Locale.ROOT, "opened the documents unit (pending migrations included) in %.1f s%n",
                    (System.nanoTime() - opening) / 1e9);

            long existing = count(db, "SELECT COUNT(*) FROM doc_document");
            if (existing == 0) {
                long t0 = System.nanoTime();
                if (partners.find(Caller.system(), partnerId(0)).isEmpty()) {
                    for (int p = 0; p < PARTNERS; p++) {
                        partners.create(Caller.system(), partnerId(p), "Partner " + p, PartnerKind.RESELLER,
                                Currency.getInstance("EUR"));
                    }
                }
                fill(db, documents);
                System.out.printf(Locale.ROOT, "filled %,d documents in %.1f s%n", documents,
                        (System.nanoTime() - t0) / 1e9);
            } else {
                System.out.printf(Locale.ROOT, "reusing %,d documents in %s%n", existing, dir);
            }

            double partnerMs = list(service, runs, "partner-scoped (P-0001), baseline", query(partnerId(1), null,
                    null, null));
            list(service, runs, "finance-wide, no filter", query(null, null, null, null), partnerMs);
            list(service, runs, "finance-wide, status=OPEN", query(null, null, DocumentStatus.OPEN, null),
                    partnerMs);
            list(service, runs, "finance-wide, direction=PAYABLE", query(null, Direction.PAYABLE, null, null),
                    partnerMs);
            list(service, runs, "finance-wide, q=docking", query(null, null, null, "docking"), partnerMs);
            list(service, runs, "finance-wide, q=docking + status=OPEN",
                    query(null, null, DocumentStatus.OPEN, "docking"), partnerMs);
            list(service, runs, "finance-wide, q=gi-0000012345 (one number)",
                    query(null, null, null, "gi-0000012345"), partnerMs);
            list(service, runs, "finance-wide, no filter, page 200 (offset 9,950)",
                    new DocumentQuery(null, null, DocumentKind.INVOICE, null, null, null, null, null,
                            DocumentQuery.Sort.ISSUE_DATE, false, 9_950, 50), partnerMs);
        }
    }

    /** What {@code GET /api/v1/invoices} asks for: invoices, newest first, page 1 of 50. */
    private static DocumentQuery query(String partner, Direction direction, DocumentStatus status, String text) {
        return new DocumentQuery(partner, direction, DocumentKind.INVOICE, status, null, null, text, null,
                DocumentQuery.Sort.ISSUE_DATE, false, 0, 50);
    }

    private static double list(DocumentServiceImpl service, int runs, String what, DocumentQuery query) {
        Page<?>[] page = new Page<?>[1];
        double ms = median(runs, () -> {
            page[0] = service.search(FINANCE, query);
            return page[0];
        });
        System.out.printf(Locale.ROOT, "%-50s total %,9d  page %2d  median %9.1f ms%n", what, page[0].total(),
                page[0].items().size(), ms);
        return ms;
    }

    private static void list(DocumentServiceImpl service, int runs, String what, DocumentQuery query,
            double baselineMs) {
        double ms = list(service, runs, what, query);
        System.out.printf(Locale.ROOT, "%-50s ratio to the partner-scoped list: %.1f%n", "", ms / baselineMs);
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
     * Documents spread over the partners and five years: nine in ten invoices, receivable and payable alternating,
     * one in five open, one in ten partly settled, the rest settled.
     */
    private static void fill(TestPersistence db, int documents) throws Exception {
        String insert = "INSERT INTO doc_document (partner_id, direction, kind, doc_number, number_key, issue_date, "
                + "due_date, currency, net, tax, gross, open_amount, status, disputed, credited_id, source_system, "
                + "source_reference, search_text, created_by, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, "
                + "'EUR', ?, ?, ?, ?, ?, FALSE, NULL, 'BENCH', ?, ?, 'bench', '2025-06-30T12:00:00.000Z', 1)";
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(insert)) {
                for (int i = 0; i < documents; i++) {
                    boolean invoice = i % 10 != 9;
                    String number = (invoice ? "GI-" : "GC-") + String.format(Locale.ROOT, "%010d", i);
                    String reference = "ERP-" + (i * 7919L % 1_000_003);
                    LocalDate issued = AS_OF.minusDays(i % 1826);
                    BigDecimal net = BigDecimal.valueOf(1000 + (i % 90_000), 2);
                    BigDecimal tax = net.multiply(new BigDecimal("0.19")).setScale(2, RoundingMode.HALF_EVEN);
                    BigDecimal gross = net.add(tax);
                    int state = i % 10;
                    DocumentStatus status = state < 2 ? DocumentStatus.OPEN
                            : state == 2 ? DocumentStatus.PARTIALLY_SETTLED : DocumentStatus.SETTLED;
                    BigDecimal open = switch (status) {
                        case OPEN -> gross;
                        case PARTIALLY_SETTLED -> gross.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                        case SETTLED -> BigDecimal.ZERO;
                    };
                    String goods = GOODS[(int) (i * 31L % GOODS.length)] + " " + GOODS[(int) (i * 17L % 15)];
                    s.setString(1, partnerId(i % PARTNERS));
                    s.setString(2, i % 2 == 0 ? "RECEIVABLE" : "PAYABLE");
                    s.setString(3, invoice ? "INVOICE" : "CREDIT_NOTE");
                    s.setString(4, number);
                    s.setString(5, number);
                    s.setDate(6, Date.valueOf(issued));
                    s.setDate(7, Date.valueOf(issued.plusDays(30)));
                    s.setBigDecimal(8, net);
                    s.setBigDecimal(9, tax);
                    s.setBigDecimal(10, gross);
                    s.setBigDecimal(11, open);
                    s.setString(12, status.name());
                    s.setString(13, reference);
                    s.setString(14, (number + " " + reference + " " + goods).toLowerCase(Locale.ROOT));
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
            try (Statement s = c.createStatement()) {
                // the counts the service keeps with every document, built at once here as the migration (V7) does
                s.executeUpdate("DELETE FROM doc_list_count");
                s.executeUpdate("INSERT INTO doc_list_count (direction, kind, status, slot, documents) "
                        + "SELECT direction, kind, status, slot, COUNT(*) FROM (SELECT direction, kind, status, "
                        + "CAST(MOD(id, 16) AS INTEGER) AS slot FROM doc_document) d "
                        + "GROUP BY direction, kind, status, slot");
                s.executeUpdate("INSERT INTO doc_list_count (direction, kind, status, slot, documents) "
                        + "SELECT dr.v, k.v, st.v, sl.v, 0 FROM (VALUES ('RECEIVABLE'), ('PAYABLE')) AS dr(v), "
                        + "(VALUES ('INVOICE'), ('CREDIT_NOTE')) AS k(v), "
                        + "(VALUES ('OPEN'), ('PARTIALLY_SETTLED'), ('SETTLED')) AS st(v), "
                        + "(VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), "
                        + "(15)) AS sl(v) WHERE NOT EXISTS (SELECT 1 FROM doc_list_count c WHERE c.direction = dr.v "
                        + "AND c.kind = k.v AND c.status = st.v AND c.slot = sl.v)");
                s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'DOC_DOCUMENT', NULL)");
            }
            c.commit();
        }
    }
}
