package org.partnerfinance.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.Test;
import org.partnerfinance.security.api.ApiToken;

public class ApiTokensViewTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T10:15:30Z");

    private static ApiToken token(Instant expires) {
        return new ApiToken("a1", "pu", "script", "pf_AbCdEf", CREATED, "pu", null, expires, null);
    }

    @Test
    public void aTokenChosenToExpireAfterADayWorksThroughThatDay() {
        assertEquals(Instant.parse("2026-04-01T00:00:00Z"), ApiTokensView.expiresAt(LocalDate.of(2026, 3, 31)));
        assertNull(ApiTokensView.expiresAt(null));
    }

    @Test
    public void expiryIsShownToTheMinuteAndSaysWhenItHasPassed() {
        Instant end = Instant.parse("2026-04-01T00:00:00Z");
        assertEquals("never", ApiTokensView.expires(token(null), CREATED));
        assertEquals("2026-04-01 00:00 UTC", ApiTokensView.expires(token(end), CREATED));
        assertEquals("expired 2026-04-01 00:00 UTC", ApiTokensView.expires(token(end), end));
        assertEquals("2026-03-01 10:15 UTC", ApiTokensView.minute(CREATED));
    }
}
