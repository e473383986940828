package org.partnerfinance.claims.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Prints claim submission and approval throughput of the real claims service (with the real ledger, audit trail and
 * partner services, one unit of work per call) on embedded Derby and on PostgreSQL, measured in the same run, and
 * their ratio. Not a test: nothing is asserted.
 *
 * <p>Both databases are set up as the distribution runs them: Derby as a file database (durable commits) with the
 * identity preallocation the persistence service sets; PostgreSQL as a local server with its default durability
 * (fsync, synchronous commit), reached through the driver's DataSourceFactory without a connection pool, as the
 * persistence service does today.
 *
 * <pre>
 * mvn -B -Dmaven.repo.local=... -pl bundles/core/claims test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.partnerfinance.claims.internal.ClaimsDatabaseBenchmark [-Dpf.bench.claims=400] \
 *     [-Dpf.bench.threads=1,4] [-Dpf.bench.databases=derby,postgresql]
 * </pre>
 * {@code pf.bench.databases} limits the run to some of the databases (e.g. {@code derby} to investigate Derby alone);
 * the ratio is printed only when both ran.
 */
public final class ClaimsDatabaseBenchmark {

    private static final Caller REVIEWER = new Caller("reviewer", null, Set.of(Role.FINANCE_REVIEWER), null);
    /** The partners the claims are spread over, round robin. */
    public static final List<String> PARTNERS = List.of("P-1001", "P-1002", "P-1003", "P-1004");

    private final ClaimService claims;
    private final AtomicInteger sequence = new AtomicInteger();

    /**
     * Measures {@code claims}, which must offer the expense type of {@link ClaimsTestStack#expenseType()} to the
     * {@link #PARTNERS}. Public for the benchmarks of other modules (the claims test-jar).
     */
    public ClaimsDatabaseBenchmark(ClaimService claims) {
        this.claims = claims;
    }

