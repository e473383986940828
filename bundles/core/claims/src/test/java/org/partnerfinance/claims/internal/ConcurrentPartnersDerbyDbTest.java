package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.BundleContext;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.audit.internal.AuditConfiguration;
import org.partnerfinance.audit.internal.AuditTrailImpl;
import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.AttachmentPolicy;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.FeatureToggles;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Balance;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.internal.LedgerServiceImpl;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.internal.PartnerServiceImpl;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Several partners' claims submitted and approved at the same moment on an embedded Derby file database, set up as the
 * distribution runs it: every unit of work (claim, ledger posting, audit record) must succeed, the ledger must balance
 * and the audit chain must verify. Derby generates identity values by updating its catalog in a nested transaction
 * that does not wait for locks and reports a lock timeout (40XL1) at once when another session holds the row; after
 * Derby's dictionary caches were cleared (index statistics refreshed, any DDL) concurrent inserts used to fail there.
 */
public class ConcurrentPartnersDerbyDbTest {

    private static final Caller REVIEWER = new Caller("reviewer", null, Set.of(Role.FINANCE_REVIEWER), null);
    private static final Caller MANAGER = new Caller("manager", null, Set.of(Role.FINANCE_MANAGER), null);
    private static final List<String> PARTNERS = List.of("P-1001", "P-1002", "P-1003", "P-1004");
    private static final int ROUNDS = 4;
    private static final int CLAIMS_PER_ROUND = 3;

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private TestPersistence db;
    private LedgerServiceImpl ledger;
    private AuditTrailImpl audit;
    private ClaimServiceImpl claims;

    @BeforeClass
    public static void derbyAsTheDistributionRunsIt() {
        if (System.getProperty("derby.language.sequence.preallocator") == null) {
            System.setProperty("derby.language.sequence.preallocator", "1000"); // as PersistenceComponent does
        }
    }

    @Before
    public void setUp() throws Exception {
        String url = "jdbc:derby:" + folder.newFolder("etc").getParentFile().toPath().resolve("db").toAbsolutePath()
                .toString().replace('\\', '/') + ";create=true";
        db = TestPersistence.on(url);
        audit = new AuditTrailImpl(db.persistenceService(), contextOf(AuditTrailImpl.class),
                defaults(AuditConfiguration.class));
        ledger = new LedgerServiceImpl(db.persistenceService(), contextOf(LedgerServiceImpl.class), audit);
        PartnerServiceImpl partners = new PartnerServiceImpl(db.persistenceService(), db.unitOfWork(), audit,
                contextOf(PartnerServiceImpl.class));
        for (String partner : PARTNERS) {
            partners.create(Caller.system(), partner, "Partner " + partner, PartnerKind.RESELLER,
                    Currency.getInstance("EUR"));
        }
        claims = new ClaimServiceImpl(new ApprovalLimits(ApprovalLimits.parse("reviewer", "EUR 10000"),
                ApprovalLimits.parse("manager", "EUR 250000")), TestClaims.chains(),
                db.persistenceService().open(new PersistenceUnitSpec(ClaimServiceImpl.UNIT,
                        TestPersistence.bundleOf(ClaimServiceImpl.class), ClaimServiceImpl.ENTITY_CLASSES,
                        "db/claims")),
                db.unitOfWork(), ledger, audit, partners, Clock.systemUTC());
        claims.toggles = new FeatureToggles() {
            @Override
            public boolean isEnabled(String extensionId) {
                return true;
            }

            @Override
            public Set<String> disabled() {
                return Set.of();
            }

            @Override
            public void setEnabled(Caller caller, String extensionId, boolean enabled) {
                throw new AssertionError("not used");
            }
        };
        claims.claimTypes = List.of(Map.entry(Map.of(ExtensionConstants.EXTENSION_ID, "expense",
                ExtensionConstants.EXTENSION_KIND, "claim-type"), TestClaims.EXPENSE_TYPE));
        claims.listeners = List.of();
    }

    @After
    public void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    public void partnersSubmitAndApproveClaimsAtTheSameTime() throws Exception {
        // One claim alone first, so that what follows is the steady state and not only the first insert of each table
        approve(submit("P-1001", 0));

        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, Claim> submitted = new java.util.concurrent.ConcurrentHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            int first = round * CLAIMS_PER_ROUND;
            // all partners submit at once, then their claims are approved at once; each time just after Derby refreshed
            // index statistics, as it does by itself in the background while tables grow
            refreshStatistics(round % 2 == 0 ? "CLAIM" : "LEDGER_LINE");
            concurrently(failures, (partner, i) -> submitted.put(partner + "/" + (first + i),
                    submit(partner, first + i)));
            refreshStatistics(round % 2 == 0 ? "LEDGER_ENTRY" : "CLAIM_ATTACHMENT");
            concurrently(failures, (partner, i) -> {
                Claim claim = submitted.get(partner + "/" + (first + i));
                if (claim != null) { // else its submission failed, which is already reported
                    assertEquals(ClaimStatus.APPROVED, approve(claim).status());
                }
            });
        }
        assertEquals("every submission and approval succeeds", List.of(), failures);

