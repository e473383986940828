package org.partnerfinance.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;

import com.microsoft.playwright.Page;

/**
 * A partner user creates an API token from the header (shown once, with a clear "copy it now"), uses it against the
 * REST API, sees it listed without its secret, and revokes it after confirming; the API refuses it from then on.
 */
public class ApiTokensE2E {

    @ClassRule
    public static final RunningPortal PORTAL = RunningPortal.shared();

    @Rule
    public final BrowserSessions sessions = new BrowserSessions(PORTAL);

    @Test
    public void aPartnerCreatesUsesAndRevokesAToken() throws Exception {
        Page page = sessions.signIn("partner");
        page.locator("#api-tokens-link").click();
        page.locator("#api-tokens").waitFor();

        page.locator("#token-create").click();
        assertThat(page.locator("#token-error")).containsText("Give the token a name");

        String name = "e2e-" + Long.toString(System.nanoTime(), 36);
        page.locator("#token-name input").fill(name);
        page.locator("#token-create").click();
        assertThat(page.locator("#api-token-once")).containsText("only time the token is shown");
        String secret = page.locator("#api-token-secret").textContent().strip();
        assertTrue(secret, secret.matches("pf_[A-Za-z0-9_-]{43}"));
        page.locator("#api-token-done").click();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest me = HttpRequest.newBuilder(URI.create(PORTAL.baseUrl().replaceAll("/$", "") + "/api/v1/me"))
                .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> answer = http.send(me, HttpResponse.BodyHandlers.ofString());
        assertEquals(answer.body(), 200, answer.statusCode());
        assertTrue(answer.body(), answer.body().contains("\"username\":\"partner\""));

        assertThat(page.locator("#token-grid")).containsText(name);
        assertThat(page.locator("#token-grid")).containsText(secret.substring(0, 9) + "…");
        assertThat(page.locator("#token-grid")).not().containsText(secret);

        page.locator("#token-grid vaadin-button:has-text('Revoke')").first().click();
        page.locator("#token-revoke-confirm").click();
        // its only token revoked, the view says there are none (the grid is hidden)
        assertThat(page.locator("#token-empty")).isVisible();
        assertThat(page.locator("#token-grid")).isHidden();
        assertEquals(401, http.send(me, HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
