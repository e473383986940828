package org.partnerfinance.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: every e-mail that is due is leased (so that another node skips it), sent outside any
 * transaction, then marked sent, or failed with the next attempt after a growing backoff. It runs on its own thread,
 * woken after each commit that wrote e-mails and every {@code poll} for retries and for rows other nodes wrote. A
 * failing mail server costs only retries here: business calls never wait for it and no e-mail is lost (after the last
 * attempt it stays in the outbox as FAILED, with its error).
 */
final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    /** How long a node may take to send one leased e-mail before another may try it. */
    static final Duration LEASE = Duration.ofMinutes(5);
    private static final int BATCH = 20;

    private final Jpa jpa;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final MailSettings settings;
    private final SmtpMailer mailer;
    private final MailText text;
    private ScheduledExecutorService executor;

    OutboxSender(Jpa jpa, UnitOfWork unitOfWork, Clock clock, MailSettings settings, SmtpMailer mailer) {
        this.jpa = jpa;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.settings = settings;
        this.mailer = mailer;
        this.text = new MailText(settings.portalUrl());
    }

    MailText text() {
        return text;
    }

    MailSettings settings() {
        return settings;
    }

    /** Starts the sender thread (the portal); unit tests call {@link #drain()} themselves instead. */
    synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pf-notifications-mail");
            t.setDaemon(true);
            return t;
        });
        long poll = Math.max(1, settings.poll().toMillis());
        executor.scheduleWithFixedDelay(this::drainSafely, 0, poll, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    /** Asks the sender thread to look at the outbox now (after a commit that wrote e-mails). */
    synchronized void wake() {
        if (executor != null) {
            try {
                executor.execute(this::drainSafely);
            } catch (RejectedExecutionException e) {
                LOG.debug("Mail sender stopped; the outbox is sent when it runs again");
            }
        }
    }

    private void drainSafely() {
        try {
            drain();
        } catch (RuntimeException e) {
            // the database may be away for a moment: the next poll tries again
            LOG.warn("Sending the notification outbox failed; retrying at the next poll", e);
        }
    }

    /** One leased e-mail, read inside the lease's transaction. */
    private record Leased(long id, String address, String subject, String body) {
    }

    /**
     * Sends every e-mail that is due now.
     *
     * @return how many were sent
     */
    int drain() {
        int sent = 0;
        while (true) {
            String now = UtcText.format(clock.instant());
            List<Long> due = jpa.tx(em -> em.createQuery("SELECT o.id FROM OutboxEntity o WHERE o.status = :pending "
                    + "AND o.nextAttemptAt <= :now ORDER BY o.id", Long.class)
                    .setParameter("pending", OutboxEntity.PENDING).setParameter("now", now)
                    .setMaxResults(BATCH).getResultList());
            if (due.isEmpty()) {
                return sent;
            }
            for (long id : due) {
                Leased leased = lease(id);
                if (leased != null && send(leased)) {
                    sent++;
                }
            }
        }
    }

    private Leased lease(long id) {
        Instant now = clock.instant();
        try {
            return unitOfWork.required(() -> jpa.tx(em -> {
                OutboxEntity o = em.find(OutboxEntity.class, id);
                if (o == null || !OutboxEntity.PENDING.equals(o.status())
                        || o.nextAttemptAt().compareTo(UtcText.format(now)) > 0) {
                    return null;
                }
                o.lease(UtcText.format(now.plus(LEASE)));
                return new Leased(id, o.address(), o.subject(), o.body());
            }));
        } catch (ConcurrentChangeException e) {
            LOG.debug("E-mail {} of the outbox is being sent by another node", id);
            return null;
        }
    }

    private boolean send(Leased leased) {
        String error;
        try {
            mailer.send(leased.address(), leased.subject(), leased.body());
            error = null;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        String failure = error;
        Instant now = clock.instant();
        unitOfWork.required(() -> jpa.tx(em -> {
            OutboxEntity o = em.find(OutboxEntity.class, leased.id());
            if (failure == null) {
                o.sent(UtcText.format(now));
            } else {
                boolean giveUp = o.attempts() + 1 >= settings.maxAttempts();
                o.failed(failure, UtcText.format(now.plus(settings.backoff(o.attempts() + 1))), giveUp);
                if (giveUp) {
                    LOG.error("E-mail {} to {} failed {} times; kept in the outbox as FAILED: {}", leased.id(),
                            leased.address(), o.attempts(), failure);
                } else {
                    LOG.warn("E-mail {} to {} not sent (attempt {}), next attempt at {}: {}", leased.id(),
                            leased.address(), o.attempts(), o.nextAttemptAt(), failure);
                }
            }
            return null;
        }));
        return failure == null;
    }
}