        for (String partner : PARTNERS) {
            BigDecimal expected = BigDecimal.ZERO;
            for (int i = partner.equals("P-1001") ? 0 : 1; i <= ROUNDS * CLAIMS_PER_ROUND; i++) {
                expected = expected.add(amount(i));
            }
            Map<String, BigDecimal> balances = new java.util.TreeMap<>();
            for (Balance b : ledger.balancesForPartner(MANAGER, partner)) {
                balances.put(b.account().code(), b.amount().amount());
            }
            // every approval accrued its claim: expense debited, accrued claims credited, both by the same total
            assertEquals(partner, 0, expected.compareTo(balances.get(Accounts.PARTNER_EXPENSES)));
            assertEquals(partner, 0, expected.compareTo(balances.get(Accounts.ACCRUED_PARTNER_CLAIMS)));
            assertEquals(partner, 2, balances.size());
        }
        Verification chain = audit.verify(MANAGER);
        assertTrue(chain.message(), chain.intact());
    }

    /**
     * Updates the index statistics of a table, as Derby's index statistics daemon does on its own when a table has
     * grown (derby.storage.indexStats.auto). The transaction that writes them ends by clearing Derby's dictionary caches,
     * identity generators included: each generator writes its next value back to SYS.SYSSEQUENCES, and the next insert
     * into each table must allocate a new range of identity values in the catalog again, which is where concurrent
     * inserts collide. Doing it here makes that moment happen at a known point instead of whenever the daemon runs.
     */
    private void refreshStatistics(String table) throws SQLException {
        try (java.sql.Connection c = db.dataSource().getConnection();
                java.sql.CallableStatement call = c.prepareCall(
                        "CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(?, ?, NULL)")) {
            call.setString(1, c.getSchema());
            call.setString(2, table);
            call.execute();
        }
    }

    /** One step of a partner's thread: the i-th (from 1) of {@link #CLAIMS_PER_ROUND}. */
    private interface Step {
        void run(String partner, int i);
    }

    /**
     * Runs the steps of all partners on as many threads as there are partners, all starting together; step i of each
     * partner is queued in turn, so each thread may take any partner's next step. Collects what failed.
     */
    private static void concurrently(List<String> failures, Step step) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PARTNERS.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 1; i <= CLAIMS_PER_ROUND; i++) {
                for (String partner : PARTNERS) {
                    int n = i;
                    running.add(pool.submit(() -> {
                        start.await();
                        try {
                            step.run(partner, n);
                        } catch (RuntimeException e) {
                            failures.add(partner + " step " + n + ": " + describe(e));
                        }
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Claim submit(String partner, int n) {
        Caller user = new Caller("user-" + partner, null, Set.of(Role.PARTNER_USER), partner);
        String description = "Claim " + n + " of " + partner;
        return claims.submitNew(user, new ClaimDraft("expense", partner, LocalDate.now().minusDays(1), description,
                Money.of(amount(n).toPlainString(), "EUR"), Map.of("category", "travel", "note", "n" + n),
                List.of(new AttachmentUpload("receipt-" + n + ".pdf", TestClaims.bytes("%PDF-1.7\n" + description)))));
    }

    private static BigDecimal amount(int n) {
        return new BigDecimal("100.25").add(BigDecimal.valueOf(n));
    }

    private Claim approve(Claim claim) {
        return claims.approve(REVIEWER, claim.id(), claim.version(), "ok");
    }

    /** The failure with the database's SQL state, which tells a deadlock (40001) from a lock timeout (40XL1). */
    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return "SQLState " + sql.getSQLState() + ": " + sql.getMessage();
            }
        }
        return e.toString();
    }

    private BundleContext contextOf(Class<?> component) {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getBundle")) {
                        return TestPersistence.bundleOf(component);
                    }
                    if (method.getName().equals("getProperty") && "karaf.etc".equals(args[0])) {
                        return folder.getRoot().toPath().resolve("etc").toString();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A DS configuration with every attribute at its default. */
    private static <A> A defaults(Class<A> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getName().equals("annotationType") ? type
                        : method.getDefaultValue()));
    }

}
