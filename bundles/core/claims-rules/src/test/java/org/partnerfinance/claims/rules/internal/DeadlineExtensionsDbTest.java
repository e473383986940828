package org.partnerfinance.claims.rules.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.partnerfinance.claims.rules.internal.Fixtures.TODAY;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.rules.api.ExtensionRequest;
import org.partnerfinance.claims.rules.api.ExtensionStatus;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The extension workflow on its real schema (in-memory Derby). The claims service is a stand-in that shows a partner
 * its own claims only, as the real one does; the audit trail records and can be made to fail.
 */
public class DeadlineExtensionsDbTest {

    private static final Caller PARTNER = new Caller("partner", null, Set.of(Role.PARTNER_USER), "P-1001");
    private static final Caller OTHER_PARTNER = new Caller("partner2", null, Set.of(Role.PARTNER_USER), "P-1002");
    private static final Caller REVIEWER = new Caller("reviewer", null, Set.of(Role.FINANCE_REVIEWER), null);

    private TestPersistence db;
    private DeadlineExtensionsImpl extensions;
    private final Map<Long, Claim> claims = new HashMap<>();
    private final List<AuditEvent> audited = new ArrayList<>();
    private boolean auditFails;

    @Before
    public void setUp() {
        db = TestPersistence.inMemory();
        ClaimService claimService = (ClaimService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ClaimService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("find")) {
                        throw new AssertionError("not used: " + method.getName());
                    }
                    Caller caller = (Caller) args[0];
                    return Optional.ofNullable(claims.get((Long) args[1]))
                            .filter(c -> !caller.isPartner() || c.partnerId().equals(caller.partnerId()));
                });
        AuditTrail audit = (AuditTrail) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AuditTrail.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("append")) {
                        throw new AssertionError("not used: " + method.getName());
                    }
                    if (auditFails) {
                        throw new IllegalStateException("audit trail unavailable");
                    }
                    audited.add((AuditEvent) args[0]);
                    return null;
                });
        RuleSettings expense = Fixtures.settings(30, 5, null, "", "", CapPeriod.QUARTER, 0, true, null);
        extensions = new DeadlineExtensionsImpl(db.persistenceService().open(new PersistenceUnitSpec(
                DeadlineExtensionsImpl.UNIT, TestPersistence.bundleOf(DeadlineExtensionsImpl.class),
                DeadlineExtensionsImpl.ENTITY_CLASSES, "db/claimrules")), db.unitOfWork(), audit, claimService,
                type -> type.equals(Fixtures.TYPE) ? Optional.of(expense) : Optional.empty(), Fixtures.CLOCK);
        claims.put(7L, Fixtures.claim(7, ClaimStatus.DRAFT, TODAY.minusDays(45), "80.00", "EUR"));
        claims.put(8L, Fixtures.claim(8, ClaimStatus.SUBMITTED, TODAY.minusDays(45), "80.00", "EUR"));
        claims.put(9L, Fixtures.claim(9, "mdf", ClaimStatus.DRAFT, TODAY.minusDays(45), "80.00", "EUR", "x",
                List.of(), List.of()));
    }

    @After
    public void tearDown() {
        db.close();
    }

    @Test
    public void requestThenGrantIsStoredAuditedOnTheClaimAndGivesTheDate() {
        ExtensionRequest requested = extensions.request(PARTNER, 7, "  The hotel sent its invoice late. ");
        assertEquals(ExtensionStatus.REQUESTED, requested.status());
        assertEquals(TODAY.minusDays(15), requested.deadline());
        assertEquals("The hotel sent its invoice late.", requested.reason());
        assertEquals("CLM-000007", requested.claimReference());
        assertEquals(List.of(requested), extensions.waiting(REVIEWER));
        assertEquals(Optional.empty(), extensions.grantedUntil(7L, "P-1001", "expense", TODAY.minusDays(45)));

        ExtensionRequest granted = extensions.grant(REVIEWER, requested.id(), requested.version(),
                TODAY.plusDays(10), "OK once");
        assertEquals(ExtensionStatus.GRANTED, granted.status());
        assertEquals(TODAY.plusDays(10), granted.grantedUntil());
        assertEquals("reviewer", granted.decidedBy());
        assertEquals(Optional.of(TODAY.plusDays(10)), extensions.grantedUntil(7L, "P-1001", "expense", TODAY.minusDays(45)));
        assertEquals(List.of(), extensions.waiting(REVIEWER));
        assertEquals(List.of(granted), extensions.forPartner(PARTNER, "P-1001"));
        assertEquals(List.of(granted), extensions.forClaim(PARTNER, 7));

        assertEquals(List.of("claim.extension-requested", "claim.extension-granted"),
                audited.stream().map(AuditEvent::action).toList());
        assertTrue(audited.stream().allMatch(e -> e.entityType().equals("claim") && e.entityId().equals("7")));
    }

    @Test
    public void aRefusalNeedsAReasonAndThePartnerMayAskAgainAfterwards() {
        ExtensionRequest requested = extensions.request(PARTNER, 7, "Late invoice");
        assertThrows(IllegalArgumentException.class,
                () -> extensions.refuse(REVIEWER, requested.id(), requested.version(), " "));
        ExtensionRequest refused = extensions.refuse(REVIEWER, requested.id(), requested.version(),
                "Invoices older than 45 days are not reimbursed.");
        assertEquals(ExtensionStatus.REFUSED, refused.status());
        assertEquals(Optional.empty(), extensions.grantedUntil(7L, "P-1001", "expense", TODAY.minusDays(45)));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> extensions.grant(REVIEWER, refused.id(), refused.version(), TODAY, null));
        assertTrue(twice.getMessage(), twice.getMessage().contains("already refused"));
        assertEquals(ExtensionStatus.REQUESTED, extensions.request(PARTNER, 7, "New facts").status());
    }

    @Test
    public void aClaimNotWrittenYetGetsMoreTimeForItsTypeAndDate() {
        LocalDate date = TODAY.minusDays(50);
        ExtensionRequest requested = extensions.request(PARTNER, "expense", date, "Receipt arrived late");
        assertEquals(null, requested.claimId());
        assertEquals(TODAY.minusDays(20), requested.deadline());
        assertEquals("a new expense claim dated " + date, requested.subject());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> extensions.request(PARTNER, "expense", date, "Again")).getMessage().contains("already asked"));
        extensions.grant(REVIEWER, requested.id(), requested.version(), TODAY.plusDays(5), null);
        assertEquals(Optional.of(TODAY.plusDays(5)), extensions.grantedUntil(null, "P-1001", "expense", date));
        assertEquals(Optional.of(TODAY.plusDays(5)), extensions.grantedUntil(31L, "P-1001", "expense", date));
        assertEquals(Optional.empty(), extensions.grantedUntil(null, "P-1002", "expense", date));
        assertEquals(Optional.empty(), extensions.grantedUntil(null, "P-1001", "mdf", date));
        assertEquals(Optional.empty(), extensions.grantedUntil(null, "P-1001", "expense", date.plusDays(1)));
        assertEquals(List.of("claim-extension"), audited.stream().map(AuditEvent::entityType).distinct().toList());

        assertThrows(IllegalArgumentException.class,
                () -> extensions.request(PARTNER, "expense", TODAY.plusDays(1), "future"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> extensions.request(PARTNER, "mdf", date, "x")).getMessage().contains("have no deadline"));
        assertThrows(AccessDeniedException.class, () -> extensions.request(REVIEWER, "expense", date, "x"));
    }

    @Test
    public void oneWaitingRequestPerClaim() {
        extensions.request(PARTNER, 7, "Late invoice");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> extensions.request(PARTNER, 7, "Again"));
        assertTrue(e.getMessage(), e.getMessage().contains("already asked for"));
    }

    @Test
    public void requestsAreRefusedForSubmittedClaimsTypesWithoutDeadlineAndBlankReasons() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> extensions.request(PARTNER, 8, "x"))
                .getMessage().contains("not submitted yet"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> extensions.request(PARTNER, 9, "x"))
                .getMessage().contains("have no deadline"));
        assertThrows(IllegalArgumentException.class, () -> extensions.request(PARTNER, 7, "  "));
        assertThrows(IllegalArgumentException.class, () -> extensions.request(PARTNER, 7, "x".repeat(1001)));
    }

    @Test
    public void anotherPartnersClaimAndRequestsLookMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> extensions.request(OTHER_PARTNER, 7, "Mine?"));
        assertEquals("There is no claim 7.", e.getMessage());
        extensions.request(PARTNER, 7, "Late invoice");
        assertEquals(List.of(), extensions.forPartner(OTHER_PARTNER, "P-1001"));
        assertEquals(List.of(), extensions.forClaim(OTHER_PARTNER, 7));
        assertEquals(Optional.empty(), extensions.grantedUntil(8L, "P-1001", "expense", TODAY.minusDays(45)));
    }

    @Test
    public void onlyFinanceDecidesAndNotIntoThePastNorOnAStaleVersion() {
        ExtensionRequest requested = extensions.request(PARTNER, 7, "Late invoice");
        assertThrows(AccessDeniedException.class,
                () -> extensions.grant(PARTNER, requested.id(), requested.version(), TODAY, null));
        assertThrows(AccessDeniedException.class, () -> extensions.waiting(PARTNER));
        assertThrows(AccessDeniedException.class, () -> extensions.request(REVIEWER, 7, "for them"));
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                () -> extensions.grant(REVIEWER, requested.id(), requested.version(), TODAY.minusDays(1), null));
        assertTrue(past.getMessage(), past.getMessage().contains("already have ended"));
        assertThrows(ConcurrentChangeException.class,
                () -> extensions.grant(REVIEWER, requested.id(), requested.version() + 1, TODAY, null));
        assertEquals(ExtensionStatus.GRANTED,
                extensions.grant(REVIEWER, requested.id(), requested.version(), TODAY, null).status());
    }

    @Test
    public void aFailingAuditRecordLeavesNoRequestAndNoDecision() {
        auditFails = true;
        assertThrows(IllegalStateException.class, () -> extensions.request(PARTNER, 7, "Late invoice"));
        assertEquals(List.of(), extensions.forPartner(PARTNER, "P-1001"));
        auditFails = false;
        ExtensionRequest requested = extensions.request(PARTNER, 7, "Late invoice");
        auditFails = true;
        assertThrows(IllegalStateException.class,
                () -> extensions.grant(REVIEWER, requested.id(), requested.version(), TODAY, null));
        assertEquals(Optional.empty(), extensions.grantedUntil(7L, "P-1001", "expense", TODAY.minusDays(45)));
        assertEquals(List.of(requested), extensions.waiting(REVIEWER));
    }
}
