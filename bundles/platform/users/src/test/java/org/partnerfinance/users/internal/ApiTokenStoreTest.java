package org.partnerfinance.users.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.internal.MutableClock;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.ApiToken;
import org.partnerfinance.security.api.ApiTokens;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.CreatedApiToken;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.TokenAuthentication;

/** API tokens on the real "security" unit (Flyway scripts + JPA entities) in in-memory Derby. */
public class ApiTokenStoreTest {

    private static final Caller SYSTEM = Caller.system();
    private static final Caller ADMIN = new Caller("admin", null, Set.of(Role.ADMINISTRATOR), null);
    private static final Caller PARTNER = new Caller("pu", null, EnumSet.of(Role.PARTNER_USER), "p1");
    private static final Caller OTHER = new Caller("pv", null, EnumSet.of(Role.PARTNER_USER), "p2");
    private static final char[] SECRET = "violet-harbour-lamp".toCharArray();
    private static final String HOME = "198.51.100.7";

    private TestPersistence db;
    private Jpa jpa;
    private MutableClock clock;
    private RecordingAuditTrail audit;
    private UserDirectoryImpl users;
    private ApiTokenStore tokens;

    /** The database the tests run on: in-memory Derby here, PostgreSQL in {@link ApiTokenStorePostgresTest}. */
    protected TestPersistence newDatabase() {
        return TestPersistence.inMemory();
    }

    @Before
    public void setUp() {
        db = newDatabase();
        jpa = db.open(UserDirectoryComponent.UNIT, UserDirectoryComponent.MIGRATIONS, UserEntity.class,
                ThrottleEntity.class, ApiTokenEntity.class);
        clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        audit = new RecordingAuditTrail(db.unitOfWork());
        LoginThrottle.Rule addressRule = new LoginThrottle.Rule(3, Duration.ofMinutes(15), Duration.ofSeconds(30),
                Duration.ofMinutes(15));
        users = new UserDirectoryImpl(jpa, db.unitOfWork(), audit, () -> Optional.of(id -> true),
                new PasswordHasher(1_000, new SecureRandom()),
                new PasswordPolicy(12, PasswordPolicy.loadCommonList(), new SecureRandom()),
                new HashGate(2, Duration.ofMillis(50)), clock,
                new UserDirectoryImpl.Settings(addressRule, addressRule, Duration.ofHours(72)));
        tokens = new ApiTokenStore(jpa, db.unitOfWork(), audit, addressRule, new SecureRandom(), clock);
        users.create(SYSTEM, "admin", "Ada Admin", SECRET, Set.of(Role.ADMINISTRATOR), null);
        users.create(SYSTEM, "pu", "Pat", SECRET, Set.of(Role.PARTNER_USER), "p1");
        users.create(SYSTEM, "pv", "Val", SECRET, Set.of(Role.PARTNER_USER), "p2");
    }

    @After
    public void tearDown() {
        db.close();
    }

    @Test
    public void aCreatedTokenAuthenticatesAsItsUserAndOnlyItsHashIsStored() {
        CreatedApiToken created = tokens.create(PARTNER, "  ERP export ", null);
        String secret = created.secret();
        assertTrue(secret, secret.matches("pf_[A-Za-z0-9_-]{43}"));
        ApiToken token = created.token();
        assertEquals("ERP export", token.name());
        assertEquals("pu", token.username());
        assertEquals("pu", token.createdBy());
        assertEquals(secret.substring(0, ApiTokenStore.VISIBLE), token.prefix());
        assertNull(token.lastUsedAt());
        assertFalse("toString never shows the secret", created.toString().contains(secret));

        ApiTokenEntity row = jpa.tx(em -> em.find(ApiTokenEntity.class, token.id()));
        assertEquals(ApiTokenStore.sha256(secret), row.secretHash());
        assertFalse(row.secretHash().contains(secret.substring(3)));

        TokenAuthentication auth = tokens.authenticate(secret, HOME);
        assertEquals(TokenAuthentication.Status.AUTHENTICATED, auth.status());
        Caller caller = auth.caller().get();
        assertEquals("pu", caller.username());
        assertEquals("p1", caller.partnerId());
        assertEquals(Set.of(Role.PARTNER_USER), caller.roles());
        assertEquals(clock.instant(), tokens.listOwn(PARTNER).get(0).lastUsedAt());

        AuditEvent event = audit.events("token.created").get(0);
        assertEquals("pu", event.actor());
        assertEquals(token.id(), event.entityId());
        assertTrue(event.after(), event.after().contains("prefix=" + token.prefix()));
        for (AuditEvent e : audit.events()) {
            assertFalse("no audit record carries the secret", (e.before() + e.after()).contains(secret));
        }
    }

