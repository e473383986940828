package org.partnerfinance.ledger.internal;

import java.io.File;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Journals;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;

/**
 * Ledger posting throughput: entries posted through {@link LedgerServiceImpl#post} (validation, period check, exchange
 * rate lookup, base-currency conversion, JPA) against a raw JDBC batch insert of the same rows (header and two lines
 * with base amounts) into the same tables, in the same run, on an embedded Derby file database. Both commit every
 * {@code batch} entries. Not a test: run it with
 *
 * <pre>
 * mvn -o -q test-compile -pl bundles/core/ledger
 * mvn -o -q exec:java -pl bundles/core/ledger -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.partnerfinance.ledger.internal.LedgerPostingBenchmark [-Dexec.args="20000 200"]
 * </pre>
 *
 * (docs/benchmarks.md). Arguments: entries per measured round (default 20000), entries per transaction (default 200).
 * Prints entries/s of both and their ratio (target: the service reaches at least half the raw insert rate).
 */
public final class LedgerPostingBenchmark {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    private LedgerPostingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Files.createTempDirectory("pf-ledger-bench");
        try (TestPersistence db = TestPersistence.on("jdbc:derby:" + dir.resolve("db") + ";create=true")) {
            AuditTrail audit = (AuditTrail) Proxy.newProxyInstance(LedgerPostingBenchmark.class.getClassLoader(),
                    new Class<?>[] {AuditTrail.class}, (proxy, method, a) -> null);
            LedgerServiceImpl ledger = new LedgerServiceImpl(db.persistenceService().open(new PersistenceUnitSpec(
                    LedgerServiceImpl.UNIT, TestPersistence.bundleOf(LedgerServiceImpl.class),
                    LedgerServiceImpl.ENTITY_CLASSES, "db/ledger")), audit, Clock.systemUTC(),
                    Money.currency("EUR"));
            ledger.setRate(Caller.system(), Money.currency("USD"), DAY.minusDays(30), new BigDecimal("0.9137"));

            System.out.printf(Locale.ROOT, "Ledger posting benchmark: embedded Derby (file), %d entries per round, "
                    + "%d entries per transaction, 2 lines each (every 4th in USD)%n", entries, batch);
            // warm-up: JIT, statement caches, Derby page cache
            viaService(db, ledger, entries / 5, batch, 0);
            viaJdbc(db, entries / 5, batch, 10_000_000L);

            List<double[]> rounds = new ArrayList<>();
            for (int round = 1; round <= 3; round++) {
                // A-B-B-A within a round: neither side always runs first (Derby's checkpoints, a busy machine)
                double service = viaService(db, ledger, entries / 2, batch, round * 2);
                double jdbc = viaJdbc(db, entries / 2, batch, 10_000_000L * (round * 2));
                jdbc = (jdbc + viaJdbc(db, entries / 2, batch, 10_000_000L * (round * 2 + 1))) / 2;
                service = (service + viaService(db, ledger, entries / 2, batch, round * 2 + 1)) / 2;
                rounds.add(new double[] {service, jdbc});
                System.out.printf(Locale.ROOT, "round %d: LedgerService %,.0f entries/s, raw JDBC batch %,.0f "
                        + "entries/s, ratio %.2f%n", round, service, jdbc, service / jdbc);
            }
            rounds.sort(Comparator.comparingDouble(r -> r[0] / r[1]));
            double[] median = rounds.get(1);
            System.out.printf(Locale.ROOT, "median: LedgerService %,.0f entries/s, raw JDBC batch %,.0f entries/s, "
                    + "ratio %.2f (target >= 0.5)%n", median[0], median[1], median[0] / median[1]);
        } finally {
            deleteTree(dir.toFile());
        }
    }

    private static JournalEntryDraft draft(int n) {
        String currency = n % 4 == 0 ? "USD" : "EUR";
        Money amount = Money.of(BigDecimal.valueOf(10_000 + n % 9_000, 2), currency);
        String partner = "P-" + (1000 + n % 50);
        return new JournalEntryDraft(DAY, "Benchmark accrual " + n, "bench:" + n, List.of(
                JournalLine.debit(Accounts.PARTNER_EXPENSES, amount, partner),
                JournalLine.credit(Accounts.ACCRUED_PARTNER_CLAIMS, amount, partner)), Journals.CLAIMS);
    }

    /** Entries per second through the service, {@code batch} entries per unit of work. */
    private static double viaService(TestPersistence db, LedgerServiceImpl ledger, int entries, int batch, int round) {
        Caller caller = Caller.system();
        long start = System.nanoTime();
        for (int from = 0; from < entries; from += batch) {
            int first = from;
            int last = Math.min(entries, from + batch);
            db.unitOfWork().required(() -> {
                for (int n = first; n < last; n++) {
                    ledger.post(caller, draft(round * 1_000_000 + n));
                }
                return null;
            });
        }
        return entries / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Entries per second of plain JDBC batches of the same rows: headers with ids from {@code firstId} (a raw insert
     * knows its keys; Derby returns no generated keys for batches), then their lines with the base amounts and rates a
     * posting stores, computed in the loop (the raw side converts too, so the comparison is of the machinery).
     */
    private static double viaJdbc(TestPersistence db, int entries, int batch, long firstId) throws SQLException {
        BigDecimal usdRate = new BigDecimal("0.9137");
        String postedAt = Instant.now().toString().substring(0, 23) + "Z";
        long start = System.nanoTime();
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement header = c.prepareStatement("INSERT INTO ledger_entry (id, entry_date, "
                    + "description, source, posted_by, posted_at, journal) VALUES (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement line = c.prepareStatement("INSERT INTO ledger_line (entry_id, line_no, "
                            + "account_code, side, amount, currency, partner_id, base_amount, rate) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int from = 0; from < entries; from += batch) {
                    int last = Math.min(entries, from + batch);
                    for (int n = from; n < last; n++) {
                        JournalEntryDraft d = draft(n);
                        long id = firstId + n;
                        header.setLong(1, id);
                        header.setDate(2, Date.valueOf(d.date()));
                        header.setString(3, d.description());
                        header.setString(4, d.source());
                        header.setString(5, "system");
                        header.setString(6, postedAt);
                        header.setString(7, d.journal());
                        header.addBatch();
                        int no = 1;
                        for (JournalLine l : d.lines()) {
                            boolean usd = l.amount().currency().getCurrencyCode().equals("USD");
                            BigDecimal rate = usd ? usdRate : BigDecimal.ONE;
                            line.setLong(1, id);
                            line.setInt(2, no++);
                            line.setString(3, l.accountCode());
                            line.setString(4, l.side().name());
                            line.setBigDecimal(5, l.amount().amount());
                            line.setString(6, l.amount().currency().getCurrencyCode());
                            line.setString(7, l.partnerId());
                            line.setBigDecimal(8, FxRules.toBase(l.amount(), rate, Money.currency("EUR")).amount());
                            line.setBigDecimal(9, rate);
                            line.addBatch();
                        }
                    }
                    header.executeBatch();
                    line.executeBatch();
                    c.commit();
                }
            }
        }
        return entries / ((System.nanoTime() - start) / 1e9);
    }

    private static void deleteTree(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteTree(child);
            }
        }
        file.delete();
    }
}
