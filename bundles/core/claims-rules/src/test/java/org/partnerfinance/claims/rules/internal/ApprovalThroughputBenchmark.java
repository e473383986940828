package org.partnerfinance.claims.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ComplianceRule;
import org.partnerfinance.claims.internal.ClaimsDatabaseBenchmark;
import org.partnerfinance.claims.internal.ClaimsDatabaseBenchmark.Rates;
import org.partnerfinance.claims.internal.ClaimsTestStack;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.ExtensionKind;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Issue 7: claims submitted and approved per second through the real claims service with the full rule set of this
 * bundle on, against the same service without rules (the baseline), measured in the same run on the same kind of
 * database, and their ratio. A program, not a test: it prints figures and asserts nothing.
 *
 * <p>Each measurement gets a fresh database (file Derby, durable commits, as the distribution runs it; optionally
 * PostgreSQL from the embedded binaries) with the real audit trail, ledger and partner services
 * ({@link ClaimsTestStack}) and the workload of {@link ClaimsDatabaseBenchmark}: expense claims with one PDF receipt,
 * spread over four partners, submitted, then approved by a reviewer, on 1 and 4 threads, after one unmeasured pair
 * (without and with rules) per database kind.
 *
 * <p>The rules are configured as the distribution ships them for the expense type
 * ({@code karaf-assembly/src/main/resources/assembly/etc/org.partnerfinance.claims.rules-expense.cfg}: deadline 90 days,
 * warning 14 days, duplicate detection on), read from that file, plus what the file leaves commented out so that every
 * rule runs: a cap per claim and a cap per quarter (both high enough that no claim of the run reaches them) and at
 * least one attachment. Bound as DS binds them: deadline, caps and attachments limited to the expense type, the
 * duplicate rule replacing the core's built-in one, the deadline rule wired to the real extension workflow (its own
 * table), which it asks only about claims past their deadline: the claims of this workload are all on time, so late
 * claims are not measured.
 *
 * <p>Left out: the fund availability rule of {@code pf-funds}. Wiring it needs the funds service with programmes,
 * budgets and allocations for the partners in place (it is a separate bundle and database unit); a programme-less
 * funds service would make it pass without doing its work, which would flatter the figures. Also note: the claims core
 * runs compliance rules when a claim is checked and submitted, not when it is approved (the reviewer sees the findings
 * stored at submission), so approve/s with rules is a control that should stay close to the baseline.
 *
 * <pre>
 * mvn -B -Dmaven.repo.local=... -pl bundles/core/claims-rules test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.partnerfinance.claims.rules.internal.ApprovalThroughputBenchmark [-Dpf.bench.claims=300] \
 *     [-Dpf.bench.warmup=100] [-Dpf.bench.threads=1,4] [-Dpf.bench.databases=derby,postgresql] \
 *     [-Dpf.bench.rules=path/to/org.partnerfinance.claims.rules-expense.cfg] [-Dpf.bench.rulesFirst=true]
 * </pre>
 * (the claims module's test-jar must be installed: {@code mvn -pl bundles/core/claims install -DskipTests}).
 */
public final class ApprovalThroughputBenchmark {

    private static final String SHIPPED_RULES =
            "karaf-assembly/src/main/resources/assembly/etc/org.partnerfinance.claims.rules-expense.cfg";
    /** Not shipped switched on: set here so that the cap and attachment rules run too. */
    private static final Map<String, String> ADDED = Map.of(
            "cap.per.claim", "EUR 5000.00",
            "cap.per.period", "EUR 100000000.00",
            "period", "QUARTER",
            "attachments.min", "1");

    private ApprovalThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("pf.bench.claims", 300);
        int warmup = Integer.getInteger("pf.bench.warmup", 100);
        List<Integer> threadCounts = new ArrayList<>();
        for (String t : System.getProperty("pf.bench.threads", "1,4").split(",")) {
            threadCounts.add(Integer.parseInt(t.trim()));
        }
        // measured second, either side profits from what the first warmed up: swap to see how much
        boolean rulesFirst = Boolean.getBoolean("pf.bench.rulesFirst");
        Set<String> databases = Set.of(System.getProperty("pf.bench.databases", "derby")
                .toLowerCase(Locale.ROOT).replace(" ", "").split(","));
        if (System.getProperty("derby.language.sequence.preallocator") == null) {
            System.setProperty("derby.language.sequence.preallocator", "1000"); // as PersistenceComponent does
        }
        Map<String, String> configuration = rulesConfiguration();
        RuleSettings settings = RuleSettings.of(configurationOf(configuration),
                "org.partnerfinance.claims.rules~expense");

        List<String> lines = new ArrayList<>();
        lines.add("rules: " + configuration);
        lines.add(String.format(Locale.ROOT, "%-10s %7s %7s %-6s %14s %14s", "database", "threads", "claims", "rules",
                "submit/s", "approve/s"));
        Path folder = Files.createTempDirectory("pf-bench-rules");
        try (EmbeddedPostgres server = databases.contains("postgresql") ? EmbeddedPostgres.builder().start() : null) {
            for (String database : List.of("derby", "postgresql")) {
                if (!databases.contains(database)) {
                    continue;
                }
                String label = database.equals("derby") ? "Derby" : "PostgreSQL";
                // One unmeasured pair first: otherwise the first baseline also pays for the JVM's and the database's
                // warming up beyond its own warm-up claims, and the rules look faster than none.
                try (TestPersistence db = open(database, "warmnone", folder, server)) {
                    new ClaimsDatabaseBenchmark(stack(db, null).claims()).measureOrReport(1, warmup, warmup);
                }
                try (TestPersistence db = open(database, "warmall", folder, server)) {
                    new ClaimsDatabaseBenchmark(stack(db, settings).claims()).measureOrReport(1, warmup, warmup);
                }
                for (int threads : threadCounts) {
                    Rates none = null;
                    Rates all;
                    if (!rulesFirst) {
                        none = measureWithoutRules(database, threads, count, warmup, folder, server);
                    }
                    try (TestPersistence db = open(database, "rules" + threads, folder, server)) {
                        ClaimService claims = stack(db, settings).claims();
                        all = new ClaimsDatabaseBenchmark(claims).measureOrReport(threads, count, warmup);
                        if (lines.size() == 2) {
                            lines.add(0, "findings of one more claim with the rules on: " + findingsOf(claims));
                        }
                    }
                    if (rulesFirst) {
                        none = measureWithoutRules(database, threads, count, warmup, folder, server);
                    }
                    lines.add(row(label, threads, count, "none", none));
                    lines.add(row(label, threads, count, "all", all));
                    if (none.failure() == null && all.failure() == null) {
                        lines.add(String.format(Locale.ROOT, "%-10s %7d %7s %-6s %13.2fx %13.2fx", label, threads,
                                "", "ratio", all.submit() / none.submit(), all.approve() / none.approve()));
                    }
                }
            }
        } finally {
            ClaimsDatabaseBenchmark.deleteQuietly(folder);
        }
        // the figures are this program's output, as with ClaimsDatabaseBenchmark
        lines.forEach(System.out::println);
    }

    /**
     * What the rules found on one more claim like the measured ones: shows that each rule ran and passed (a rule that
     * throws is recorded by the core as a C-ERR warning, which would show here).
     */
    private static String findingsOf(ClaimService claims) {
        String partner = ClaimsDatabaseBenchmark.PARTNERS.get(0);
        Caller user = new Caller("user-" + partner, null, Set.of(Role.PARTNER_USER), partner);
        Claim claim = claims.submitNew(user, new ClaimDraft("expense", partner, LocalDate.now().minusDays(1),
                "Findings sample", Money.of("99.50", "EUR"), Map.of("category", "travel"),
                List.of(new AttachmentUpload("sample.pdf",
                        "%PDF-1.7\nFindings sample".getBytes(StandardCharsets.US_ASCII)))));
        return claim.findings().stream().map(f -> f.ruleId() + "=" + f.outcome()
                + (f.code() == null || f.code().isEmpty() ? "" : " " + f.code())).toList().toString();
    }

    private static Rates measureWithoutRules(String database, int threads, int count, int warmup, Path folder,
            EmbeddedPostgres server) throws Exception {
        try (TestPersistence db = open(database, "none" + threads, folder, server)) {
            return new ClaimsDatabaseBenchmark(stack(db, null).claims()).measureOrReport(threads, count, warmup);
        }
    }

    private static String row(String database, int threads, int count, String rules, Rates rates) {
        String line = ClaimsDatabaseBenchmark.row(database, threads, count, rates);
        // the shared row format plus the rules column after the claim count
        return line.substring(0, 26) + String.format(Locale.ROOT, " %-6s", rules) + line.substring(26);
    }

    /** A fresh database of the kind: a Derby file database in {@code folder}, or a new database on the server. */
    private static TestPersistence open(String kind, String name, Path folder, EmbeddedPostgres server)
            throws Exception {
        if (kind.equals("derby")) {
            return TestPersistence.on("jdbc:derby:" + folder.resolve(name).toAbsolutePath().toString()
                    .replace('\\', '/') + ";create=true");
        }
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return TestPersistence.postgres(server.getJdbcUrl("postgres", name), "postgres", null);
    }

    /** The claims service with the expense type and, unless {@code settings} is null, the rules of this bundle. */
    private static ClaimsTestStack stack(TestPersistence db, RuleSettings settings) {
        ClaimsTestStack stack = ClaimsTestStack.on(db, ClaimsDatabaseBenchmark.PARTNERS)
                .withClaimType(ClaimsTestStack.expenseType());
        if (settings == null) {
            return stack;
        }
        DeadlineExtensionsImpl extensions = new DeadlineExtensionsImpl(db.persistenceService().open(
                new PersistenceUnitSpec(DeadlineExtensionsImpl.UNIT, TestPersistence.bundleOf(
                        DeadlineExtensionsImpl.class), DeadlineExtensionsImpl.ENTITY_CLASSES, "db/claimrules")),
                db.unitOfWork(), stack.audit(), stack.claims(),
                type -> type.equals(settings.typeId()) ? Optional.of(settings) : Optional.empty(),
                Clock.systemDefaultZone());
        List<Map.Entry<Map<String, ?>, ComplianceRule>> rules = new ArrayList<>();
        rules.add(Map.entry(Map.of(ComplianceRule.REPLACES, ComplianceRule.BUILT_IN_DUPLICATE_RULE,
                ExtensionConstants.EXTENSION_ID, ClaimTypeRules.EXTENSION_ID,
                ExtensionConstants.EXTENSION_KIND, ExtensionKind.COMPLIANCE_RULE.id()),
                new DuplicateRule(type -> type.equals(settings.typeId()) ? Optional.of(settings) : Optional.empty())));
        Map<String, ?> forType = Map.of(ComplianceRule.CLAIM_TYPES, settings.typeId(),
                ExtensionConstants.EXTENSION_ID, ClaimTypeRules.EXTENSION_ID,
                ExtensionConstants.EXTENSION_KIND, ExtensionKind.COMPLIANCE_RULE.id());
        rules.add(Map.entry(forType, new DeadlineRule(settings, extensions, Clock.systemDefaultZone())));
        rules.add(Map.entry(forType, new CapRule(settings)));
        rules.add(Map.entry(forType, new AttachmentRule(settings)));
        return stack.withComplianceRules(rules);
    }

    /** The shipped expense rules with {@link #ADDED} on top, as configuration properties. */
    private static Map<String, String> rulesConfiguration() throws IOException {
        Path file = Optional.ofNullable(System.getProperty("pf.bench.rules")).map(Path::of)
                .or(() -> List.of(Path.of(SHIPPED_RULES), Path.of("../../..", SHIPPED_RULES)).stream()
                        .filter(Files::isRegularFile).findFirst())
                .orElseThrow(() -> new IllegalStateException("Cannot find " + SHIPPED_RULES
                        + " (run from the repository or the module folder, or set -Dpf.bench.rules)."));
        Properties shipped = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            shipped.load(in);
        }
        Map<String, String> configuration = new TreeMap<>();
        shipped.stringPropertyNames().forEach(k -> configuration.put(k, shipped.getProperty(k)));
        configuration.putAll(ADDED);
        return configuration;
    }

    /**
     * The typed configuration DS would hand {@link ClaimTypeRules}: an attribute {@code deadline_days} reads property
     * {@code deadline.days}; a property that is not set gives the attribute's default.
     */
    private static ClaimTypeRulesConfiguration configurationOf(Map<String, String> properties) {
        return (ClaimTypeRulesConfiguration) Proxy.newProxyInstance(ClaimTypeRulesConfiguration.class.getClassLoader(),
                new Class<?>[] {ClaimTypeRulesConfiguration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return ClaimTypeRulesConfiguration.class;
                    }
                    String value = properties.get(method.getName().replace('_', '.'));
                    if (value == null) {
                        return method.getDefaultValue();
                    }
                    Class<?> type = method.getReturnType();
                    if (type == int.class) {
                        return Integer.parseInt(value.strip());
                    }
                    if (type == boolean.class) {
                        return Boolean.parseBoolean(value.strip());
                    }
                    if (type.isEnum()) {
                        return Enum.valueOf(type.asSubclass(Enum.class), value.strip());
                    }
                    return value.strip();
                });
    }
}