    @Test
    public void secretsAreUniqueAndAnAlteredSecretFails() {
        String a = tokens.create(PARTNER, "a", null).secret();
        String b = tokens.create(PARTNER, "b", null).secret();
        assertNotEquals(a, b);
        char last = a.charAt(a.length() - 1);
        String altered = a.substring(0, a.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertEquals(TokenAuthentication.Status.INVALID, tokens.authenticate(altered, HOME).status());
        assertEquals(TokenAuthentication.Status.INVALID, tokens.authenticate(null, HOME).status());
        assertEquals(TokenAuthentication.Status.INVALID, tokens.authenticate("Basic abc", "10.0.0.1").status());
        assertEquals(TokenAuthentication.Status.AUTHENTICATED, tokens.authenticate(b, HOME).status());
    }

    @Test
    public void listShowsOnlyTheCallersUnrevokedTokensNewestFirst() {
        tokens.create(PARTNER, "first", null);
        clock.advance(Duration.ofMinutes(1));
        CreatedApiToken second = tokens.create(PARTNER, "second", clock.instant().plus(Duration.ofDays(30)));
        clock.advance(Duration.ofMinutes(1));
        CreatedApiToken third = tokens.create(PARTNER, "third", null);
        tokens.create(OTHER, "theirs", null);
        tokens.revoke(PARTNER, third.token().id());
        List<ApiToken> own = tokens.listOwn(PARTNER);
        assertEquals(List.of("second", "first"), own.stream().map(ApiToken::name).toList());
        assertEquals(second.token().expiresAt(), own.get(0).expiresAt());
    }

    @Test
    public void revokedExpiredAndDisabledUsersTokensAreRefusedAlike() {
        CreatedApiToken revoked = tokens.create(PARTNER, "revoked", null);
        CreatedApiToken expiring = tokens.create(PARTNER, "expiring", clock.instant().plus(Duration.ofHours(1)));
        CreatedApiToken others = tokens.create(OTHER, "theirs", null);

        Optional<ApiToken> result = tokens.revoke(PARTNER, revoked.token().id());
        assertTrue(result.isPresent());
        assertEquals(clock.instant(), result.get().revokedAt());
        assertEquals(1, audit.events("token.revoked").size());
        tokens.revoke(PARTNER, revoked.token().id());
        assertEquals("revoking twice records nothing new", 1, audit.events("token.revoked").size());
        TokenAuthentication refused = tokens.authenticate(revoked.secret(), HOME);
        assertEquals(TokenAuthentication.Status.INVALID, refused.status());
        assertEquals(TokenAuthentication.INVALID_MESSAGE, refused.message());

        assertTrue(tokens.authenticate(expiring.secret(), HOME).succeeded());
        clock.advance(Duration.ofHours(1));
        assertEquals(TokenAuthentication.Status.INVALID, tokens.authenticate(expiring.secret(), HOME).status());

        assertTrue(tokens.authenticate(others.secret(), "10.0.0.9").succeeded());
        users.setEnabled(ADMIN, "pv", false);
        assertEquals(TokenAuthentication.Status.INVALID, tokens.authenticate(others.secret(), "10.0.0.9").status());
        users.setEnabled(ADMIN, "pv", true);
        assertTrue(tokens.authenticate(others.secret(), "10.0.0.9").succeeded());
    }

    @Test
    public void aUserWhoMustChangeThePasswordGetsNoApiAccess() {
        CreatedApiToken created = tokens.create(PARTNER, "script", null);
        users.resetPassword(ADMIN, "pu");
        TokenAuthentication auth = tokens.authenticate(created.secret(), HOME);
        assertEquals(TokenAuthentication.Status.PASSWORD_CHANGE_REQUIRED, auth.status());
        assertTrue(auth.caller().isEmpty());
        Caller mustChange = new Caller("pu", null, EnumSet.of(Role.PARTNER_USER), "p1", true);
        try {
            tokens.create(mustChange, "another", null);
            fail("a caller who must change the password cannot create tokens");
        } catch (AccessDeniedException expected) {
            // refused
        }
    }

    @Test
    public void othersTokensCannotBeRevokedExceptByAdministrators() {
        CreatedApiToken theirs = tokens.create(OTHER, "theirs", null);
        assertEquals(Optional.empty(), tokens.revoke(PARTNER, theirs.token().id()));
        assertEquals(Optional.empty(), tokens.revoke(PARTNER, "0123456789abcdef0123"));
        assertTrue(tokens.authenticate(theirs.secret(), HOME).succeeded());
        assertEquals(List.of(theirs.token().id()), tokens.listFor(ADMIN, "pv").stream().map(ApiToken::id).toList());
        try {
            tokens.listFor(PARTNER, "pv");
            fail("only administrators list others' tokens");
        } catch (AccessDeniedException expected) {
            // refused
        }
        assertTrue(tokens.revoke(ADMIN, theirs.token().id()).isPresent());
        assertTrue(tokens.listFor(ADMIN, "pv").isEmpty());
        assertFalse(tokens.authenticate(theirs.secret(), HOME).succeeded());
        assertEquals("admin", audit.events("token.revoked").get(0).actor());
    }

    @Test
    public void administratorsCreateTokensForOtherUsers() {
        CreatedApiToken created = tokens.createFor(ADMIN, " PU ", "integration", null);
        assertEquals("pu", created.token().username());
        assertEquals("admin", created.token().createdBy());
        assertEquals("pu", tokens.authenticate(created.secret(), HOME).caller().get().username());
        try {
            tokens.createFor(PARTNER, "pv", "sneaky", null);
            fail("only administrators create tokens for others");
        } catch (AccessDeniedException expected) {
            // refused
        }
        try {
            tokens.createFor(ADMIN, "nobody", "x", null);
            fail("unknown user");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("nobody"));
        }
        users.setEnabled(ADMIN, "pv", false);
        try {
            tokens.createFor(ADMIN, "pv", "x", null);
            fail("disabled user");
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }

    @Test
    public void badNamesAndPastExpiriesAreRefusedWithoutWritingAnything() {
        for (String name : new String[] { null, "  ", "x".repeat(ApiTokenStore.MAX_NAME + 1), "a\nb" }) {
            try {
                tokens.create(PARTNER, name, null);
                fail("accepted name " + name);
            } catch (IllegalArgumentException expected) {
                // refused
            }
        }
        try {
            tokens.create(PARTNER, "late", clock.instant());
            fail("an expiry now is not in the future");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("future"));
        }
        assertTrue(tokens.listOwn(PARTNER).isEmpty());
        assertTrue(audit.events("token.created").isEmpty());
    }

