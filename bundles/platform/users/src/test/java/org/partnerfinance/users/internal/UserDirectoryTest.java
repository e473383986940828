package org.partnerfinance.users.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.LoginResult;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserAccount;

/** The user directory on the real "security" unit (Flyway script + JPA entity) in in-memory Derby. */
public class UserDirectoryTest {

    private static final Caller ADMIN = Caller.system();
    private static final Caller PARTNER_ADMIN = new Caller("pa", null,
            EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN), "p1");
    private static final Caller PARTNER_USER = new Caller("pu", null, EnumSet.of(Role.PARTNER_USER), "p1");
    private static final Caller REVIEWER = new Caller("rv", null, EnumSet.of(Role.FINANCE_REVIEWER), null);
    private static final char[] DEMO = "demo".toCharArray();

    private TestPersistence db;
    private Jpa jpa;
    private MutableClock clock;
    private UserDirectoryImpl directory;

    /** The database the tests run on: in-memory Derby here, PostgreSQL in {@link UserDirectoryPostgresTest}. */
    protected TestPersistence newDatabase() {
        return TestPersistence.inMemory();
    }

    @Before
    public void setUp() {
        db = newDatabase();
        jpa = db.open(UserDirectoryComponent.UNIT, UserDirectoryComponent.MIGRATIONS, UserEntity.class);
        clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        directory = new UserDirectoryImpl(jpa, new PasswordHasher(1_000, new SecureRandom()),
                new LoginThrottle(clock, 5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15)),
                clock, 4);
    }

    @After
    public void tearDown() {
        db.close();
    }

    @Test
    public void createdUserSignsIn() {
        UserAccount created = directory.create(ADMIN, "partner", "Pat Partner", DEMO, Set.of(Role.PARTNER_USER), "p1");
        assertEquals(new UserAccount("partner", "Pat Partner", Set.of(Role.PARTNER_USER), "p1", true), created);
        LoginResult result = directory.login("partner", DEMO);
        assertTrue(result.succeeded());
        Caller caller = result.caller().get();
        assertEquals("partner", caller.username());
        assertEquals("p1", caller.partnerId());
        assertEquals(Set.of(Role.PARTNER_USER), caller.roles());
        assertTrue("the stored hash is PBKDF2", directory.storedHash("partner").startsWith("pbkdf2-sha256$1000$"));
        assertTrue("user names are matched case-insensitively", directory.login(" Partner ", DEMO).succeeded());
    }

    @Test
    public void wrongPasswordAndUnknownUserGiveTheSameAnswer() {
        directory.create(ADMIN, "reviewer", null, DEMO, Set.of(Role.FINANCE_REVIEWER), null);
        LoginResult wrong = directory.login("reviewer", "nope".toCharArray());
        LoginResult unknown = directory.login("ghost", DEMO);
        assertFalse(wrong.succeeded());
        assertFalse(unknown.succeeded());
        assertEquals(wrong.message(), unknown.message());
        assertEquals(wrong.retryAfter(), unknown.retryAfter());
        assertEquals(UserDirectoryImpl.WRONG_CREDENTIALS, wrong.message());
    }

    @Test
    public void fiveFailuresThrottleTheNameWithoutCheckingThePassword() {
        directory.create(ADMIN, "partner", null, DEMO, Set.of(Role.PARTNER_USER), "p1");
        for (int i = 0; i < 4; i++) {
            assertEquals(Duration.ZERO, directory.login("partner", "bad".toCharArray()).retryAfter());
        }
        LoginResult fifth = directory.login("partner", "bad".toCharArray());
        assertEquals(Duration.ofSeconds(30), fifth.retryAfter());
        assertTrue(fifth.message(), fifth.message().contains("30 seconds"));

        LoginResult refused = directory.login("partner", DEMO);
        assertFalse("even the right password is refused while throttled", refused.succeeded());
        assertEquals(Duration.ofSeconds(30), refused.retryAfter());

        clock.advance(Duration.ofSeconds(30));
        assertTrue(directory.login("partner", DEMO).succeeded());
        assertEquals("success reset the count", Duration.ZERO,
                directory.login("partner", "bad".toCharArray()).retryAfter());
    }

    @Test
    public void unknownNamesAreThrottledLikeKnownOnes() {
        for (int i = 0; i < 4; i++) {
            directory.login("ghost", DEMO);
        }
        assertEquals(Duration.ofSeconds(30), directory.login("ghost", DEMO).retryAfter());
    }

    @Test
    public void disabledUsersCannotSignIn() {
        directory.create(ADMIN, "manager", null, DEMO, Set.of(Role.FINANCE_MANAGER), null);
        directory.setEnabled("manager", false);
        LoginResult result = directory.login("manager", DEMO);
        assertFalse(result.succeeded());
        assertEquals(UserDirectoryImpl.DISABLED, result.message());
        assertFalse("a disabled user is not found for session refresh", directory.find("manager").isPresent());
        assertEquals(UserDirectoryImpl.WRONG_CREDENTIALS, directory.login("manager", "bad".toCharArray()).message());
    }

    @Test
    public void findAndExists() {
        directory.create(ADMIN, "admin", "Ada Admin", DEMO, Set.of(Role.ADMINISTRATOR), null);
        assertTrue(directory.exists("admin"));
        assertFalse(directory.exists("nobody"));
        assertFalse(directory.exists(null));
        Caller found = directory.find("admin").get();
        assertEquals("Ada Admin", found.displayName());
        assertEquals(Set.of(Role.ADMINISTRATOR), found.roles());
    }

    @Test
    public void olderHashesAreUpgradedAtSignIn() {
        directory.create(ADMIN, "partner", null, DEMO, Set.of(Role.PARTNER_USER), "p1");
        UserDirectoryImpl stronger = new UserDirectoryImpl(jpa, new PasswordHasher(1_500, new SecureRandom()),
                new LoginThrottle(clock, 5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15)),
                clock, 4);
        assertTrue(stronger.login("partner", DEMO).succeeded());
        assertEquals(1_500, PasswordHasher.iterationsOf(stronger.storedHash("partner")));
        assertTrue(stronger.login("partner", DEMO).succeeded());
    }

    @Test
    public void administratorCreatesAnyUser() {
        directory.create(ADMIN, "reviewer", null, DEMO, Set.of(Role.FINANCE_REVIEWER), null);
        directory.create(ADMIN, "partner2", null, DEMO, Set.of(Role.PARTNER_USER), "p2");
        directory.create(ADMIN, "integrator", null, DEMO, Set.of(Role.INTEGRATOR), null);
        assertEquals(List.of("integrator", "partner2", "reviewer"), names(directory.list(ADMIN)));
    }

    @Test
    public void partnerAdminCreatesPartnerUsersOfTheirOwnPartnerOnly() {
        directory.create(PARTNER_ADMIN, "colleague", null, DEMO, Set.of(Role.PARTNER_USER), "p1");
        directory.create(PARTNER_ADMIN, "deputy", null, DEMO, EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN), "p1");
        denied(() -> directory.create(PARTNER_ADMIN, "intruder", null, DEMO, Set.of(Role.PARTNER_USER), "p2"));
        denied(() -> directory.create(PARTNER_ADMIN, "boss", null, DEMO, Set.of(Role.FINANCE_MANAGER), null));
        denied(() -> directory.create(PARTNER_ADMIN, "root", null, DEMO, Set.of(Role.ADMINISTRATOR), "p1"));
        assertFalse(directory.exists("intruder"));
        assertFalse(directory.exists("boss"));
        assertFalse(directory.exists("root"));
    }

    @Test
    public void otherRolesCannotCreateOrListUsers() {
        denied(() -> directory.create(PARTNER_USER, "x1", null, DEMO, Set.of(Role.PARTNER_USER), "p1"));
        denied(() -> directory.create(REVIEWER, "x2", null, DEMO, Set.of(Role.FINANCE_REVIEWER), null));
        denied(() -> directory.create(null, "x3", null, DEMO, Set.of(Role.FINANCE_REVIEWER), null));
        denied(() -> directory.list(PARTNER_USER));
        denied(() -> directory.list(REVIEWER));
        denied(() -> directory.list(null));
    }

    @Test
    public void partnerAdminListsOwnPartnersUsersOnly() {
        directory.create(ADMIN, "a1", null, DEMO, Set.of(Role.PARTNER_USER), "p1");
        directory.create(ADMIN, "b1", null, DEMO, Set.of(Role.PARTNER_USER), "p2");
        directory.create(ADMIN, "staff", null, DEMO, Set.of(Role.FINANCE_REVIEWER), null);
        assertEquals(List.of("a1"), names(directory.list(PARTNER_ADMIN)));
    }

    @Test
    public void invalidUsersAreRejectedWithClearMessages() {
        invalid(() -> directory.create(ADMIN, "A", null, DEMO, Set.of(Role.ADMINISTRATOR), null), "User names");
        invalid(() -> directory.create(ADMIN, "Upper", null, DEMO, Set.of(Role.ADMINISTRATOR), null), "User names");
        invalid(() -> directory.create(ADMIN, "bad name", null, DEMO, Set.of(Role.ADMINISTRATOR), null),
                "User names");
        invalid(() -> directory.create(ADMIN, "x".repeat(65), null, DEMO, Set.of(Role.ADMINISTRATOR), null),
                "User names");
        invalid(() -> directory.create(ADMIN, "norole", null, DEMO, Set.of(), null), "at least one role");
        invalid(() -> directory.create(ADMIN, "nopartner", null, DEMO, Set.of(Role.PARTNER_USER), null),
                "partner organisation");
        invalid(() -> directory.create(ADMIN, "staffp", null, DEMO, Set.of(Role.FINANCE_REVIEWER), "p1"),
                "do not belong");
        invalid(() -> directory.create(ADMIN, "mixed", null, DEMO,
                EnumSet.of(Role.PARTNER_USER, Role.FINANCE_REVIEWER), "p1"), "not both");
        invalid(() -> directory.create(ADMIN, "short", null, "abc".toCharArray(), Set.of(Role.ADMINISTRATOR), null),
                "at least 4 characters");
        assertEquals("nothing was written", List.of(), directory.list(ADMIN));
        directory.create(ADMIN, "a.b_c-9", null, DEMO, Set.of(Role.ADMINISTRATOR), null);
        invalid(() -> directory.create(ADMIN, "a.b_c-9", null, DEMO, Set.of(Role.ADMINISTRATOR), null),
                "already taken");
    }

    @Test
    public void minimumPasswordLengthIsConfigurable() {
        UserDirectoryImpl strict = new UserDirectoryImpl(jpa, new PasswordHasher(1_000, new SecureRandom()),
                new LoginThrottle(clock, 5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15)),
                clock, 12);
        invalid(() -> strict.create(ADMIN, "admin", null, DEMO, Set.of(Role.ADMINISTRATOR), null),
                "at least 12 characters");
        strict.create(ADMIN, "admin", null, "correct horse".toCharArray(), Set.of(Role.ADMINISTRATOR), null);
    }

    private static List<String> names(List<UserAccount> accounts) {
        return accounts.stream().map(UserAccount::username).collect(Collectors.toList());
    }

    private static void denied(Runnable r) {
        try {
            r.run();
            fail("expected AccessDeniedException");
        } catch (AccessDeniedException expected) {
            // authorised in the service
        }
    }

    private static void invalid(Runnable r, String messagePart) {
        try {
            r.run();
            fail("expected IllegalArgumentException containing " + messagePart);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(messagePart));
        }
    }
}
