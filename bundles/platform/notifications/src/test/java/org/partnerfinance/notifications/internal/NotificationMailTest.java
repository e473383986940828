package org.partnerfinance.notifications.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.notifications.api.Message;
import org.partnerfinance.notifications.api.Notification;
import org.partnerfinance.notifications.api.NotificationKind;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.internal.MutableClock;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Notifications and their e-mails on the real {@code notifications} unit (in-memory Derby) with a real SMTP server
 * (GreenMail) on a free port. The sender is driven by hand ({@link OutboxSender#drain()}) with a clock the test moves.
 */
public class NotificationMailTest {

    private static final Caller ANN = new Caller("ann", "Ann", java.util.Set.of(Role.PARTNER_USER), "P1");
    private static final Recipient ANN_MAIL = new Recipient("ann", "P1", "ann@partner.example");
    private static final Message APPROVED = new Message(NotificationKind.CLAIM_STATUS, "Claim CLM-000042 was approved",
            "Claim CLM-000042 was approved.", "claims/detail?id=42");

    private TestPersistence db;
    private Jpa jpa;
    private MutableClock clock;
    private GreenMail smtp;
    private int port;
    private OutboxSender sender;
    private NotificationStore store;
    private final List<Recipient> announced = new ArrayList<>();
    private final List<AuditEvent> audited = new ArrayList<>();

    /** The database the tests run on: in-memory Derby here, PostgreSQL in {@link NotificationMailPostgresTest}. */
    protected TestPersistence newDatabase() {
        return TestPersistence.inMemory();
    }

    @Before
    public void setUp() throws IOException {
        db = newDatabase();
        jpa = db.open(NotificationsComponent.UNIT, NotificationsComponent.MIGRATIONS, NotificationEntity.class,
                PreferenceEntity.class, OutboxEntity.class);
        clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        port = freePort();
        MailSettings settings = new MailSettings("127.0.0.1", port, "portal@example.com", false, null, null,
                Duration.ofSeconds(5), 3, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(30),
                "https://portal.example.com");
        sender = new OutboxSender(jpa, db.unitOfWork(), clock, settings, new SmtpMailer(settings));
        store = new NotificationStore(jpa, db.unitOfWork(), Fakes.audit(audited), clock, () -> Optional.of(sender),
                announced::addAll);
    }

    @After
    public void tearDown() {
        if (smtp != null) {
            smtp.stop();
        }
        db.close();
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @Test
    public void aNotificationIsInTheInboxAndItsEmailIsDeliveredAfterTheCommit() throws Exception {
        startSmtp();
        assertEquals(1, store.notify(List.of(ANN_MAIL), APPROVED));

        assertEquals(1, store.unreadCount(ANN));
        List<Notification> inbox = store.inbox(ANN, 0, 10);
        assertEquals("Claim CLM-000042 was approved", inbox.get(0).title());
        assertEquals("claims/detail?id=42", inbox.get(0).link());
        assertEquals(List.of(ANN_MAIL), announced);

        assertEquals(1, sender.drain());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("[Partner Finance Portal] Claim CLM-000042 was approved", received[0].getSubject());
        assertEquals("ann@partner.example", received[0].getAllRecipients()[0].toString());
        String body = GreenMailUtil.getBody(received[0]);
        assertTrue(body, body.contains("https://portal.example.com/claims/detail?id=42"));
        assertEquals("sent once: nothing left to send", 0, sender.drain());
        assertEquals(1, smtp.getReceivedMessages().length);

        store.markRead(ANN, inbox.get(0).id());
        assertEquals(0, store.unreadCount(ANN));
        assertTrue(store.inbox(ANN, 0, 10).get(0).read());
    }

    @Test
    public void whileTheServerIsDownTheEmailWaitsAndIsSentByALaterAttempt() throws Exception {
        store.notify(List.of(ANN_MAIL), APPROVED); // nothing listens on the port yet

        assertEquals(0, sender.drain());
        assertEquals(1, outboxAttempts());
        assertEquals(OutboxEntity.PENDING, outboxStatus());

        startSmtp();
        assertEquals("not due before the backoff has passed", 0, sender.drain());
        assertEquals(0, smtp.getReceivedMessages().length);

        clock.advance(Duration.ofSeconds(31));
        assertEquals(1, sender.drain());
        assertEquals(1, smtp.getReceivedMessages().length);
        assertEquals(OutboxEntity.SENT, outboxStatus());
        assertEquals(2, outboxAttempts());
    }

    @Test
    public void afterTheLastAttemptTheEmailIsKeptAsFailedWithItsError() {
        store.notify(List.of(ANN_MAIL), APPROVED);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, sender.drain());
            clock.advance(Duration.ofMinutes(11));
        }
        assertEquals(OutboxEntity.FAILED, outboxStatus());
        assertEquals(3, outboxAttempts());
        assertEquals(0, sender.drain());
    }

    @Test
    public void nothingIsNotifiedOrSentWhenTheBusinessTransactionRollsBack() {
        startSmtp();
        try {
            db.unitOfWork().required(() -> {
                store.notify(List.of(ANN_MAIL), APPROVED);
                throw new IllegalStateException("the business change failed");
            });
            fail("expected the failure");
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertEquals(0, store.unreadCount(ANN));
        assertTrue(announced.isEmpty());
        assertEquals(0, sender.drain());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    public void aKindSwitchedOffIsNotEmailedButStillShownAndOtherKindsAreEmailed() {
        startSmtp();
        assertTrue(store.emailPreferences(ANN).get(NotificationKind.CLAIM_STATUS));
        assertFalse("partner users choose nothing about finance's work items",
                store.emailPreferences(ANN).containsKey(NotificationKind.CLAIM_WORK));
        store.setEmailPreference(ANN, NotificationKind.CLAIM_STATUS, false);
        assertFalse(store.emailPreferences(ANN).get(NotificationKind.CLAIM_STATUS));
        assertEquals("notification.preference-changed", audited.get(0).action());

        store.notify(List.of(ANN_MAIL), APPROVED);
        assertEquals(0, sender.drain());
        assertEquals(0, smtp.getReceivedMessages().length);
        assertEquals(1, store.unreadCount(ANN));

        store.notify(List.of(ANN_MAIL), new Message(NotificationKind.CLAIM_REMINDER, "Reminder: CLM-000042 is due",
                "", "claims/detail?id=42"));
        assertEquals(1, sender.drain());
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    public void withoutAnAddressOrWithMailOffOnlyTheBellIsNotified() {
        startSmtp();
        store.notify(List.of(new Recipient("ann", "P1", null)), APPROVED);
        NotificationStore mailOff = new NotificationStore(jpa, db.unitOfWork(), Fakes.audit(audited), clock,
                Optional::empty, r -> { });
        mailOff.notify(List.of(ANN_MAIL), APPROVED);
        assertEquals(2, store.unreadCount(ANN));
        assertEquals(0, sender.drain());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    public void usersSeeAndMarkOnlyTheirOwnNotifications() {
        store.notify(List.of(ANN_MAIL, new Recipient("bob", "P2", null)), APPROVED);
        Caller bob = new Caller("bob", "Bob", java.util.Set.of(Role.PARTNER_USER), "P2");
        long annsId = store.inbox(ANN, 0, 10).get(0).id();
        try {
            store.markRead(bob, annsId);
            fail("another user's notification must look missing");
        } catch (IllegalArgumentException expected) {
            assertEquals("There is no such notification.", expected.getMessage());
        }
        assertEquals(1, store.unreadCount(ANN));
        assertEquals(1, store.markAllRead(bob));
        assertEquals(1, store.unreadCount(ANN));
        assertEquals(0, store.unreadCount(bob));
    }

    private int outboxAttempts() {
        return jpa.tx(em -> em.createQuery("SELECT o FROM OutboxEntity o", OutboxEntity.class).getSingleResult()
                .attempts());
    }

    private String outboxStatus() {
        return jpa.tx(em -> em.createQuery("SELECT o FROM OutboxEntity o", OutboxEntity.class).getSingleResult()
                .status());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
