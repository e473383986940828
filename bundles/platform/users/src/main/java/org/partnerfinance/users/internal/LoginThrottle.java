package org.partnerfinance.users.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;

import org.partnerfinance.persistence.api.Jpa;

/**
 * Throttles sign-ins per key (a user name or a source address), in the database so that it holds across restarts and
 * nodes. After {@code maxFailures} consecutive failures of a key further attempts are refused for
 * {@code initialDelay}, doubled by every further failure up to {@code maxDelay}. Failures are consecutive while each
 * follows the previous one (or the end of the refusal period) within {@code window}. Rows whose series is over are
 * pruned now and then, so guessing random names does not grow the table without bound.
 */
final class LoginThrottle {

    /** Throttling settings for one kind of key. */
    record Rule(int maxFailures, Duration window, Duration initialDelay, Duration maxDelay) {
        Rule {
            if (maxFailures < 1 || window.isNegative() || window.isZero() || initialDelay.isNegative()
                    || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("Invalid login throttling settings");
            }
        }
    }

    static final int MAX_KEY = 200;
    /** Every this many recorded failures (per instance) expired rows are deleted. */
    private static final int PRUNE_EVERY = 200;

    private final Jpa jpa;
    private final Clock clock;
    private final AtomicInteger untilPrune = new AtomicInteger(PRUNE_EVERY);

    LoginThrottle(Jpa jpa, Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    static String userKey(String username) {
        return cap("u:" + username);
    }

    static String addressKey(String address) {
        return cap("a:" + (address == null || address.isBlank() ? "unknown" : address.trim()));
    }

    private static String cap(String key) {
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }

    /** How long attempts of this key are still refused; zero if they are allowed. */
    Duration retryAfter(String key) {
        Instant now = clock.instant();
        return jpa.tx(em -> {
            ThrottleEntity row = em.find(ThrottleEntity.class, key);
            Instant until = row == null ? null : UtcText.parse(row.lockedUntil());
            return until != null && now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
        });
    }

    /**
     * Records a failure of the key inside the current unit of work; returns the refusal period it starts (zero while
     * the key is below the limit).
     */
    Duration failure(String key, Rule rule) {
        Instant now = clock.instant();
        Duration delay = jpa.tx(em -> {
            ThrottleEntity row = em.find(ThrottleEntity.class, key);
            boolean fresh = row == null;
            if (fresh) {
                row = new ThrottleEntity(key);
            }
            int failures = fresh || seriesOver(row, now, rule.window()) ? 1 : row.failures() + 1;
            Duration d = failures < rule.maxFailures() ? Duration.ZERO
                    : delayFor(failures - rule.maxFailures(), rule);
            Instant lockedUntil = d.isZero() ? null : now.plus(d);
            Instant last = lockedUntil == null ? now : lockedUntil;
            row.update(failures, UtcText.format(now), UtcText.format(lockedUntil),
                    UtcText.format(last.plus(rule.window())));
            if (fresh) {
                em.persist(row);
            }
            return d;
        });
        if (untilPrune.decrementAndGet() <= 0) {
            untilPrune.set(PRUNE_EVERY);
            prune();
        }
        return delay;
    }

    /** Forgets the key's failures (a successful sign-in of a user name, an unlock by an administrator). */
    void clear(String key) {
        jpa.tx(em -> em.createQuery("DELETE FROM ThrottleEntity t WHERE t.throttleKey = :key")
                .setParameter("key", key).executeUpdate());
    }

    /** The keys with the given prefix whose attempts are refused at the moment. */
    Set<String> lockedKeys(String prefix) {
        String now = UtcText.format(clock.instant());
        List<String> keys = jpa.tx(em -> em.createQuery(
                "SELECT t.throttleKey FROM ThrottleEntity t WHERE t.throttleKey LIKE :prefix AND t.lockedUntil > :now", String.class)
                .setParameter("prefix", prefix + "%").setParameter("now", now).getResultList());
        return new HashSet<>(keys);
    }

    /** Deletes rows whose failure series is over. */
    int prune() {
        String now = UtcText.format(clock.instant());
        return jpa.tx((EntityManager em) -> em.createQuery("DELETE FROM ThrottleEntity t WHERE t.expiresAt <= :now")
                .setParameter("now", now).executeUpdate());
    }

    private static boolean seriesOver(ThrottleEntity row, Instant now, Duration window) {
        Instant last = UtcText.parse(row.lastFailure());
        Instant locked = UtcText.parse(row.lockedUntil());
        if (locked != null && (last == null || locked.isAfter(last))) {
            last = locked;
        }
        return last == null || !now.isBefore(last.plus(window));
    }

    private static Duration delayFor(int extraFailures, Rule rule) {
        Duration d = rule.initialDelay();
        for (int i = 0; i < extraFailures && d.compareTo(rule.maxDelay()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(rule.maxDelay()) > 0 ? rule.maxDelay() : d;
    }
}
