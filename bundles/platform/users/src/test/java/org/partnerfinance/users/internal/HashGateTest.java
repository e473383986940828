package org.partnerfinance.users.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

public class HashGateTest {

    @Test
    public void neverMoreThanThePermitsRunAtOnceAndTheRestIsRefused() throws Exception {
        HashGate gate = new HashGate(2, Duration.ofMillis(20));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch bothIn = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> holders = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                holders.add(pool.submit(() -> gate.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    bothIn.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return "done";
                })));
            }
            bothIn.await();
            AtomicInteger ranThird = new AtomicInteger();
            assertNull("a third caller is refused after the wait", gate.run(ranThird::incrementAndGet));
            assertEquals("and its work did not run", 0, ranThird.get());
            release.countDown();
            for (Future<String> f : holders) {
                assertEquals("done", f.get());
            }
            assertEquals(2, most.get());
            assertEquals(2, gate.available());
            assertEquals("free again", Integer.valueOf(1), gate.run(() -> 1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aFailingWorkReleasesItsPermit() {
        HashGate gate = new HashGate(1, Duration.ZERO);
        try {
            gate.run(() -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("boom"));
        }
        assertEquals(1, gate.available());
    }
}
