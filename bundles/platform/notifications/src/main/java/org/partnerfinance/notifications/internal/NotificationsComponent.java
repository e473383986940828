package org.partnerfinance.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.claims.api.ClaimEvents;
import org.partnerfinance.documents.api.DocumentEvents;
import org.partnerfinance.notifications.api.Message;
import org.partnerfinance.notifications.api.Notification;
import org.partnerfinance.notifications.api.NotificationEvents;
import org.partnerfinance.notifications.api.NotificationKind;
import org.partnerfinance.notifications.api.Notifications;
import org.partnerfinance.notifications.api.Notifier;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifications service: opens the {@code notifications} unit, serves {@link Notifications} and {@link Notifier},
 * turns claim events (and dispute decisions) into notifications, and runs the e-mail sender while e-mail is configured
 * ({@link MailConfig}; a changed configuration replaces the sender without touching the inboxes).
 */
// immediate: the e-mail sender runs whether or not anybody holds the services at the moment
@Component(service = { Notifications.class, Notifier.class, EventHandler.class }, immediate = true,
        configurationPid = NotificationsComponent.PID,
        property = { EventConstants.EVENT_TOPIC + "=" + ClaimEvents.TOPIC,
                EventConstants.EVENT_TOPIC + "=" + DocumentEvents.TOPIC })
@Designate(ocd = MailConfig.class)
public final class NotificationsComponent implements Notifications, Notifier, EventHandler {

    static final String PID = "org.partnerfinance.notifications";
    static final String UNIT = "notifications";
    static final String MIGRATIONS = "db/notifications";
    static final List<String> ENTITIES = List.of(NotificationEntity.class.getName(), PreferenceEntity.class.getName(),
            OutboxEntity.class.getName());

    private static final Logger LOG = LoggerFactory.getLogger(NotificationsComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    private final Jpa jpa;
    private final UnitOfWork unitOfWork;
    private final NotificationStore store;
    private final Recipients recipients;
    private final ClaimNotifications claims;
    private volatile OutboxSender sender;

    @Activate
    public NotificationsComponent(@Reference PersistenceService persistence, @Reference UnitOfWork unitOfWork,
            @Reference AuditTrail audit, @Reference UserDirectory users, MailConfig config, BundleContext context) {
        this.unitOfWork = unitOfWork;
        this.jpa = persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), ENTITIES, MIGRATIONS));
        this.store = new NotificationStore(jpa, unitOfWork, audit, Clock.systemUTC(),
                () -> Optional.ofNullable(sender), this::announce);
        this.recipients = new Recipients(users);
        this.claims = new ClaimNotifications(recipients, store::notify);
        try {
            configure(config);
        } catch (RuntimeException e) {
            jpa.close();
            throw e;
        }
    }

    @Modified
    void modified(MailConfig config) {
        configure(config);
    }

    @Deactivate
    void deactivate() {
        OutboxSender running = sender;
        sender = null;
        if (running != null) {
            running.stop();
        }
        jpa.close();
    }

    private synchronized void configure(MailConfig config) {
        OutboxSender previous = sender;
        sender = null;
        if (previous != null) {
            previous.stop();
        }
        if (!config.mail_enabled()) {
            LOG.info("Notification e-mails are off (mail.enabled in etc/{}.cfg)", PID);
            return;
        }
        MailSettings settings = settings(config);
        OutboxSender next = new OutboxSender(jpa, unitOfWork, Clock.systemUTC(), settings, new SmtpMailer(settings));
        next.start();
        sender = next;
        LOG.info("Notification e-mails are sent through {}", settings);
    }

    static MailSettings settings(MailConfig c) {
        return new MailSettings(c.mail_host().trim(), c.mail_port(), c.mail_from().trim(), c.mail_starttls(),
                c.mail_user(), c._mail_password(), Duration.ofSeconds(Math.max(1, c.mail_timeout_seconds())),
                c.retry_max_attempts(), Duration.ofSeconds(Math.max(1, c.retry_first_seconds())),
                Duration.ofMinutes(Math.max(1, c.retry_max_minutes())), Duration.ofSeconds(Math.max(1,
                        c.poll_seconds())), c.portal_url());
    }

    /** Posts {@link NotificationEvents} for every changed inbox (after the commit). */
    private void announce(Collection<Recipient> changed) {
        EventAdmin admin = eventAdmin;
        if (admin == null) {
            return;
        }
        for (Recipient r : changed) {
            Map<String, Object> properties = new HashMap<>();
            properties.put(NotificationEvents.RECIPIENT, r.username());
            if (r.partnerId() != null) {
                properties.put(NotificationEvents.PARTNER, r.partnerId());
            }
            admin.postEvent(new Event(NotificationEvents.TOPIC, properties));
        }
    }

    // ---------------------------------------------------------------------------------------------- events

    @Override
    public void handleEvent(Event event) {
        Map<String, Object> properties = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            properties.put(name, event.getProperty(name));
        }
        try {
            if (ClaimEvents.TOPIC.equals(event.getTopic())) {
                claims.handle(properties);
            } else if (DocumentEvents.TOPIC.equals(event.getTopic())) {
                dispute(properties);
            }
        } catch (RuntimeException e) {
            // never disturb Event Admin's delivery to other handlers; the change itself has committed
            LOG.error("Notifications for event {} {} failed", event.getTopic(), properties, e);
        }
    }

    /** A decided dispute: the partner's users are told, without the decision's reasons (they are in the dispute). */
    private void dispute(Map<String, Object> event) {
        Object action = event.get(DocumentEvents.ACTION);
        Object partner = event.get(DocumentEvents.PARTNER);
        if (partner == null || !("dispute.accepted".equals(action) || "dispute.rejected".equals(action))) {
            return;
        }
        boolean accepted = "dispute.accepted".equals(action);
        Message message = new Message(NotificationKind.DISPUTE,
                accepted ? "A dispute was accepted" : "A dispute was rejected",
                accepted ? "Finance accepted one of your disputes; a credit note follows. Open your documents to see it."
                        : "Finance rejected one of your disputes. Open your documents to see the reason.",
                "documents");
        store.notify(recipients.byRoles(Set.of(Role.PARTNER_USER, Role.PARTNER_ADMIN), partner.toString(), null),
                message);
    }

    // ---------------------------------------------------------------------------------------------- Notifier

    @Override
    public int notifyUsers(Collection<String> usernames, Message message) {
        return store.notify(recipients.byName(usernames), message);
    }

    @Override
    public int notifyRoles(Set<Role> roles, String partnerId, String except, Message message) {
        return store.notify(recipients.byRoles(roles, partnerId, except), message);
    }

    // ---------------------------------------------------------------------------------------------- Notifications

    @Override
    public List<Notification> inbox(Caller caller, int offset, int limit) {
        return store.inbox(caller, offset, limit);
    }

    @Override
    public long unreadCount(Caller caller) {
        return store.unreadCount(caller);
    }

    @Override
    public Notification markRead(Caller caller, long id) {
        return store.markRead(caller, id);
    }

    @Override
    public int markAllRead(Caller caller) {
        return store.markAllRead(caller);
    }

    @Override
    public List<NotificationKind> kinds(Caller caller) {
        return store.kinds(caller);
    }

    @Override
    public Map<String, Boolean> emailPreferences(Caller caller) {
        return store.emailPreferences(caller);
    }

    @Override
    public void setEmailPreference(Caller caller, String kind, boolean email) {
        store.setEmailPreference(caller, kind, email);
    }

    @Override
    public boolean mailEnabled() {
        return sender != null;
    }
}
