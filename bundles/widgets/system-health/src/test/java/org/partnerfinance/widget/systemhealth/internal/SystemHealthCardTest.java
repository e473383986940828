package org.partnerfinance.widget.systemhealth.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.api.HeadSignature;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.extensions.api.ExtensionInfo;
import org.partnerfinance.extensions.api.ExtensionKind;
import org.partnerfinance.extensions.api.ExtensionRegistry;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;

/** The administrators' card on the server side, with stand-ins for the audit trail and the registry. */
public class SystemHealthCardTest {

    private static final Caller ADMIN = new Caller("admin", null, Set.of(Role.ADMINISTRATOR), null);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final AtomicReference<Verification> last = new AtomicReference<>();
    private final List<String> calls = new ArrayList<>();

    private AuditTrail audit(Verification onVerify) {
        return (AuditTrail) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditTrail.class},
                (proxy, method, args) -> {
                    calls.add(method.getName() + " " + ((Caller) args[0]).username());
                    return switch (method.getName()) {
                        case "lastVerification" -> Optional.ofNullable(last.get());
                        case "recentByAction" -> List.<AuditRecord>of();
                        case "verify" -> {
                            last.set(onVerify);
                            yield onVerify;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    private static ExtensionRegistry registry() {
        return () -> List.of(new ExtensionInfo("expense", "Expense", ExtensionKind.CLAIM_TYPE, "Expense", "b 1", false));
    }

    @Test
    public void showsTheBadgeOfTheLastVerificationAndVerifiesOnRequest() {
        Verification broken = new Verification(NOW, false, 7, -1, 7, HeadSignature.INVALID, 0,
                "The head (record 7) does not carry a valid signature.");
        SystemHealthCard card = new SystemHealthCard(ADMIN, () -> Optional.of(audit(broken)), registry(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals("Not verified yet", this.<Span>find(card, "widget-system-health-audit").getText());
        assertTrue(texts(card).contains("OFF"));

        this.<Button>find(card, "widget-system-health-verify").click();

        assertEquals("Audit trail BROKEN", this.<Span>find(card, "widget-system-health-audit").getText());
        assertTrue(texts(card).stream().anyMatch(t -> t.startsWith("Audit trail broken: The head (record 7)")));
        assertTrue(calls.toString(), calls.contains("verify admin"));
        // people read minutes in UTC, not an ISO instant with nanoseconds
        assertTrue(texts(card).toString(),
                texts(card).stream().anyMatch(t -> t.startsWith("Last verification 2026-03-01 12:00 UTC: 7 records")));
    }

    @Test
    public void aMissingAuditTrailIsAnAlert() {
        SystemHealthCard card = new SystemHealthCard(ADMIN, Optional::empty, registry(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals("Audit trail unavailable", this.<Span>find(card, "widget-system-health-audit").getText());
        assertTrue(texts(card).stream().anyMatch(t -> t.startsWith("The audit trail service is not available")));
    }

    @SuppressWarnings("unchecked")
    private <T extends Component> T find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return (T) root;
        }
        return root.getChildren().map(c -> (T) findOrNull(c, id)).filter(c -> c != null).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id));
    }

    @SuppressWarnings("unchecked")
    private <T extends Component> T findOrNull(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return (T) root;
        }
        for (Component c : root.getChildren().toList()) {
            T found = findOrNull(c, id);
            if (found != null) {
                return found;
            }
        }
        return null;
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
