package org.partnerfinance.funds.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.BundleContext;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.internal.AuditConfiguration;
import org.partnerfinance.audit.internal.AuditTrailImpl;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.ComplianceSubject;
import org.partnerfinance.funds.api.AllocationStatus;
import org.partnerfinance.funds.api.Budget;
import org.partnerfinance.funds.api.FundAllocation;
import org.partnerfinance.funds.api.FundBalance;
import org.partnerfinance.funds.api.FundProgram;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.funds.api.InsufficientFundsException;
import org.partnerfinance.funds.api.Reservation;
import org.partnerfinance.funds.api.ReservationStatus;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.api.PeriodClosedException;
import org.partnerfinance.ledger.internal.LedgerServiceImpl;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.internal.PartnerServiceImpl;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The funds service with the real ledger, audit trail and partner service on one database (in-memory Derby, or
 * PostgreSQL in {@link FundServiceDbPostgresTest}) through the real unit of work.
 */
public class FundServiceDbTest {

    static final Caller MANAGER = new Caller("manager", null, Set.of(Role.FINANCE_MANAGER), null);
    static final Caller REVIEWER = new Caller("reviewer", null, Set.of(Role.FINANCE_REVIEWER), null);
    static final Caller ACME = new Caller("acme-user", null, Set.of(Role.PARTNER_USER), "P-1001");
    static final Caller GLOBEX = new Caller("globex-user", null, Set.of(Role.PARTNER_USER), "P-2002");
    static final LocalDate TODAY = LocalDate.of(2026, 7, 15);
    static final LocalDate EXPIRY = LocalDate.of(2026, 12, 31);

    @ClassRule
    public static final TemporaryFolder ETC = new TemporaryFolder();

    TestPersistence db;
    LedgerService ledger;
    AuditTrail audit;
    FundServiceImpl funds;

