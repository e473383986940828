package org.partnerfinance.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import org.junit.Test;

public class SessionRulesTest {

    @Test
    public void theDefaultsAreThirtyMinutesIdleAndTwelveHoursInAll() {
        SessionRules rules = SessionRules.of(Configs.http(30, 720, new String[0], 25));
        assertEquals(Duration.ofMinutes(30), rules.idle());
        assertEquals(1800, rules.idleSeconds());
        assertEquals(Duration.ofHours(12), rules.lifetime());
    }

    @Test
    public void aSessionOutlivesItsLifetimeExactlyWhenItEnds() {
        SessionRules rules = new SessionRules(Duration.ofMinutes(30), Duration.ofHours(12));
        long created = 1_000_000L;
        assertFalse(rules.outlived(created, created));
        assertFalse(rules.outlived(created, created + Duration.ofHours(12).toMillis() - 1));
        assertTrue(rules.outlived(created, created + Duration.ofHours(12).toMillis()));
    }

    @Test
    public void aConfigurationBelowOneMinuteCountsAsOneMinute() {
        SessionRules rules = SessionRules.of(Configs.http(0, -5, new String[0], 25));
        assertEquals(Duration.ofMinutes(1), rules.idle());
        assertEquals(Duration.ofMinutes(1), rules.lifetime());
    }

    @Test
    public void timeoutsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SessionRules(Duration.ZERO, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new SessionRules(Duration.ofMinutes(1),
                Duration.ofMinutes(-1)));
    }

    @Test
    public void theExpiredSessionGoesToTheSignInPageOfTheContext() {
        assertEquals("/login?expired", SessionExpiry.loginUrl(""));
        assertEquals("/login?expired", SessionExpiry.loginUrl("/"));
        assertEquals("/portal/login?expired", SessionExpiry.loginUrl("/portal"));
    }
}
