package org.partnerfinance.users.internal;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.Test;

public class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(15), Duration.ofSeconds(30),
            Duration.ofMinutes(15));

    @Test
    public void fourFailuresAreStillAllowed() {
        for (int i = 0; i < 4; i++) {
            assertEquals(Duration.ZERO, throttle.failure("partner"));
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(Duration.ZERO, throttle.retryAfter("partner"));
    }

    @Test
    public void fifthFailureRefusesFor30SecondsThenDelaysDouble() {
        fail(4);
        assertEquals(Duration.ofSeconds(30), throttle.failure("partner"));
        assertEquals(Duration.ofSeconds(30), throttle.retryAfter("partner"));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(20), throttle.retryAfter("partner"));
        clock.advance(Duration.ofSeconds(20));
        assertEquals(Duration.ZERO, throttle.retryAfter("partner"));
        assertEquals(Duration.ofSeconds(60), throttle.failure("partner"));
        clock.advance(Duration.ofSeconds(60));
        assertEquals(Duration.ofSeconds(120), throttle.failure("partner"));
    }

    @Test
    public void delayIsCappedAt15Minutes() {
        fail(5);
        Duration last = Duration.ZERO;
        for (int i = 0; i < 12; i++) {
            clock.advance(throttle.retryAfter("partner"));
            last = throttle.failure("partner");
        }
        assertEquals(Duration.ofMinutes(15), last);
    }

    @Test
    public void successResetsTheCount() {
        fail(4);
        throttle.success("partner");
        for (int i = 0; i < 4; i++) {
            assertEquals("the count started again", Duration.ZERO, throttle.failure("partner"));
        }
        assertEquals(Duration.ofSeconds(30), throttle.failure("partner"));
    }

    @Test
    public void failuresOlderThanTheWindowStartAFreshSeries() {
        fail(4);
        clock.advance(Duration.ofMinutes(15));
        assertEquals("the old series expired", Duration.ZERO, throttle.failure("partner"));
        fail(3);
        assertEquals(Duration.ofSeconds(30), throttle.failure("partner"));
    }

    @Test
    public void theSeriesContinuesRightAfterARefusalPeriod() {
        fail(5);
        clock.advance(Duration.ofSeconds(30));
        clock.advance(Duration.ofMinutes(10)); // 10 minutes after the refusal ended: still the same series
        assertEquals(Duration.ofSeconds(60), throttle.failure("partner"));
    }

    @Test
    public void namesAreThrottledSeparately() {
        fail(5);
        assertEquals(Duration.ZERO, throttle.retryAfter("partner2"));
        assertEquals(Duration.ZERO, throttle.failure("partner2"));
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            throttle.failure("partner");
        }
    }
}
