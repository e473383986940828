package org.partnerfinance.claimtype.rebate.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claims.internal.ClaimsTestStack;
import org.partnerfinance.claimtype.rebate.api.Agreement;
import org.partnerfinance.claimtype.rebate.api.AgreementDraft;
import org.partnerfinance.claimtype.rebate.api.Tier;
import org.partnerfinance.claimtype.rebate.api.TierMode;
import org.partnerfinance.claimtype.rebate.api.VolumeBasis;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Two rebate claims of one agreement submitted at the same moment, through the real claims service (with the real
 * ledger, audit trail and partners) on in-memory Derby: together they ask for more than the agreement has left, so
 * exactly one may be submitted and the other is refused with the amount that is left. Without the agreement held
 * during the check, both are submitted (seen on both databases).
 */
public class ConcurrentRebateClaimsDbTest {

    private static final String PARTNER = "P-1001";
    private static final Currency EUR = Currency.getInstance("EUR");

    /**
     * How long a claim that passed its validation waits for the other one to pass too. With the agreement held, the
     * other claim cannot get there before this one is written, so the wait runs out and the claims go one after the
     * other; without it both are past the check at once, both pass, and the test fails every time instead of only when
     * the threads happen to interleave.
     */
    private static final long MEET_SECONDS = 2;

    private TestPersistence db;
    private Jpa jpa;
    private ClaimService claims;
    private long agreementId;
    private final CyclicBarrier bothChecked = new CyclicBarrier(2);
    /** Whether claims meet after the check (the concurrent test only). */
    private volatile boolean meet;

    protected TestPersistence newDatabase() {
        return TestPersistence.inMemory();
    }

    @Before
    public void setUp() {
        db = newDatabase();
        ClaimsTestStack stack = ClaimsTestStack.on(db, List.of(PARTNER));
        jpa = db.open(RebateServiceImpl.UNIT, "db/rebate", AgreementEntity.class);
        RebateServiceImpl rebates = new RebateServiceImpl(jpa, db.unitOfWork(), stack.ledger(), stack.audit(),
                Clock.systemUTC());
        ClaimService claimService = stack.claims();
        rebates.claims = () -> claimService;
        claims = stack.withClaimType(meetingAfterTheCheck(new RebateClaimType(rebates))).claims();
        LocalDate start = LocalDate.now().withDayOfYear(1);
        AgreementDraft terms = new AgreementDraft(PARTNER, "Volume rebate", start, start.plusYears(1).minusDays(1),
                Set.of(), Set.of(), VolumeBasis.AMOUNT, TierMode.RETROACTIVE, List.of(Tier.of("0", "2")), EUR, null);
        // earned as a recalculation would have left it: 2 % of 50,000 sold
        agreementId = db.unitOfWork().required(() -> jpa.tx(em -> {
            AgreementEntity agreement = new AgreementEntity(terms, "finance", Instant.now());
            agreement.setCalculation(new BigDecimal("50000"), new BigDecimal("50000"), Money.of("1000.00", "EUR"),
                    Instant.now());
            em.persist(agreement);
            em.flush();
            return agreement.id();
        }));
    }

    @After
    public void tearDown() {
        jpa.close();
        db.close();
    }

    @Test
    public void twoClaimsAtOnceCannotBothSpendWhatIsLeft() throws Exception {
        Caller partner = new Caller("partner", null, Set.of(Role.PARTNER_USER), PARTNER);
        // An earlier claim first: EUR 900.00 are left. It also gets Derby's first insert of a claim out of the way,
        // whose identity preallocation fails a concurrent insert with a lock timeout (DERBY-7002); the retried unit
        // of work would then see the other claim and refuse, and the race would go unnoticed without the fix.
        claims.submitNew(partner, claim("Rebate January", "100.00"));
        meet = true;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Claim>> submits = new ArrayList<>();
        try {
            for (String description : List.of("Rebate February, first request", "Rebate February, second request")) {
                Callable<Claim> submit = () -> claims.submitNew(partner, claim(description, "500.00"));
                submits.add(pool.submit(submit));
            }
            int submitted = 0;
            List<ClaimValidationException> refused = new ArrayList<>();
            for (Future<Claim> submit : submits) {
                try {
                    assertEquals(ClaimStatus.SUBMITTED, submit.get(60, TimeUnit.SECONDS).status());
                    submitted++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof ClaimValidationException refusal)) {
                        throw e;
                    }
                    refused.add(refusal);
                }
            }
            assertEquals("claims submitted", 1, submitted);
            assertEquals("claims refused", 1, refused.size());
            ClaimValidationException refusal = refused.get(0);
            assertEquals("amount", refusal.problems().get(0).field());
            assertEquals("At most EUR 400.00 of agreement " + Agreement.reference(agreementId)
                    + " can be claimed (earned EUR 1,000.00 minus what is already claimed).", refusal.getMessage());
            assertEquals(2, claims.listForPartner(Caller.system(), PARTNER).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aClaimWithinWhatIsLeftStillPassesAfterTheFirst() {
        Caller partner = new Caller("partner", null, Set.of(Role.PARTNER_USER), PARTNER);
        Claim first = claims.submitNew(partner, claim("First half", "500.00"));
        Claim second = claims.submitNew(partner, claim("Second half", "500.00"));
        assertEquals(ClaimStatus.SUBMITTED, first.status());
        assertEquals(ClaimStatus.SUBMITTED, second.status());
        ClaimValidationException refusal = org.junit.Assert.assertThrows(ClaimValidationException.class,
                () -> claims.submitNew(partner, claim("One cent more", "0.01")));
        assertTrue(refusal.getMessage(), refusal.getMessage().startsWith("Nothing of agreement "));
    }

    private ClaimDraft claim(String description, String amount) {
        return new ClaimDraft(RebateClaimType.TYPE_ID, PARTNER, LocalDate.now(), description, Money.of(amount, "EUR"),
                Map.of(RebateClaimType.AGREEMENT, Agreement.reference(agreementId)), List.of());
    }

    /**
     * The rebate type, except that a claim that passed the type's check (the eligible amount is asked for right after
     * it, in the same unit of work) waits up to {@link #MEET_SECONDS} for the other claim to pass it too.
     */
    private ClaimType meetingAfterTheCheck(ClaimType type) {
        return (ClaimType) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ClaimType.class},
                (proxy, method, args) -> {
                    if (meet && method.getName().equals("eligibleAmount")) {
                        try {
                            bothChecked.await(MEET_SECONDS, TimeUnit.SECONDS);
                        } catch (TimeoutException | BrokenBarrierException e) {
                            // the other claim is waiting for the agreement (or was refused): go on alone
                        }
                    }
                    try {
                        return method.invoke(type, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
