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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.internal.MutableClock;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.LoginResult;
import org.partnerfinance.security.api.OneTimePassword;
import org.partnerfinance.security.api.PartnerDirectory;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserAccount;

/** The user directory on the real "security" unit (Flyway scripts + JPA entities) in in-memory Derby. */
public class UserDirectoryTest {

    private static final Caller SYSTEM = Caller.system();
    private static final Caller ADMIN = new Caller("admin", null, Set.of(Role.ADMINISTRATOR), null);
    private static final Caller PARTNER_ADMIN = new Caller("pa", null,
            EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN), "p1");
    private static final Caller PARTNER_USER = new Caller("pu", null, EnumSet.of(Role.PARTNER_USER), "p1");
    private static final Caller REVIEWER = new Caller("rv", null, EnumSet.of(Role.FINANCE_REVIEWER), null);
    private static final char[] SECRET = "violet-harbour-lamp".toCharArray();
    private static final char[] OTHER = "copper-meadow-kettle".toCharArray();
    private static final String HOME = "198.51.100.7";
    private static final Duration OTP_VALIDITY = Duration.ofHours(72);

    private TestPersistence db;
    private Jpa jpa;
    private MutableClock clock;
    private RecordingAuditTrail audit;
    private final Set<String> partners = new HashSet<>(Set.of("p1", "p2"));
    private boolean partnerDirectoryPresent = true;
    private HashGate gate;
    private UserDirectoryImpl directory;

    /** The database the tests run on: in-memory Derby here, PostgreSQL in {@link UserDirectoryPostgresTest}. */
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
        gate = new HashGate(2, Duration.ofMillis(50));
        directory = newDirectory(1_000);
        // the administrator the tests act as exists, so that the "last administrator" rule is not hit by accident
        directory.create(SYSTEM, "admin", "Ada Admin", SECRET, Set.of(Role.ADMINISTRATOR), null);
    }

    private UserDirectoryImpl newDirectory(int iterations) {
        PartnerDirectory lookup = partners::contains;
        return new UserDirectoryImpl(jpa, db.unitOfWork(), audit,
                () -> partnerDirectoryPresent ? Optional.of(lookup) : Optional.empty(),
                new PasswordHasher(iterations, new SecureRandom()),
                new PasswordPolicy(12, PasswordPolicy.loadCommonList(), new SecureRandom()), gate, clock,
                new UserDirectoryImpl.Settings(
                        new LoginThrottle.Rule(5, Duration.ofMinutes(15), Duration.ofSeconds(30),
                                Duration.ofMinutes(15)),
                        new LoginThrottle.Rule(20, Duration.ofMinutes(15), Duration.ofSeconds(30),
                                Duration.ofMinutes(15)),
                        OTP_VALIDITY));
    }

    @After
    public void tearDown() {
        db.close();
    }

    // ------------------------------------------------------------------------------------------- e-mail, by role

    @Test
    public void usersSetTheirOwnEmailManagersTheirUsersAndOthersSeeNobody() {
        directory.create(SYSTEM, "pa", "Pam", SECRET, EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN), "p1");
        directory.create(SYSTEM, "pu", "Pete", SECRET, EnumSet.of(Role.PARTNER_USER), "p1");
        directory.create(SYSTEM, "other", "Olga", SECRET, EnumSet.of(Role.PARTNER_USER), "p2");

        assertEquals("pu@p1.example", directory.setEmail(PARTNER_USER, "pu", " pu@p1.example ").email());
        assertEquals("pu@p1.example", directory.account(PARTNER_ADMIN, "pu").get().email());
        assertEquals("boss@p1.example", directory.setEmail(PARTNER_ADMIN, "pu", "boss@p1.example").email());
        assertTrue("another partner's user looks missing", directory.account(PARTNER_ADMIN, "other").isEmpty());
        try {
            directory.setEmail(PARTNER_ADMIN, "other", "x@p1.example");
            fail("another partner's user");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("There is no user"));
        }
        try {
            directory.setEmail(PARTNER_USER, "pu", "not an address");
            fail("not an address");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("is not an e-mail address"));
        }
        assertEquals("boss@p1.example", directory.account(ADMIN, "pu").get().email());
        assertEquals(null, directory.setEmail(ADMIN, "pu", " ").email());
        assertEquals(3, audit.events("user.email-changed").size());
    }

    @Test
    public void onlyAdministratorsListEnabledUsersByRoleAndPartner() {
        directory.create(SYSTEM, "pa", "Pam", SECRET, EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN), "p1");
        directory.create(SYSTEM, "pu", "Pete", SECRET, EnumSet.of(Role.PARTNER_USER), "p1");
        directory.create(SYSTEM, "other", "Olga", SECRET, EnumSet.of(Role.PARTNER_ADMIN), "p2");
        directory.create(SYSTEM, "rv", "Rita", SECRET, EnumSet.of(Role.FINANCE_REVIEWER), null);
        directory.create(SYSTEM, "mgr", "Max", SECRET, EnumSet.of(Role.FINANCE_MANAGER), null);
        directory.setEnabled(ADMIN, "mgr", false);

        assertEquals(List.of("pa"), directory.usersWithRoles(SYSTEM, Set.of(Role.PARTNER_ADMIN), "p1").stream()
                .map(UserAccount::username).toList());
        assertEquals(List.of("rv"), directory.usersWithRoles(ADMIN,
                Set.of(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER), null).stream().map(UserAccount::username)
                .toList());
        try {
            directory.usersWithRoles(PARTNER_ADMIN, Set.of(Role.PARTNER_USER), "p1");
            fail("partner administrators do not list by role");
        } catch (AccessDeniedException expected) {
            // refused
        }
    }

    // ------------------------------------------------------------------------------------------- sign-in

    @Test
    public void createdUserSignsInAndTheSignInIsAudited() {
        UserAccount created = directory.create(ADMIN, "partner", "Pat Partner", SECRET, Set.of(Role.PARTNER_USER),
                "p1");
        assertEquals(new UserAccount("partner", "Pat Partner", Set.of(Role.PARTNER_USER), "p1", true), created);
        LoginResult result = directory.login("partner", SECRET, HOME);
        assertTrue(result.succeeded());
        assertEquals(LoginResult.Status.SIGNED_IN, result.status());
        Caller caller = result.caller().get();
        assertEquals("partner", caller.username());
        assertEquals("p1", caller.partnerId());
        assertEquals(Set.of(Role.PARTNER_USER), caller.roles());
        assertFalse(caller.mustChangePassword());
        assertTrue("the stored hash is PBKDF2", directory.storedHash("partner").startsWith("pbkdf2-sha256$1000$"));
        assertTrue("user names are matched case-insensitively", directory.login(" Partner ", SECRET, HOME)
                .succeeded());
        AuditEvent signIn = audit.events("user.signin").get(0);
        assertEquals("partner", signIn.actor());
        assertEquals("partner", signIn.entityId());
        assertTrue(signIn.after(), signIn.after().contains("source=" + HOME));
        AuditEvent createdEvent = audit.events("user.created").get(1);
        assertEquals("admin", createdEvent.actor());
        assertTrue(createdEvent.after(), createdEvent.after().contains("roles=partner-user"));
    }

    @Test
    public void wrongPasswordAndUnknownUserGiveTheSameAnswerAndAreAuditedWithoutThePassword() {
        directory.create(ADMIN, "reviewer", null, SECRET, Set.of(Role.FINANCE_REVIEWER), null);
        LoginResult wrong = directory.login("reviewer", "not-the-password".toCharArray(), HOME);
        LoginResult unknown = directory.login("ghost", SECRET, HOME);
        assertFalse(wrong.succeeded());
        assertFalse(unknown.succeeded());
        assertEquals(LoginResult.Status.FAILED, wrong.status());
        assertEquals(wrong.status(), unknown.status());
        assertEquals(wrong.message(), unknown.message());
        assertEquals(wrong.retryAfter(), unknown.retryAfter());
        assertEquals(UserDirectoryImpl.WRONG_CREDENTIALS, wrong.message());

        List<AuditEvent> failed = audit.events("user.signin-failed");
        assertEquals(List.of("reviewer", "ghost"),
                failed.stream().map(AuditEvent::entityId).collect(Collectors.toList()));
        for (AuditEvent e : failed) {
            assertTrue(e.after(), e.after().contains("source=" + HOME));
            assertFalse("never the password", e.toString().contains("not-the-password"));
            assertFalse("never the password", e.toString().contains(new String(SECRET)));
        }
    }

    @Test
    public void fiveFailuresThrottleTheUserNameInTheDatabaseAcrossDirectoryInstances() {
        directory.create(ADMIN, "partner", null, SECRET, Set.of(Role.PARTNER_USER), "p1");
        for (int i = 0; i < 4; i++) {
            // different addresses: only the user name counts here
            assertEquals(Duration.ZERO, directory.login("partner", OTHER, "203.0.113." + i).retryAfter());
        }
        LoginResult fifth = directory.login("partner", OTHER, "203.0.113.9");
        assertEquals(LoginResult.Status.THROTTLED, fifth.status());
        assertEquals(Duration.ofSeconds(30), fifth.retryAfter());
        assertTrue(fifth.message(), fifth.message().contains("30 seconds"));
        assertEquals(1, audit.events("user.signin-throttled").size());

        // a new instance (a restart, another node) on the same database still refuses, even the right password
        UserDirectoryImpl restarted = newDirectory(1_000);
        LoginResult refused = restarted.login("partner", SECRET, "192.0.2.1");
        assertEquals(LoginResult.Status.THROTTLED, refused.status());
        assertEquals(Duration.ofSeconds(30), refused.retryAfter());
        assertTrue("listed as locked", account(restarted, "partner").locked());

        clock.advance(Duration.ofSeconds(30));
        assertTrue(restarted.login("partner", SECRET, "192.0.2.1").succeeded());
        assertEquals("success reset the count", Duration.ZERO,
                restarted.login("partner", OTHER, "192.0.2.2").retryAfter());
    }

    @Test
    public void manyFailuresFromOneAddressThrottleThatAddressForEveryUserName() {
        directory.create(ADMIN, "partner", null, SECRET, Set.of(Role.PARTNER_USER), "p1");
        for (int i = 0; i < 19; i++) {
            LoginResult r = directory.login("guess" + i, OTHER, "203.0.113.66");
            assertEquals("below the address limit", LoginResult.Status.FAILED, r.status());
        }
        assertEquals(LoginResult.Status.THROTTLED, directory.login("guess19", OTHER, "203.0.113.66").status());
        LoginResult fromThere = newDirectory(1_000).login("partner", SECRET, "203.0.113.66");
        assertEquals("the address is refused, whatever the name", LoginResult.Status.THROTTLED, fromThere.status());
        assertTrue("the same user signs in from elsewhere", directory.login("partner", SECRET, HOME).succeeded());
        assertEquals("a success elsewhere does not clear the address", LoginResult.Status.THROTTLED,
                directory.login("partner", SECRET, "203.0.113.66").status());
        AuditEvent throttled = audit.events("user.signin-throttled").get(0);
        assertTrue(throttled.after(), throttled.after().contains("key=address"));
        assertTrue(throttled.after(), throttled.after().contains("source=203.0.113.66"));
    }

    @Test
    public void unknownNamesAreThrottledLikeKnownOnes() {
        for (int i = 0; i < 4; i++) {
            directory.login("ghost", SECRET, "192.0.2." + i);
        }
        assertEquals(Duration.ofSeconds(30), directory.login("ghost", SECRET, "192.0.2.99").retryAfter());
    }

    @Test
    public void whenEveryHashSlotIsTakenSignInsAreAnsweredBusyWithoutCounting() throws Exception {
        directory.create(ADMIN, "partner", null, SECRET, Set.of(Role.PARTNER_USER), "p1");
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Thread[] holders = new Thread[2];
        for (int i = 0; i < holders.length; i++) {
            holders[i] = new Thread(() -> gate.run(() -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            holders[i].start();
        }
        holding.await();
        try {
            LoginResult busy = directory.login("partner", OTHER, HOME);
            assertEquals(LoginResult.Status.BUSY, busy.status());
            assertEquals(LoginResult.BUSY_MESSAGE, busy.message());
            assertTrue("a busy answer is not a failed sign-in", audit.events("user.signin-failed").isEmpty());
        } finally {
            release.countDown();
            for (Thread t : holders) {
                t.join();
            }
        }
        assertTrue(directory.login("partner", SECRET, HOME).succeeded());
    }

    @Test
    public void disabledUsersCannotSignIn() {
        directory.create(ADMIN, "manager", null, SECRET, Set.of(Role.FINANCE_MANAGER), null);
        directory.setEnabled(ADMIN, "manager", false);
        LoginResult result = directory.login("manager", SECRET, HOME);
        assertFalse(result.succeeded());
        assertEquals(UserDirectoryImpl.DISABLED, result.message());
        assertFalse("a disabled user is not found for session refresh", directory.find("manager").isPresent());
        assertEquals(UserDirectoryImpl.WRONG_CREDENTIALS, directory.login("manager", OTHER, HOME).message());
        directory.setEnabled(ADMIN, "manager", true);
        assertTrue(directory.login("manager", SECRET, HOME).succeeded());
        assertEquals(1, audit.events("user.disabled").size());
        assertEquals(1, audit.events("user.enabled").size());
    }

    @Test
    public void olderHashesAreUpgradedAtSignIn() {
        directory.create(ADMIN, "partner", null, SECRET, Set.of(Role.PARTNER_USER), "p1");
        UserDirectoryImpl stronger = newDirectory(1_500);
        assertTrue(stronger.login("partner", SECRET, HOME).succeeded());
        assertEquals(1_500, PasswordHasher.iterationsOf(stronger.storedHash("partner")));
        assertTrue(stronger.login("partner", SECRET, HOME).succeeded());
    }

    // ------------------------------------------------------------------------------------------- one-time passwords

    @Test
    public void oneTimePasswordSignInForcesANewPasswordAndThenStopsWorking() {
        OneTimePassword otp = directory.createWithOneTimePassword(ADMIN, "first", "First Admin",
                Set.of(Role.ADMINISTRATOR), null);
        assertTrue(otp.account().passwordChangeRequired());
        assertEquals(clock.instant().plus(OTP_VALIDITY), otp.expiresAt());
        assertFalse("toString never shows it", otp.toString().contains(otp.password()));

        LoginResult first = directory.login("first", otp.password().toCharArray(), HOME);
        assertTrue(first.succeeded());
        Caller flagged = first.caller().get();
        assertTrue(flagged.mustChangePassword());
        denied(() -> directory.list(flagged), Access.PASSWORD_CHANGE_FIRST);
        denied(() -> Access.requireAnyRole(flagged, Role.ADMINISTRATOR), Access.PASSWORD_CHANGE_FIRST);
        assertTrue("the session refresh sees the flag", directory.find("first").get().mustChangePassword());

        invalid(() -> directory.changeOwnPassword(flagged, otp.password().toCharArray(), "short".toCharArray()),
                "at least 12");
        Caller changed = directory.changeOwnPassword(flagged, otp.password().toCharArray(), SECRET);
        assertFalse(changed.mustChangePassword());
        assertEquals(1, directory.list(changed).stream().filter(a -> a.username().equals("first")).count());

        LoginResult again = directory.login("first", otp.password().toCharArray(), HOME);
        assertEquals("the one-time password is used up", UserDirectoryImpl.WRONG_CREDENTIALS, again.message());
        LoginResult withNew = directory.login("first", SECRET, HOME);
        assertTrue(withNew.succeeded());
        assertFalse(withNew.caller().get().mustChangePassword());
        AuditEvent change = audit.events("user.password-changed").get(0);
        assertEquals("first", change.actor());
        assertTrue(change.before().contains("one-time-password=true"));
    }

    @Test
    public void anUnusedOneTimePasswordExpires() {
        OneTimePassword otp = directory.createWithOneTimePassword(ADMIN, "late", null, Set.of(Role.INTEGRATOR), null);
        clock.advance(OTP_VALIDITY);
        LoginResult result = directory.login("late", otp.password().toCharArray(), HOME);
        assertEquals(LoginResult.Status.FAILED, result.status());
        assertEquals(UserDirectoryImpl.OTP_EXPIRED, result.message());
        OneTimePassword fresh = directory.resetPassword(ADMIN, "late");
        assertTrue(directory.login("late", fresh.password().toCharArray(), HOME).succeeded());
    }

    @Test
    public void resetPasswordGivesAOneTimePasswordAndClearsTheUsersThrottling() {
        directory.create(ADMIN, "partner", null, SECRET, Set.of(Role.PARTNER_USER), "p1");
        for (int i = 0; i < 5; i++) {
            directory.login("partner", OTHER, "192.0.2." + i);
        }
        OneTimePassword otp = directory.resetPassword(PARTNER_ADMIN, "partner");
        assertTrue(otp.account().passwordChangeRequired());
        assertFalse(directory.login("partner", SECRET, HOME).succeeded());
        LoginResult result = directory.login("partner", otp.password().toCharArray(), HOME);
        assertTrue(result.message(), result.succeeded());
        assertTrue(result.caller().get().mustChangePassword());
        AuditEvent reset = audit.events("user.password-reset").get(0);
        assertEquals("pa", reset.actor());
        assertFalse("never the password", reset.toString().contains(otp.password()));
    }

    @Test
    public void changingTheOwnPasswordNeedsTheCurrentOneAndAGoodNewOne() {
        directory.create(ADMIN, "reviewer", null, SECRET, Set.of(Role.FINANCE_REVIEWER), null);
        Caller me = directory.find("reviewer").get();
        denied(() -> directory.changeOwnPassword(me, OTHER, "amber-lantern-seven".toCharArray()), "current password");
        invalid(() -> directory.changeOwnPassword(me, SECRET, SECRET), "differ");
        invalid(() -> directory.changeOwnPassword(me, SECRET, "1q2w3e4r5t6y".toCharArray()), "common");
        invalid(() -> directory.changeOwnPassword(me, SECRET, "reviewer".toCharArray()), "at least 12");
        assertTrue("nothing changed", directory.login("reviewer", SECRET, HOME).succeeded());
        directory.changeOwnPassword(me, SECRET, OTHER);
        assertTrue(directory.login("reviewer", OTHER, HOME).succeeded());
        assertFalse(directory.login("reviewer", SECRET, HOME).succeeded());
    }

    // ------------------------------------------------------------------------------------------- policy at creation

    @Test
    public void invalidUsersAreRejectedWithClearMessagesAndNothingIsWritten() {
        invalid(() -> directory.create(ADMIN, "A", null, SECRET, Set.of(Role.ADMINISTRATOR), null), "User names");
        invalid(() -> directory.create(ADMIN, "bad name", null, SECRET, Set.of(Role.ADMINISTRATOR), null),
                "User names");
        invalid(() -> directory.create(ADMIN, "x".repeat(65), null, SECRET, Set.of(Role.ADMINISTRATOR), null),
                "User names");
        invalid(() -> directory.create(ADMIN, "norole", null, SECRET, Set.of(), null), "at least one role");
        invalid(() -> directory.create(ADMIN, "nopartner", null, SECRET, Set.of(Role.PARTNER_USER), null),
                "partner organisation");
        invalid(() -> directory.create(ADMIN, "staffp", null, SECRET, Set.of(Role.FINANCE_REVIEWER), "p1"),
                "do not belong");
        invalid(() -> directory.create(ADMIN, "mixed", null, SECRET,
                EnumSet.of(Role.PARTNER_USER, Role.FINANCE_REVIEWER), "p1"), "not both");
        invalid(() -> directory.create(ADMIN, "short", null, "elevenchars".toCharArray(), Set.of(Role.ADMINISTRATOR),
                null), "at least 12 characters");
        invalid(() -> directory.create(ADMIN, "common", null, "123qweasdzxc".toCharArray(),
                Set.of(Role.ADMINISTRATOR), null), "common");
        invalid(() -> directory.create(ADMIN, "nowhere", null, SECRET, Set.of(Role.PARTNER_USER), "p9"),
                "no partner 'p9'");
        assertEquals("nothing was written", List.of("admin"), names(directory.list(ADMIN)));
        directory.create(ADMIN, "a.b_c-9", null, SECRET, Set.of(Role.ADMINISTRATOR), null);
        invalid(() -> directory.create(ADMIN, "a.b_c-9", null, SECRET, Set.of(Role.ADMINISTRATOR), null),
                "already taken");
    }

    @Test
    public void partnerUsersNeedThePartnerDirectory() {
        partnerDirectoryPresent = false;
        try {
            directory.createWithOneTimePassword(ADMIN, "partner", null, Set.of(Role.PARTNER_USER), "p1");
            fail("expected IllegalStateException");
        } catch (IllegalStateException e) {
            assertEquals(UserDirectoryImpl.NO_PARTNER_DIRECTORY, e.getMessage());
        }
        assertFalse(directory.exists("partner"));
        directory.create(ADMIN, "staff", null, SECRET, Set.of(Role.FINANCE_REVIEWER), null);
        partnerDirectoryPresent = true;
        directory.create(ADMIN, "partner", null, SECRET, Set.of(Role.PARTNER_USER), "p1");
        partnerDirectoryPresent = false;
        try {
            directory.update(ADMIN, "partner", "Renamed", Set.of(Role.PARTNER_USER));
            fail("expected IllegalStateException");
        } catch (IllegalStateException e) {
            assertEquals(UserDirectoryImpl.NO_PARTNER_DIRECTORY, e.getMessage());
        }
    }

    @Test
    public void aChangeWhoseAuditRecordFailsIsNotKept() {
        audit.failing(true);
        try {
            directory.create(ADMIN, "ghost", null, SECRET, Set.of(Role.FINANCE_REVIEWER), null);
            fail("expected the audit failure");
        } catch (IllegalStateException expected) {
            // the unit of work rolled back
        }
        audit.failing(false);
        assertFalse(directory.exists("ghost"));
        directory.create(ADMIN, "reviewer", null, SECRET, Set.of(Role.FINANCE_REVIEWER), null);
        audit.failing(true);
        try {
            directory.setEnabled(ADMIN, "reviewer", false);
            fail("expected the audit failure");
        } catch (IllegalStateException expected) {
            // the unit of work rolled back
        }
        audit.failing(false);
        assertTrue("still enabled", directory.find("reviewer").isPresent());
    }

    // ------------------------------------------------------------------------------------------- management rules

    @Test
    public void administratorEditsNameAndRolesOfAnyUser() {
        directory.create(ADMIN, "reviewer", null, SECRET, Set.of(Role.FINANCE_REVIEWER), null);
        UserAccount updated = directory.update(ADMIN, "reviewer", "Rita Reviewer", Set.of(Role.FINANCE_MANAGER));
        assertEquals("Rita Reviewer", updated.displayName());
        assertEquals(Set.of(Role.FINANCE_MANAGER), directory.find("reviewer").get().roles());
        AuditEvent e = audit.events("user.updated").get(0);
        assertTrue(e.before(), e.before().contains("roles=finance-reviewer"));
        assertTrue(e.after(), e.after().contains("roles=finance-manager"));
        directory.update(ADMIN, "reviewer", null, Set.of(Role.FINANCE_MANAGER, Role.FINANCE_REVIEWER));
        assertEquals("null keeps the name", "Rita Reviewer", directory.find("reviewer").get().displayName());
        invalid(() -> directory.update(ADMIN, "reviewer", null, Set.of(Role.PARTNER_USER)), "partner organisation");
        invalid(() -> directory.update(ADMIN, "nobody", null, Set.of(Role.INTEGRATOR)), "no user");
        invalid(() -> directory.update(ADMIN, "reviewer", null, Set.of()), "at least one role");
    }

    @Test
    public void partnerAdminManagesOnlyTheirOwnPartnersUsersWithPartnerRoles() {
        directory.create(ADMIN, "colleague", null, SECRET, Set.of(Role.PARTNER_USER), "p1");
        directory.create(ADMIN, "foreign", null, SECRET, Set.of(Role.PARTNER_USER), "p2");
        directory.create(ADMIN, "staff", null, SECRET, Set.of(Role.FINANCE_REVIEWER), null);

        directory.update(PARTNER_ADMIN, "colleague", "Col League", EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN));
        directory.setEnabled(PARTNER_ADMIN, "colleague", false);
        directory.setEnabled(PARTNER_ADMIN, "colleague", true);
        directory.unlock(PARTNER_ADMIN, "colleague");
        directory.resetPassword(PARTNER_ADMIN, "colleague");

        denied(() -> directory.update(PARTNER_ADMIN, "colleague", null, Set.of(Role.FINANCE_REVIEWER)), null);
        denied(() -> directory.update(PARTNER_ADMIN, "colleague", null, Set.of(Role.ADMINISTRATOR)), null);
        for (String other : List.of("foreign", "staff", "admin")) {
            denied(() -> directory.update(PARTNER_ADMIN, other, "x", Set.of(Role.PARTNER_USER)), null);
            denied(() -> directory.setEnabled(PARTNER_ADMIN, other, false), null);
            denied(() -> directory.resetPassword(PARTNER_ADMIN, other), null);
            denied(() -> directory.unlock(PARTNER_ADMIN, other), null);
        }
        assertTrue(directory.find("foreign").isPresent());
        assertTrue(directory.find("staff").isPresent());
        assertEquals(Set.of(Role.FINANCE_REVIEWER), directory.find("staff").get().roles());
        assertTrue(directory.login("foreign", SECRET, HOME).succeeded());
    }

    @Test
    public void otherRolesCannotManageUsers() {
        directory.create(ADMIN, "colleague", null, SECRET, Set.of(Role.PARTNER_USER), "p1");
        for (Caller c : new Caller[] {PARTNER_USER, REVIEWER, null}) {
            denied(() -> directory.create(c, "x1", null, SECRET, Set.of(Role.PARTNER_USER), "p1"), null);
            denied(() -> directory.createWithOneTimePassword(c, "x2", null, Set.of(Role.PARTNER_USER), "p1"), null);
            denied(() -> directory.list(c), null);
            denied(() -> directory.update(c, "colleague", "x", Set.of(Role.PARTNER_USER)), null);
            denied(() -> directory.setEnabled(c, "colleague", false), null);
            denied(() -> directory.resetPassword(c, "colleague"), null);
            denied(() -> directory.unlock(c, "colleague"), null);
        }
        assertTrue(directory.login("colleague", SECRET, HOME).succeeded());
    }

    @Test
    public void partnerAdminCreatesPartnerUsersOfTheirOwnPartnerOnly() {
        directory.create(PARTNER_ADMIN, "colleague", null, SECRET, Set.of(Role.PARTNER_USER), "p1");
        directory.createWithOneTimePassword(PARTNER_ADMIN, "deputy", null,
                EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN), "p1");
        denied(() -> directory.create(PARTNER_ADMIN, "intruder", null, SECRET, Set.of(Role.PARTNER_USER), "p2"), null);
        denied(() -> directory.create(PARTNER_ADMIN, "boss", null, SECRET, Set.of(Role.FINANCE_MANAGER), null), null);
        denied(() -> directory.create(PARTNER_ADMIN, "root", null, SECRET, Set.of(Role.ADMINISTRATOR), "p1"), null);
        assertEquals(List.of("colleague", "deputy"), names(directory.list(PARTNER_ADMIN)));
    }

    @Test
    public void nobodyLocksThemselvesOut() {
        denied(() -> directory.setEnabled(ADMIN, "admin", false), "your own account");
        denied(() -> directory.update(ADMIN, "admin", null, Set.of(Role.FINANCE_MANAGER)), "own administrator");
        denied(() -> directory.update(SYSTEM, "admin", null, Set.of(Role.INTEGRATOR)), "at least one enabled");
        denied(() -> directory.setEnabled(SYSTEM, "admin", false), "at least one enabled");

        directory.create(ADMIN, "pa", null, SECRET, EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN), "p1");
        denied(() -> directory.setEnabled(PARTNER_ADMIN, "pa", false), "your own account");
        denied(() -> directory.update(PARTNER_ADMIN, "pa", null, Set.of(Role.PARTNER_USER)), "own partner-admin");

        directory.create(ADMIN, "second", null, SECRET, Set.of(Role.ADMINISTRATOR), null);
        directory.setEnabled(ADMIN, "second", false);
        denied(() -> directory.setEnabled(SYSTEM, "admin", false), "at least one enabled");
        directory.setEnabled(ADMIN, "second", true);
        directory.setEnabled(SYSTEM, "admin", false);
        assertFalse(directory.find("admin").isPresent());
    }

    @Test
    public void unlockEndsTheRefusalPeriodOfTheUserName() {
        directory.create(ADMIN, "partner", null, SECRET, Set.of(Role.PARTNER_USER), "p1");
        for (int i = 0; i < 5; i++) {
            directory.login("partner", OTHER, "192.0.2." + i);
        }
        assertTrue(account(directory, "partner").locked());
        assertEquals(LoginResult.Status.THROTTLED, directory.login("partner", SECRET, HOME).status());
        UserAccount unlocked = directory.unlock(ADMIN, "partner");
        assertFalse(unlocked.locked());
        assertFalse(account(directory, "partner").locked());
        assertTrue(directory.login("partner", SECRET, HOME).succeeded());
        assertEquals(1, audit.events("user.unlocked").size());
    }

    @Test
    public void expiredThrottlingRowsArePruned() {
        LoginThrottle throttle = new LoginThrottle(jpa, clock);
        LoginThrottle.Rule rule = new LoginThrottle.Rule(5, Duration.ofMinutes(15), Duration.ofSeconds(30),
                Duration.ofMinutes(15));
        db.unitOfWork().required(() -> throttle.failure(LoginThrottle.addressKey("192.0.2.1"), rule));
        assertEquals(0, throttle.prune());
        clock.advance(Duration.ofMinutes(15));
        assertEquals(1, throttle.prune());
        assertNull(jpa.tx(em -> em.find(ThrottleEntity.class, LoginThrottle.addressKey("192.0.2.1"))));
        assertNotEquals(LoginThrottle.userKey("x"), LoginThrottle.addressKey("x"));
    }

    private static UserAccount account(UserDirectoryImpl d, String name) {
        return d.list(SYSTEM).stream().filter(a -> a.username().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> names(List<UserAccount> accounts) {
        return accounts.stream().map(UserAccount::username).collect(Collectors.toList());
    }

    private static void denied(Runnable r, String messagePart) {
        try {
            r.run();
            fail("expected AccessDeniedException");
        } catch (AccessDeniedException e) {
            if (messagePart != null) {
                assertTrue(e.getMessage(), e.getMessage().contains(messagePart));
            }
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
