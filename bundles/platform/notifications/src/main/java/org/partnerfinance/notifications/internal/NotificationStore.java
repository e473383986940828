package org.partnerfinance.notifications.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.notifications.api.Message;
import org.partnerfinance.notifications.api.Notification;
import org.partnerfinance.notifications.api.NotificationKind;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;

/**
 * Notifications and preferences on the {@code notifications} unit. Storing a notification writes its e-mail into the
 * outbox in the same unit of work (when mail is on, the recipient has an address and wants the kind by e-mail); after
 * the commit the sender is woken and the change is announced. Nothing is sent or announced for a rolled-back unit.
 */
final class NotificationStore {

    static final int MAX_PAGE = 200;

    private final Jpa jpa;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final Clock clock;
    /** The running e-mail sender; empty while mail is off (then no outbox rows are written). */
    private final Supplier<Optional<OutboxSender>> mail;
    /** Announces changed inboxes after the commit (Event Admin in the portal). */
    private final Consumer<Collection<Recipient>> announce;

    NotificationStore(Jpa jpa, UnitOfWork unitOfWork, AuditTrail audit, Clock clock,
            Supplier<Optional<OutboxSender>> mail, Consumer<Collection<Recipient>> announce) {
        this.jpa = jpa;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.clock = clock;
        this.mail = mail;
        this.announce = announce;
    }

    /** Stores one notification per recipient (and their e-mails); returns how many. */
    int notify(Collection<Recipient> recipients, Message message) {
        if (recipients.isEmpty()) {
            return 0;
        }
        Optional<OutboxSender> sender = mail.get();
        String now = UtcText.format(clock.instant());
        String title = MailText.cut(message.title().trim(), 200);
        String text = MailText.cut(message.text(), 2000);
        Map<String, Recipient> unique = new LinkedHashMap<>();
        recipients.forEach(r -> unique.putIfAbsent(r.username(), r));
        int stored = unitOfWork.required(() -> jpa.tx(em -> {
            int count = 0;
            for (Recipient r : unique.values()) {
                NotificationEntity n = new NotificationEntity(r.username(), r.partnerId(), message.kind(), title,
                        text, message.link(), now);
                em.persist(n);
                count++;
                if (sender.isPresent() && r.email() != null && wantsEmail(em, r.username(), message.kind())) {
                    em.flush(); // the identity of the notification
                    MailText mailText = sender.get().text();
                    em.persist(new OutboxEntity(n.id(), r.username(), r.email(), mailText.subject(message),
                            mailText.body(message), now));
                }
            }
            return count;
        }));
        List<Recipient> notified = new ArrayList<>(unique.values());
        unitOfWork.afterCommit(() -> {
            sender.ifPresent(OutboxSender::wake);
            announce.accept(notified);
        });
        return stored;
    }

    private static boolean wantsEmail(jakarta.persistence.EntityManager em, String username, String kind) {
        PreferenceEntity p = em.find(PreferenceEntity.class, new PreferenceEntity.Key(username, kind));
        return p == null || p.email();
    }

    List<Notification> inbox(Caller caller, int offset, int limit) {
        Access.requireCaller(caller);
        int first = Math.max(0, offset);
        int max = Math.max(0, Math.min(limit, MAX_PAGE));
        if (max == 0) {
            return List.of();
        }
        return jpa.tx(em -> em.createQuery("SELECT n FROM NotificationEntity n WHERE n.recipient = :me "
                + "ORDER BY n.id DESC", NotificationEntity.class)
                .setParameter("me", caller.username())
                .setFirstResult(first).setMaxResults(max)
                .getResultList().stream().map(NotificationEntity::toNotification).toList());
    }

    long unreadCount(Caller caller) {
        Access.requireCaller(caller);
        return jpa.tx(em -> em.createQuery("SELECT COUNT(n) FROM NotificationEntity n WHERE n.recipient = :me "
                + "AND n.readAt IS NULL", Long.class).setParameter("me", caller.username()).getSingleResult());
    }

