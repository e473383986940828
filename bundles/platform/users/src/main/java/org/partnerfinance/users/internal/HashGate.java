package org.partnerfinance.users.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Caps how many password hashes are computed at once, so that a flood of sign-ins cannot take every core: a sign-in
 * waits a short, bounded time for a permit and is otherwise answered "busy" without hashing.
 */
final class HashGate {

    private final Semaphore permits;
    private final long waitNanos;

    HashGate(int permits, Duration wait) {
        if (permits < 1 || wait.isNegative()) {
            throw new IllegalArgumentException("Invalid hash concurrency settings");
        }
        this.permits = new Semaphore(permits, true);
        this.waitNanos = wait.toNanos();
    }

    /** The default number of concurrent hashes: one per core. */
    static int defaultPermits() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs the work when a permit is free within the wait; returns {@code null} without running it otherwise.
     *
     */
    <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (!acquired) {
            return null;
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    int available() {
        return permits.availablePermits();
    }
}