    static <A> A defaults(Class<A> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getName().equals("annotationType") ? type
                        : method.getDefaultValue()));
    }

    static BundleContext contextOf(Class<?> component) {
        return (BundleContext) Proxy.newProxyInstance(FundServiceDbTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getBundle")) {
                        return TestPersistence.bundleOf(component);
                    }
                    if (method.getName().equals("getProperty") && "karaf.etc".equals(args[0])) {
                        return ETC.getRoot().getAbsolutePath();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    protected TestPersistence newDatabase() {
        return TestPersistence.inMemory();
    }

    @Before
    public void setUp() {
        db = newDatabase();
        audit = new AuditTrailImpl(db.persistenceService(), contextOf(AuditTrailImpl.class),
                defaults(AuditConfiguration.class));
        ledger = new LedgerServiceImpl(db.persistenceService(), contextOf(LedgerServiceImpl.class), audit);
        FundAccounts.ACCOUNTS.forEach(a -> ledger.openAccount(Caller.system(), a.code(), a.name(), a.type()));
        PartnerServiceImpl partners = new PartnerServiceImpl(db.persistenceService(), db.unitOfWork(), audit,
                contextOf(PartnerServiceImpl.class));
        partners.create(Caller.system(), "P-1001", "Acme Resellers", PartnerKind.RESELLER, Currency.getInstance("EUR"));
        partners.create(Caller.system(), "P-2002", "Globex", PartnerKind.DISTRIBUTOR, Currency.getInstance("EUR"));
        funds = new FundServiceImpl(db.persistenceService().open(new PersistenceUnitSpec(FundServiceImpl.UNIT,
                TestPersistence.bundleOf(FundServiceImpl.class), FundServiceImpl.ENTITY_CLASSES, "db/funds")),
                db.unitOfWork(), ledger, audit, partners,
                Clock.fixed(Instant.parse("2026-07-15T10:00:00Z"), ZoneOffset.UTC));
    }

    @After
    public void tearDown() {
        db.close();
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    Budget mdfBudget(String amount) {
        funds.saveProgram(MANAGER, new FundProgram("MDF", "MDF", Set.of("mdf"), Money.currency("EUR"),
                Accounts.MARKETING_FUNDS, true, 0));
        return funds.saveBudget(MANAGER, new Budget(0, "MDF", "2026 H2", LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 12, 31), eur(amount), null, 0));
    }

    Money committed() {
        return ledger.accountBalance(MANAGER, FundService.FUND_LIABILITY_ACCOUNT, Money.currency("EUR"),
                LocalDate.of(2027, 12, 31));
    }

    Money expensed() {
        return ledger.accountBalance(MANAGER, Accounts.MARKETING_FUNDS, Money.currency("EUR"),
                LocalDate.of(2027, 12, 31));
    }

    static void assertBalance(FundBalance b, String allocated, String reserved, String approved, String paid,
            String expired, String available) {
        FundRulesTest.assertBuckets(b, allocated, reserved, approved, paid, expired, available);
    }

    @Test
    public void allocationReservationApprovalPaymentAndExpiryPostToTheLedger() {
        Budget budget = mdfBudget("10000");
        FundAllocation a = funds.allocate(MANAGER, budget.id(), "P-1001", eur("2000"), EXPIRY);
        assertEquals(eur("2000"), committed());
        assertEquals(eur("2000"), expensed());
        assertEquals(eur("2000"), funds.budgets(MANAGER, "MDF").get(0).allocated());

        funds.reserve(REVIEWER, a.id(), "claim:1", eur("500"));
        assertBalance(funds.allocation(ACME, a.id()).get().balance(), "2000", "500", "0", "0", "0", "1500");
        assertEquals("reserving moves nothing in the ledger", eur("2000"), committed());

        Reservation approved = funds.approve(REVIEWER, "claim:1", eur("400"));
        assertEquals(ReservationStatus.APPROVED, approved.status());
        assertBalance(funds.allocation(ACME, a.id()).get().balance(), "2000", "0", "400", "0", "0", "1600");
        assertEquals("the approved amount leaves the commitment", eur("1600"), committed());

        funds.markPaid(REVIEWER, "claim:1", eur("400"));
        funds.reserveFor(REVIEWER, "P-1001", "mdf", "claim:2", eur("300"));
        assertBalance(funds.allocation(ACME, a.id()).get().balance(), "2000", "300", "0", "400", "0", "1300");

        // the expiry date itself is still usable; the day after, the run expires what is available
        assertTrue(funds.expire(MANAGER, EXPIRY).isEmpty());
        List<FundAllocation> expired = funds.expire(MANAGER, EXPIRY.plusDays(1));
        assertEquals(1, expired.size());
        assertEquals(AllocationStatus.EXPIRED, expired.get(0).status());
        assertBalance(expired.get(0).balance(), "2000", "300", "0", "400", "1300", "0");
        assertEquals("only the open reservation stays committed", eur("300"), committed());
        assertTrue("a second run changes nothing", funds.expire(MANAGER, EXPIRY.plusDays(2)).isEmpty());

        funds.release(REVIEWER, "claim:2");
        assertBalance(funds.allocation(MANAGER, a.id()).get().balance(), "2000", "0", "0", "400", "1600", "0");
        assertEquals(eur("0"), committed());
        assertEquals("what the claims accrue is not the fund's expense any more", eur("0"), expensed());
        // allocation, approval, expiry, release after expiry: reservations and payments move no fund account
        assertEquals(4, ledger.entriesForSource(MANAGER, "fund-allocation:" + a.id()).size());
        assertTrue(audit.forEntity("fund-allocation", Long.toString(a.id())).size() >= 7);
    }

    @Test
    public void budgetsAreNeverOverAllocatedAndRefusalsWriteNothing() {
        Budget budget = mdfBudget("1000");
        funds.allocate(MANAGER, budget.id(), "P-1001", eur("600"), EXPIRY);
        InsufficientFundsException e = assertThrows(InsufficientFundsException.class,
                () -> funds.allocate(MANAGER, budget.id(), "P-2002", eur("400.01"), EXPIRY));
        assertEquals("EUR 400.00 of the budget MDF 2026 H2 is not allocated yet, EUR 400.01 asked.", e.getMessage());
        assertTrue(funds.allocations(MANAGER, null, "P-2002").isEmpty());
        assertEquals(eur("600"), committed());
        FundAllocation globex = funds.allocate(MANAGER, budget.id(), "P-2002", eur("400"), EXPIRY);
        assertEquals(eur("1000"), funds.budgets(MANAGER, null).get(0).allocated());
        assertThrows(InsufficientFundsException.class,
                () -> funds.updateAllocation(MANAGER, globex.id(), globex.version(), eur("400.01"), EXPIRY));
        FundAllocation lower = funds.updateAllocation(MANAGER, globex.id(), globex.version(), eur("250"), EXPIRY);
        assertEquals(eur("850"), committed());
        assertEquals(eur("850"), funds.budgets(MANAGER, null).get(0).allocated());
        assertThrows(ConcurrentChangeException.class,
                () -> funds.updateAllocation(MANAGER, globex.id(), globex.version(), eur("300"), EXPIRY));
        funds.reserve(REVIEWER, lower.id(), "claim:9", eur("200"));
        assertThrows(InsufficientFundsException.class,
                () -> funds.updateAllocation(MANAGER, lower.id(), lower.version() + 1, eur("199.99"), EXPIRY));
        Budget current = funds.budgets(MANAGER, "MDF").get(0);
        assertThrows(InsufficientFundsException.class, () -> funds.saveBudget(MANAGER, new Budget(budget.id(),
                "MDF", "2026 H2", budget.start(), budget.end(), eur("849.99"), null, current.version())));
        assertEquals(eur("850"), funds.saveBudget(MANAGER, new Budget(budget.id(), "MDF", "2026 H2", budget.start(),
                budget.end(), eur("850"), null, current.version())).amount());
    }

    @Test
    public void aFailedPostingLeavesNoAllocationBehind() {
        Budget budget = mdfBudget("1000");
        ledger.closePeriod(MANAGER, YearMonth.from(TODAY));
        assertThrows(PeriodClosedException.class,
                () -> funds.allocate(MANAGER, budget.id(), "P-1001", eur("600"), EXPIRY));
        assertTrue(funds.allocations(MANAGER, null, null).isEmpty());
        assertEquals(eur("0"), funds.budgets(MANAGER, null).get(0).allocated());
    }

    @Test
    public void partnersSeeTheirOwnFundsOnlyAndChangeNothing() {
        Budget budget = mdfBudget("1000");
        FundAllocation acme = funds.allocate(MANAGER, budget.id(), "P-1001", eur("600"), EXPIRY);
        funds.reserve(REVIEWER, acme.id(), "claim:1", eur("100"));
        assertTrue(funds.allocation(GLOBEX, acme.id()).isEmpty());
        assertTrue(funds.allocations(GLOBEX, null, "P-1001").isEmpty());
        assertTrue(funds.allocations(GLOBEX, null, null).isEmpty());
        assertTrue(funds.reservation(GLOBEX, "claim:1").isEmpty());
        assertTrue(funds.reservations(GLOBEX, acme.id()).isEmpty());
        assertTrue(funds.balances(GLOBEX, null, "P-1001").isEmpty());
        assertTrue(funds.programs(GLOBEX).isEmpty());
        assertEquals(1, funds.allocations(ACME, null, null).size());
        assertEquals(List.of("MDF"), funds.programs(ACME).stream().map(FundProgram::id).toList());
        assertThrows(AccessDeniedException.class, () -> funds.budgets(ACME, null));
        assertThrows(AccessDeniedException.class, () -> funds.reserve(ACME, acme.id(), "claim:2", eur("1")));
        assertThrows(AccessDeniedException.class, () -> funds.release(ACME, "claim:1"));
        assertThrows(AccessDeniedException.class,
                () -> funds.allocate(ACME, budget.id(), "P-1001", eur("1"), EXPIRY));
        assertThrows(AccessDeniedException.class, () -> funds.allocate(REVIEWER, budget.id(), "P-2002", eur("1"),
                EXPIRY));
        assertThrows(AccessDeniedException.class, () -> funds.expire(ACME, EXPIRY.plusDays(1)));
        assertBalance(funds.balances(ACME, null, null).get(0), "600", "100", "0", "0", "0", "500");
    }

    @Test
    public void concurrentReservationsNeverOverdraw() throws Exception {
        Budget budget = mdfBudget("1000");
        FundAllocation a = funds.allocate(MANAGER, budget.id(), "P-1001", eur("1000"), EXPIRY);
        int threads = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String reference = "claim:" + (100 + i);
            Callable<Boolean> reserve = () -> {
                start.await();
                // a conflict means someone else changed the allocation first: try again on the new balance
                while (true) {
                    try {
                        funds.reserve(REVIEWER, a.id(), reference, eur("150"));
                        return true;
                    } catch (ConcurrentChangeException e) {
                        continue;
                    } catch (InsufficientFundsException e) {
                        return false;
                    }
                }
            };
            results.add(pool.submit(reserve));
        }
        start.countDown();
        int reserved = 0;
        for (Future<Boolean> f : results) {
            reserved += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals("1000 / 150: six reservations fit, the seventh would overdraw", 6, reserved);
        FundBalance b = funds.allocation(MANAGER, a.id()).get().balance();
        assertBalance(b, "1000", "900", "0", "0", "0", "100");
        assertEquals(6, funds.reservations(MANAGER, a.id()).size());
    }

    @Test
    public void reserveForTakesTheAllocationThatExpiresFirstAndNamesWhatIsAvailable() {
        Budget h2 = mdfBudget("5000");
        Budget h1 = funds.saveBudget(MANAGER, new Budget(0, "MDF", "2027 H1", LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 6, 30), eur("5000"), null, 0));
        FundAllocation later = funds.allocate(MANAGER, h1.id(), "P-1001", eur("1000"), LocalDate.of(2027, 6, 30));
        FundAllocation sooner = funds.allocate(MANAGER, h2.id(), "P-1001", eur("1200"), EXPIRY);
        assertEquals(sooner.id(), funds.reserveFor(REVIEWER, "P-1001", "mdf", "claim:1", eur("1000"))
                .allocationId());
        assertEquals(later.id(), funds.reserveFor(REVIEWER, "P-1001", "mdf", "claim:2", eur("500")).allocationId());
        InsufficientFundsException e = assertThrows(InsufficientFundsException.class,
                () -> funds.reserveFor(REVIEWER, "P-1001", "mdf", "claim:3", eur("1500")));
        assertEquals("EUR 500.00 available in MDF 2027 H1, EUR 1,500.00 asked.", e.getMessage());
        assertThrows(InsufficientFundsException.class,
                () -> funds.reserveFor(REVIEWER, "P-2002", "mdf", "claim:4", eur("1")));
        assertThrows(IllegalArgumentException.class,
                () -> funds.reserveFor(REVIEWER, "P-1001", "mdf", "claim:1", eur("1")));
    }

    @Test
    public void theAvailabilityRuleReadsTheStoredFunds() {
        Budget budget = mdfBudget("5000");
        FundAllocation a = funds.allocate(MANAGER, budget.id(), "P-1001", eur("2000"), EXPIRY);
        funds.reserve(REVIEWER, a.id(), "claim:7", eur("800"));
        FundAvailabilityRule rule = new FundAvailabilityRule(funds,
                Clock.fixed(Instant.parse("2026-07-15T10:00:00Z"), ZoneOffset.UTC));
        ClaimDraft draft = new ClaimDraft("mdf", "P-1001", TODAY, "Trade show", eur("1500"), Map.of(), List.of());
        ComplianceFinding f = rule.check(new ComplianceSubject(draft, null, List.of()));
        assertEquals(ComplianceOutcome.FAIL, f.outcome());
        assertEquals("EUR 1,200.00 available in MDF 2026 H2, the claim asks EUR 1,500.00.", f.message());
        assertEquals("the claim's own reservation counts", ComplianceOutcome.PASS,
                rule.check(new ComplianceSubject(draft, 7L, List.of())).outcome());
        assertFalse(rule.check(new ComplianceSubject(new ClaimDraft("expense", "P-1001", TODAY, "x", eur("99999"),
                Map.of(), List.of()), null, List.of())).outcome() == ComplianceOutcome.FAIL);
    }
}