    Notification markRead(Caller caller, long id) {
        Access.requireCaller(caller);
        String now = UtcText.format(clock.instant());
        Notification result = unitOfWork.required(() -> jpa.tx(em -> {
            NotificationEntity n = em.find(NotificationEntity.class, id);
            if (n == null || !n.recipient().equals(caller.username())) {
                throw new IllegalArgumentException("There is no such notification.");
            }
            if (n.readAt() == null) {
                n.readAt(now);
                announceAfterCommit(caller);
            }
            return n.toNotification();
        }));
        return result;
    }

    int markAllRead(Caller caller) {
        Access.requireCaller(caller);
        String now = UtcText.format(clock.instant());
        return unitOfWork.required(() -> {
            int count = jpa.tx(em -> em.createQuery("UPDATE NotificationEntity n "
                    + "SET n.readAt = :now, n.version = n.version + 1 WHERE n.recipient = :me AND n.readAt IS NULL")
                    .setParameter("now", now).setParameter("me", caller.username()).executeUpdate());
            if (count > 0) {
                announceAfterCommit(caller);
            }
            return count;
        });
    }

    private void announceAfterCommit(Caller caller) {
        Recipient me = new Recipient(caller.username(), caller.partnerId(), null);
        unitOfWork.afterCommit(() -> announce.accept(List.of(me)));
    }

    List<NotificationKind> kinds(Caller caller) {
        Access.requireCaller(caller);
        // partner users never get finance's work items, staff never their partners' status changes
        Set<String> irrelevant = caller.isPartner()
                ? Set.of(NotificationKind.CLAIM_WORK, NotificationKind.CLAIM_ESCALATION)
                : Set.of(NotificationKind.CLAIM_STATUS, NotificationKind.DISPUTE);
        List<NotificationKind> kinds = new ArrayList<>(NotificationKind.BUILT_IN.stream()
                .filter(k -> !irrelevant.contains(k.id())).toList());
        List<String> received = jpa.tx(em -> em.createQuery("SELECT DISTINCT n.kind FROM NotificationEntity n "
                + "WHERE n.recipient = :me", String.class).setParameter("me", caller.username()).getResultList());
        for (String kind : received.stream().sorted().toList()) {
            if (kinds.stream().noneMatch(k -> k.id().equals(kind))) {
                kinds.add(new NotificationKind(kind, kind));
            }
        }
        return kinds;
    }

    Map<String, Boolean> emailPreferences(Caller caller) {
        Access.requireCaller(caller);
        Map<String, Boolean> result = new LinkedHashMap<>();
        kinds(caller).forEach(k -> result.put(k.id(), true));
        Map<String, Boolean> stored = new HashMap<>();
        jpa.tx(em -> em.createQuery("SELECT p FROM PreferenceEntity p WHERE p.username = :me", PreferenceEntity.class)
                .setParameter("me", caller.username()).getResultList())
                .forEach(p -> stored.put(p.kind(), p.email()));
        result.putAll(stored);
        return result;
    }

    void setEmailPreference(Caller caller, String kind, boolean email) {
        Access.requireCaller(caller);
        if (kind == null || kind.isBlank() || kind.length() > 64) {
            throw new IllegalArgumentException("Unknown notification kind.");
        }
        unitOfWork.required(() -> {
            Boolean before = jpa.tx(em -> {
                PreferenceEntity p = em.find(PreferenceEntity.class, new PreferenceEntity.Key(caller.username(), kind));
                if (p == null) {
                    em.persist(new PreferenceEntity(caller.username(), kind, email));
                    return null;
                }
                boolean old = p.email();
                p.email(email);
                return old;
            });
            audit.append(new AuditEvent(caller.username(), "notification.preference-changed", "user",
                    caller.username(), before == null ? "" : "kind=" + kind + ", email=" + before,
                    "kind=" + kind + ", email=" + email));
            return null;
        });
    }
}
