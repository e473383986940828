package org.partnerfinance.ui.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

public class SessionCookiesTest {

    @Test
    public void missingFlagsAreAdded() {
        assertEquals("JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax",
                SessionCookies.withFlags("JSESSIONID=abc; Path=/", false));
        assertEquals("JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax; Secure",
                SessionCookies.withFlags("JSESSIONID=abc; Path=/", true));
    }

    @Test
    public void presentFlagsAreKept() {
        String strict = "JSESSIONID=abc; Path=/; Secure; HttpOnly; SameSite=Strict";
        assertEquals(strict, SessionCookies.withFlags(strict, true));
        // a cookie whose name or value spells a flag does not count as the flag
        assertEquals("secure=httponly; HttpOnly; SameSite=Lax; Secure",
                SessionCookies.withFlags("secure=httponly", true));
    }

    @Test
    public void everySetCookieHeaderOfTheResponseIsCompleted() {
        FakeHttp.Response response = new FakeHttp.Response();
        response.proxy().addHeader("Set-Cookie", "JSESSIONID=abc; Path=/");
        response.proxy().addHeader("Set-Cookie", "other=1; HttpOnly; SameSite=Strict");
        SessionCookies.complete(response.proxy(), false);
        assertEquals(List.of("JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax", "other=1; HttpOnly; SameSite=Strict"),
                response.headers.get("set-cookie"));
    }
}