    private ClaimsDatabaseBenchmark(TestPersistence db) {
        this(ClaimsTestStack.on(db, PARTNERS).withClaimType(ClaimsTestStack.expenseType()).claims());
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("pf.bench.claims", 400);
        int warmup = Integer.getInteger("pf.bench.warmup", 100);
        List<Integer> threadCounts = new ArrayList<>();
        for (String t : System.getProperty("pf.bench.threads", "1,4").split(",")) {
            threadCounts.add(Integer.parseInt(t.trim()));
        }
        Set<String> databases = Set.of(System.getProperty("pf.bench.databases", "derby,postgresql")
                .toLowerCase(Locale.ROOT).replace(" ", "").split(","));
        boolean runDerby = databases.contains("derby");
        boolean runPostgres = databases.contains("postgresql");
        if (System.getProperty("derby.language.sequence.preallocator") == null) {
            System.setProperty("derby.language.sequence.preallocator", "1000"); // as PersistenceComponent does
        }
        Path folder = Files.createTempDirectory("pf-bench-db");
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-10s %7s %7s %14s %14s", "database", "threads", "claims",
                "submit/s", "approve/s"));
        List<Rates> derby = new ArrayList<>();
        List<Rates> postgres = new ArrayList<>();
        try (EmbeddedPostgres server = runPostgres ? EmbeddedPostgres.builder().start() : null) {
            for (int threads : threadCounts) {
                if (runDerby) {
                    String derbyUrl = "jdbc:derby:" + folder.resolve("derby-" + threads).toAbsolutePath()
                            .toString().replace('\\', '/') + ";create=true";
                    try (TestPersistence db = TestPersistence.on(derbyUrl)) {
                        derby.add(new ClaimsDatabaseBenchmark(db).measureOrReport(threads, count, warmup));
                    }
                }
                if (runPostgres) {
                    String name = "bench" + threads;
                    try (Connection c = server.getPostgresDatabase().getConnection();
                            Statement s = c.createStatement()) {
                        s.execute("CREATE DATABASE " + name);
                    }
                    try (TestPersistence db = TestPersistence.postgres(server.getJdbcUrl("postgres", name),
                            "postgres", null)) {
                        postgres.add(new ClaimsDatabaseBenchmark(db).measureOrReport(threads, count, warmup));
                    }
                }
            }
        } finally {
            deleteQuietly(folder);
        }
        for (int i = 0; i < threadCounts.size(); i++) {
            if (runDerby) {
                lines.add(row("Derby", threadCounts.get(i), count, derby.get(i)));
            }
            if (runPostgres) {
                lines.add(row("PostgreSQL", threadCounts.get(i), count, postgres.get(i)));
            }
            if (runDerby && runPostgres && derby.get(i).failure == null && postgres.get(i).failure == null) {
                lines.add(String.format(Locale.ROOT, "%-10s %7d %7s %13.2fx %13.2fx", "PG/Derby", threadCounts.get(i),
                        "", postgres.get(i).submit / derby.get(i).submit,
                        postgres.get(i).approve / derby.get(i).approve));
            }
        }
        // the figures are this program's output, as with PortalBenchmark
        lines.forEach(System.out::println);
    }

    /** Claims per second of one run, or why it failed. */
    public record Rates(double submit, double approve, String failure) {
    }

    public static String row(String database, int threads, int count, Rates rates) {
        if (rates.failure != null) {
            return String.format(Locale.ROOT, "%-10s %7d %7d   failed: %s", database, threads, count, rates.failure);
        }
        return String.format(Locale.ROOT, "%-10s %7d %7d %14.1f %14.1f", database, threads, count, rates.submit,
                rates.approve);
    }

    /**
     * Warms up, then submits {@code count} claims and approves them on {@code threads} threads. A failed run (e.g. a
     * lock timeout) is a figure too: it is printed instead of the rates.
     */
    public Rates measureOrReport(int threads, int count, int warmup) {
        try {
            double[] rates = measure(threads, count, warmup);
            return new Rates(rates[0], rates[1], null);
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // the root cause says what went wrong, the statement (in EclipseLink's message) where
            String statement = String.valueOf(e.getMessage()).lines().filter(l -> l.startsWith("Call:")).findFirst()
                    .orElse("");
            return new Rates(0, 0, root.getClass().getSimpleName() + ": " + root.getMessage()
                    + (statement.isEmpty() ? "" : " (" + statement + ")"));
        }
    }

    /** Warms up, then submits {@code count} claims and approves them, on {@code threads} threads; claims/s of both. */
    private double[] measure(int threads, int count, int warmup) throws Exception {
        // One claim alone first: Derby preallocates identity values at a table's first insert in a nested transaction
        // that fails at once instead of waiting when another transaction does the same (DERBY-7002); the figures are
        // about the steady state, not that start-up race.
        approve(submit(0));
        List<Claim> warm = run(threads, warmup, this::submit);
        run(threads, warm.size(), i -> approve(warm.get(i)));
        List<Claim> submitted = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        submitted.addAll(run(threads, count, this::submit));
        double submitRate = count / seconds(start);
        start = System.nanoTime();
        run(threads, count, i -> approve(submitted.get(i)));
        double approveRate = count / seconds(start);
        return new double[] {submitRate, approveRate};
    }

    private Claim submit(int i) {
        String partner = PARTNERS.get(i % PARTNERS.size());
        Caller user = new Caller("user-" + partner, null, Set.of(Role.PARTNER_USER), partner);
        int n = sequence.incrementAndGet();
        String description = "Bench claim " + n;
        ClaimDraft draft = new ClaimDraft("expense", partner, LocalDate.now().minusDays(1), description,
                Money.of("12" + (n % 100) + ".50", "EUR"), Map.of("category", "travel", "note", "Bench " + n),
                List.of(new AttachmentUpload("receipt-" + n + ".pdf", TestClaims.bytes("%PDF-1.7\n" + description))));
        return claims.submitNew(user, draft);
    }

    private Claim approve(Claim claim) {
        return claims.approve(REVIEWER, claim.id(), claim.version(), "bench");
    }

    /** Runs {@code count} calls, call i on thread i % threads, and returns their results in call order. */
    private static List<Claim> run(int threads, int count, IntFunction<Claim> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Claim>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> call.apply(index)));
            }
            List<Claim> results = new ArrayList<>();
            for (Future<Claim> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Deletes a benchmark's database folder. */
    public static void deleteQuietly(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

}
