package org.partnerfinance.claimtype.rebate.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.partnerfinance.claimtype.rebate.api.AgreementDraft;
import org.partnerfinance.claimtype.rebate.api.Tier;
import org.partnerfinance.claimtype.rebate.api.TierMode;
import org.partnerfinance.claimtype.rebate.api.VolumeBasis;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebate recalculation at scale (a program, not a test; docs/benchmarks.md "Rebate recalculation"): 1,000 agreements
 * of 500 partners over 1,000,000 sales lines in an embedded Derby file database under
 * {@code target/rebate-benchmark}, through the code the rebate service runs ({@link Recalculation}: the volume summed
 * in the database for the agreement's partner, currency, period and scope, the tiers applied, the agreement updated).
 * Printed: the full recalculation of every agreement, the incremental recalculation per changed agreement (terms of 20
 * agreements changed, only those recalculated), and the baseline: one plain scan aggregating all lines per partner.
 * Not included: the ledger posting and audit record of each changed agreement (measured by the ledger and audit
 * benchmarks).
 *
 * <pre>
 * mvn -B -pl bundles/claim-types/rebate org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.partnerfinance.claimtype.rebate.internal.RebateRecalculationBenchmark \
 *     -Dexec.args="1000000 1000"
 * </pre>
 */
public final class RebateRecalculationBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(RebateRecalculationBenchmark.class);
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final String[] CATEGORIES = {"switches", "routers", "storage", "servers", "licences"};

    private RebateRecalculationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int agreements = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int partners = Math.max(1, agreements / 2);
        Path dir = Path.of("target", "rebate-benchmark");
        deleteRecursively(dir);
        Files.createDirectories(dir);
        try (TestPersistence db = TestPersistence.on("jdbc:derby:" + dir.toAbsolutePath().resolve("db") + ";create=true")) {
            UnitOfWork uow = db.unitOfWork();
            Jpa jpa = db.open(RebateServiceImpl.UNIT, "db/rebate", AgreementEntity.class);
            long t0 = System.nanoTime();
            load(uow, jpa, lines, partners);
            double loadSeconds = seconds(t0);
            List<Long> ids = createAgreements(uow, jpa, agreements, partners);

            // warm-up: one full round, not measured
            recalculate(uow, jpa, ids);
            long b0 = System.nanoTime();
            int groups = baseline(uow, jpa);
            double baseline = seconds(b0);
            long f0 = System.nanoTime();
            recalculate(uow, jpa, ids);
            double full = seconds(f0);

            List<Long> changed = ids.subList(0, Math.min(20, ids.size()));
            change(uow, jpa, changed);
            long i0 = System.nanoTime();
            recalculate(uow, jpa, changed);
            double incremental = seconds(i0);

            LOG.info(String.format(Locale.ROOT, "load: %,d lines in %.1f s (%,.0f lines/s, batches of 1000)", lines,
                    loadSeconds, lines / loadSeconds));
            LOG.info(String.format(Locale.ROOT, "baseline: one scan aggregating %,d lines into %,d partner sums: %.2f s",
                    lines, groups, baseline));
            LOG.info(String.format(Locale.ROOT, "full recalculation of %,d agreements: %.2f s (%.1f ms per agreement), "
                    + "ratio to the baseline scan %.2f", ids.size(), full, full * 1000 / ids.size(), full / baseline));
            LOG.info(String.format(Locale.ROOT, "incremental: %d changed agreements recalculated in %.3f s, %.1f ms per "
                    + "changed agreement", changed.size(), incremental, incremental * 1000 / changed.size()));
            jpa.close();
        }
    }

    /** Sales lines spread evenly over the partners, dates over the year, ten products in five categories. */
    private static void load(UnitOfWork uow, Jpa jpa, int lines, int partners) {
        Random random = new Random(42);
        int perPartner = lines / partners;
        for (int p = 0; p < partners; p++) {
            String partnerId = partnerId(p);
            List<SalesCsv.Line> batch = new ArrayList<>(perPartner);
            for (int i = 0; i < perPartner; i++) {
                int product = random.nextInt(10);
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(20));
                BigDecimal amount = quantity.multiply(BigDecimal.valueOf(50 + product * 25L));
                batch.add(new SalesCsv.Line(i + 2, START.plusDays(random.nextInt(365)), "P-" + product,
                        CATEGORIES[product % CATEGORIES.length], quantity, amount, EUR));
            }
            uow.required(() -> jpa.tx(em -> {
                try {
                    new SalesStore(em.unwrap(Connection.class)).insert(partnerId, "csv:bench-" + partnerId, batch, null);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
        }
    }

    /** Two agreements per partner: all products (amount tiers, retroactive) and two products (quantity, incremental). */
    private static List<Long> createAgreements(UnitOfWork uow, Jpa jpa, int agreements, int partners) {
        return uow.required(() -> jpa.tx(em -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < agreements; i++) {
                String partnerId = partnerId(i % partners);
                boolean all = i < partners;
                AgreementDraft draft = new AgreementDraft(partnerId, "Bench " + i, START, START.plusYears(1).minusDays(1),
                        all ? Set.of() : Set.of("P-1", "P-2"), all ? Set.of() : Set.of("storage"),
                        all ? VolumeBasis.AMOUNT : VolumeBasis.QUANTITY,
                        all ? TierMode.RETROACTIVE : TierMode.INCREMENTAL,
                        all ? List.of(Tier.of("0", "1"), Tier.of("100000", "2"), Tier.of("500000", "3"))
                                : List.of(Tier.of("0", "0.5"), Tier.of("1000", "1.5"), Tier.of("5000", "2.5")),
                        EUR, all ? null : new BigDecimal("25000"));
                AgreementEntity entity = new AgreementEntity(draft, "bench", Instant.now());
                em.persist(entity);
                em.flush();
                ids.add(entity.id());
            }
            return ids;
        }));
    }

    /** Recalculates the agreements in one unit of work, as the service's recalculation does. */
    private static void recalculate(UnitOfWork uow, Jpa jpa, List<Long> ids) {
        uow.required(() -> jpa.tx(em -> {
            SalesStore store = new SalesStore(em.unwrap(Connection.class));
            for (Long id : ids) {
                try {
                    Recalculation.apply(store, em.find(AgreementEntity.class, id), Instant.now());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            em.flush();
            return null;
        }));
    }

    /** Raises the first tier's rate of each agreement (the terms change; the sales do not). */
    private static void change(UnitOfWork uow, Jpa jpa, List<Long> ids) {
        uow.required(() -> jpa.tx(em -> {
            for (Long id : ids) {
                AgreementEntity e = em.find(AgreementEntity.class, id);
                AgreementDraft t = e.terms();
                List<Tier> tiers = new ArrayList<>(t.tiers());
                tiers.set(0, new Tier(tiers.get(0).threshold(), tiers.get(0).ratePercent().add(BigDecimal.ONE)));
                e.setTerms(new AgreementDraft(t.partnerId(), t.name(), t.validFrom(), t.validTo(), t.productCodes(),
                        t.categories(), t.basis(), t.mode(), tiers, t.currency(), t.cap()));
            }
            return null;
        }));
    }

    /** The bare work: every line read once and summed per partner and currency. */
    private static int baseline(UnitOfWork uow, Jpa jpa) {
        return uow.required(() -> jpa.tx((EntityManager em) -> {
            int groups = 0;
            try (PreparedStatement ps = em.unwrap(Connection.class).prepareStatement("SELECT partner_id, currency, "
                    + "SUM(quantity), SUM(amount) FROM rebate_sale GROUP BY partner_id, currency");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups++;
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return groups;
        }));
    }

    private static String partnerId(int i) {
        return String.format("B-%05d", i);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
