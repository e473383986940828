package org.partnerfinance.e2e;

import java.time.Duration;

/**
 * A point in time by which a condition outside the browser (a process, a port, an HTTP answer) must hold. Waiting
 * inside the browser uses Playwright's own waits instead.
 */
public final class Deadline {

    /** How long {@link #pause(String)} waits between two checks of an external condition. */
    private static final long POLL_MILLIS = 50;

    private final long end;
    private final Duration timeout;

    private Deadline(Duration timeout) {
        this.timeout = timeout;
        this.end = System.nanoTime() + timeout.toNanos();
    }

    public static Deadline in(Duration timeout) {
        return new Deadline(timeout);
    }

    public boolean passed() {
        return System.nanoTime() - end >= 0;
    }

    /**
     * Waits a moment before the caller checks its condition again; throws with the message when the deadline has
     * passed.
     */
    public void pause(String failure) {
        if (passed()) {
            throw new AssertionError(failure + " (waited " + timeout.toSeconds() + " s)");
        }
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting: " + failure, e);
        }
    }
}