    @Test
    public void theNumberOfActiveTokensIsBounded() {
        for (int i = 0; i < ApiTokenStore.MAX_ACTIVE; i++) {
            tokens.create(PARTNER, "t" + i, null);
        }
        try {
            tokens.create(PARTNER, "one too many", null);
            fail("bounded");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("Revoke"));
        }
        tokens.revoke(PARTNER, tokens.listOwn(PARTNER).get(0).id());
        tokens.create(PARTNER, "after a revocation", null);
    }

    @Test
    public void failuresAreThrottledPerSourceAddressEvenForValidTokens() {
        String secret = tokens.create(PARTNER, "script", null).secret();
        String attacker = "203.0.113.66";
        for (int i = 0; i < 2; i++) {
            assertEquals(TokenAuthentication.Status.INVALID, tokens.authenticate("pf_guess" + i, attacker).status());
        }
        TokenAuthentication third = tokens.authenticate("pf_guess3", attacker);
        assertEquals(TokenAuthentication.Status.THROTTLED, third.status());
        assertEquals(Duration.ofSeconds(30), third.retryAfter());
        assertEquals("the valid token is not even checked from the throttled address",
                TokenAuthentication.Status.THROTTLED, tokens.authenticate(secret, attacker).status());
        assertTrue("other addresses are not affected", tokens.authenticate(secret, HOME).succeeded());
        assertEquals(1, audit.events("token.throttled").size());
        assertTrue("password sign-ins from the address are counted apart",
                users.login("pu", SECRET, attacker).succeeded());
        clock.advance(Duration.ofSeconds(31));
        assertTrue(tokens.authenticate(secret, attacker).succeeded());
    }

    @Test
    public void lastUseIsWrittenAtMostOncePerMinute() {
        CreatedApiToken created = tokens.create(PARTNER, "busy", null);
        Instant first = clock.instant();
        tokens.authenticate(created.secret(), HOME);
        clock.advance(Duration.ofSeconds(30));
        tokens.authenticate(created.secret(), HOME);
        assertEquals(first, tokens.listOwn(PARTNER).get(0).lastUsedAt());
        clock.advance(Duration.ofSeconds(31));
        tokens.authenticate(created.secret(), HOME);
        assertEquals(clock.instant(), tokens.listOwn(PARTNER).get(0).lastUsedAt());
    }

    @Test
    public void thePrefixIsPartOfTheContract() {
        assertEquals("pf_", ApiTokens.PREFIX);
    }
}
