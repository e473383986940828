package org.partnerfinance.widget.systemhealth.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.HeadSignature;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.extensions.api.ExtensionInfo;
import org.partnerfinance.extensions.api.ExtensionKind;
import org.partnerfinance.widget.systemhealth.internal.SystemHealth.AuditState;
import org.partnerfinance.widget.systemhealth.internal.SystemHealth.Severity;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

public class SystemHealthTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static Verification verification(boolean intact) {
        return new Verification(NOW.minusSeconds(60), intact, 10, intact ? -1 : 4, 10,
                HeadSignature.VALID, 0,
                intact ? "The audit trail is intact." : "The audit trail is broken at record 4: changed.");
    }

    private static AuditRecord failure(int i, Instant at) {
        return new AuditRecord(i, at, new AuditEvent("anonymous", SystemHealth.SIGNIN_FAILED, "user", "paula", "",
                "address=203.0.113.7"), "0".repeat(64), "1".repeat(64));
    }

    @Test
    public void theBadgeFollowsTheLastVerification() {
        assertEquals(AuditState.INTACT,
                SystemHealth.of(true, Optional.of(verification(true)), List.of(), List.of(), NOW).audit());
        assertEquals(List.of(), SystemHealth.of(true, Optional.of(verification(true)), List.of(), List.of(), NOW)
                .alerts());

        SystemHealth broken = SystemHealth.of(true, Optional.of(verification(false)), List.of(), List.of(), NOW);
        assertEquals(AuditState.BROKEN, broken.audit());
        assertEquals(List.of("badge", "error"), broken.audit().badgeTheme());
        assertEquals(Severity.ERROR, broken.alerts().get(0).severity());
        assertTrue(broken.alerts().get(0).text().contains("broken at record 4"));

        SystemHealth fresh = SystemHealth.of(true, Optional.empty(), List.of(), List.of(), NOW);
        assertEquals(AuditState.NOT_VERIFIED, fresh.audit());
        assertEquals(Severity.INFO, fresh.alerts().get(0).severity());

        SystemHealth missing = SystemHealth.of(false, Optional.empty(), List.of(), List.of(), NOW);
        assertEquals(AuditState.UNAVAILABLE, missing.audit());
        assertEquals(Severity.ERROR, missing.alerts().get(0).severity());
    }

    @Test
    public void manyFailedSignInsWithinADayAreAnAlertAndEachShowsUserAndAddress() {
        List<AuditRecord> failures = new ArrayList<>();
        for (int i = 0; i < SystemHealth.FAILURE_ALERT_THRESHOLD - 1; i++) {
            failures.add(failure(i + 1, NOW.minusSeconds(600 + i)));
        }
        failures.add(failure(99, NOW.minus(SystemHealth.FAILURE_WINDOW).minusSeconds(1)));
        SystemHealth quiet = SystemHealth.of(true, Optional.of(verification(true)), List.of(), failures, NOW);
        assertEquals("old failures do not count", List.of(), quiet.alerts());
        assertEquals("paula", quiet.signInFailures().get(0).user());
        assertEquals("address=203.0.113.7", quiet.signInFailures().get(0).details());

        failures.add(0, failure(100, NOW.minusSeconds(5)));
        SystemHealth noisy = SystemHealth.of(true, Optional.of(verification(true)), List.of(), failures, NOW);
        assertEquals(1, noisy.alerts().size());
        assertEquals(Severity.WARNING, noisy.alerts().get(0).severity());
        assertTrue(noisy.alerts().get(0).text(), noisy.alerts().get(0).text().startsWith("5 failed sign-ins"));
    }

    @Test
    public void contributionsAreFoldedPerExtension() {
        List<SystemHealth.Extension> x = SystemHealth.extensions(List.of(
                new ExtensionInfo("expense", "Expense", ExtensionKind.SCREEN, "claims/expense", "b 1", false),
                new ExtensionInfo("expense", "Expense", ExtensionKind.CLAIM_TYPE, "Expense", "b 1", false),
                new ExtensionInfo("widget.my-claims", "My claims", ExtensionKind.WIDGET, "My claims", "c 1", true)));
        assertEquals(List.of(new SystemHealth.Extension("expense", "Expense", "claim-type, screen", false),
                new SystemHealth.Extension("widget.my-claims", "My claims", "widget", true)), x);
    }

    @Test
    public void integratorsSeeAnHonestEmptyStateOrTheirConnectors() {
        List<ExtensionInfo> none = List.of(
                new ExtensionInfo("widget.my-claims", "My claims", ExtensionKind.WIDGET, "My claims", "c 1", true));
        assertTrue(texts(ConnectorsWidget.card(none, id -> ConnectorsWidget.NO_RUNS)).contains(ConnectorsWidget.EMPTY));

        List<ExtensionInfo> some = List.of(none.get(0),
                new ExtensionInfo("erp.acme", "Acme ERP", ExtensionKind.CONNECTOR, "invoices in", "acme 1.0", false));
        List<String> texts = texts(ConnectorsWidget.card(some, id -> ConnectorsWidget.NO_RUNS));
        assertTrue(texts.toString(), texts.contains("OFF"));
        assertTrue(texts.toString(), texts.contains("Acme ERP (erp.acme): invoices in"));
        assertTrue(texts.toString(), texts.contains(ConnectorsWidget.NO_RUNS));
        assertTrue(texts.toString(), !texts.contains(ConnectorsWidget.EMPTY));
    }

    private static List<String> texts(Component root) {
        List<String> texts = new ArrayList<>();
        collect(root, texts);
        return texts;
    }

    private static void collect(Component c, List<String> texts) {
        if (c instanceof Span s) {
            texts.add(s.getText());
        }
        c.getChildren().forEach(child -> collect(child, texts));
    }
}
