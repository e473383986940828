package org.partnerfinance.claims.rules.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.claims.rules.api.DeadlineExtensions;
import org.partnerfinance.claims.rules.api.ExtensionRequest;
import org.partnerfinance.claims.rules.api.ExtensionStatus;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;

/** The finance queue: what it calls on the service and how it shows the service's refusals. */
public class ExtensionQueueViewTest {

    private static final Caller REVIEWER = new Caller("reviewer", null, Set.of(Role.FINANCE_REVIEWER), null);
    private static final ExtensionRequest WAITING = new ExtensionRequest(3, 7L, "CLM-000007", "P-1001", "expense",
            LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30), "Late hotel invoice", ExtensionStatus.REQUESTED, null, null, "partner",
            Instant.parse("2026-05-01T10:00:00Z"), null, null, 0);

    private final List<String> calls = new ArrayList<>();
    private final List<String> notifications = new ArrayList<>();
    private RuntimeException failure;
    private UI ui;

    @Before
    public void setUp() {
        ui = new UI();
        VaadinSession session = new VaadinSession(null) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean hasLock() {
                return true;
            }

            @Override
            public void checkHasLock(String message) {
            }

            @Override
            public void checkHasLock() {
            }
        };
        ui.getInternals().setSession(session);
        UI.setCurrent(ui);
    }

    @After
    public void tearDown() {
        UI.setCurrent(null);
    }

    @Test
    public void grantingSendsTheChosenDateAndVersion() {
        ExtensionQueueView view = view();
        select(view);
        LocalDate until = LocalDate.now().plusDays(ExtensionQueueView.DEFAULT_DAYS);
        this.<Button>find(view, "extension-grant").click();
        assertEquals(List.of("grant 3 v0 until " + until), calls);
        assertEquals(List.of("Extension for CLM-000007 granted until " + until + "."), notifications);
    }

    @Test
    public void refusalsShowTheServiceMessageAndAConcurrentDecisionIsExplained() {
        ExtensionQueueView view = view();
        select(view);
        failure = new IllegalArgumentException("Tell the partner why the extension is refused.");
        this.<Button>find(view, "extension-refuse").click();
        assertEquals("Tell the partner why the extension is refused.", this.<Span>find(view, "extension-error")
                .getText());

        failure = new ConcurrentChangeException("optimistic lock on ExtensionRequestEntity#3", null);
        this.<TextArea>find(view, "extension-refusal").setValue("Too late.");
        this.<Button>find(view, "extension-refuse").click();
        assertEquals(Texts.CONCURRENT_CHANGE, this.<Span>find(view, "extension-error").getText());
        assertTrue(notifications.isEmpty());
    }

    @Test
    public void unexpectedFailuresShowNoInternals() {
        assertEquals(Texts.UNEXPECTED, Texts.messageOf(new IllegalStateException("EntityManagerFactory closed")));
    }

    @SuppressWarnings("unchecked")
    private void select(ExtensionQueueView view) {
        Grid<ExtensionRequest> grid = find(view, "extension-queue");
        grid.asSingleSelect().setValue(WAITING);
    }

    private ExtensionQueueView view() {
        DeadlineExtensions service = new DeadlineExtensions() {
            @Override
            public ExtensionRequest request(Caller caller, long claimId, String reason) {
                throw new AssertionError("not used");
            }

            @Override
            public ExtensionRequest request(Caller caller, String typeId, LocalDate activityDate, String reason) {
                throw new AssertionError("not used");
            }

            @Override
            public ExtensionRequest grant(Caller caller, long requestId, long expectedVersion, LocalDate until,
                    String note) {
                fail();
                calls.add("grant " + requestId + " v" + expectedVersion + " until " + until);
                return WAITING;
            }

            @Override
            public ExtensionRequest refuse(Caller caller, long requestId, long expectedVersion, String reason) {
                fail();
                calls.add("refuse " + requestId + " " + reason);
                return WAITING;
            }

            @Override
            public List<ExtensionRequest> forPartner(Caller caller, String partnerId) {
                return List.of();
            }

            @Override
            public List<ExtensionRequest> waiting(Caller caller) {
                return List.of(WAITING);
            }

            @Override
            public List<ExtensionRequest> forClaim(Caller caller, long claimId) {
                return List.of();
            }

            private void fail() {
                if (failure != null) {
                    throw failure;
                }
            }
        };
        LiveUpdates live = new LiveUpdates() {
            @Override
            public void publish(String topic, String partnerId) {
            }

            @Override
            public Registration subscribe(Component view, String topic, Predicate<String> partners,
                    Runnable refresh) {
                return () -> { };
            }
        };
        ScreenContext context = new ScreenContext() {
            @Override
            public Caller caller() {
                return REVIEWER;
            }

            @Override
            public UI ui() {
                return ui;
            }

            @Override
            public Map<String, List<String>> queryParameters() {
                return Map.of();
            }

            @Override
            public void navigate(String pathAndQuery) {
            }

            @Override
            public void notify(String message, boolean error) {
                notifications.add(message);
            }
        };
        return new ExtensionQueueView(context, service, live);
    }

    @SuppressWarnings("unchecked")
    private <T extends Component> T find(Component root, String id) {
        return (T) descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id));
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ExtensionQueueViewTest::descendants));
    }
}
