package org.partnerfinance.connector.camt.internal.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.connector.camt.BankEntryView;
import org.partnerfinance.connector.camt.EntryStatus;
import org.partnerfinance.connector.camt.ReconciliationQueue;
import org.partnerfinance.connector.camt.Suggestion;
import org.partnerfinance.connector.camt.SuggestionKind;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;

/** The reconciliation screen: what it calls on the queue and how it shows the queue's refusals. */
public class ReconciliationViewTest {

    private static final Caller FINANCE = new Caller("fin", null, Set.of(Role.FINANCE_REVIEWER), null);
    private static final Money EUR_238 = new Money(new BigDecimal("238.00"), Currency.getInstance("EUR"));
    private static final BankEntryView WAITING = new BankEntryView(7, "camt.053", "STMT-1", 2, 0, EUR_238, true,
            LocalDate.of(2026, 11, 2), null, "BANK-2", null, null, "<b>Someone</b> Ltd", null, "thanks", EntryStatus.OPEN,
            null, null, null, Instant.parse("2026-11-02T18:00:00Z"), List.of(new Suggestion(1,
                    SuggestionKind.DOCUMENT, 42, "P-1", "Nordwind · receivable INV-9 (open 238.00)", EUR_238, 30,
                    "amount 238.00")), 3);

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
    public void matchingASuggestionSendsItsTargetAndTheVersionSeen() {
        ReconciliationView view = view();
        select(view);
        this.<Button>find(view, "match-7-1").click();
        assertEquals(List.of("match 7 v3 DOCUMENT 42"), calls);
        assertEquals(List.of("Matched: the payment is confirmed."), notifications);
    }

    @Test
    public void aDismissalSendsTheReasonAndARefusalShowsTheQueueMessage() {
        ReconciliationView view = view();
        select(view);
        failure = new IllegalArgumentException("Give the reason why the entry pays nothing in the portal.");
        this.<Button>find(view, "dismiss-7").click();
        assertEquals(List.of("Give the reason why the entry pays nothing in the portal."), notifications);

        failure = null;
        notifications.clear();
        select(view);
        this.<TextField>find(view, "dismiss-reason").setValue("bank charges");
        this.<Button>find(view, "dismiss-7").click();
        assertTrue(calls.toString(), calls.contains("dismiss 7 v3 bank charges"));
        assertEquals(List.of("Dismissed."), notifications);
    }

    @Test
    public void anUnexpectedFailureShowsNoInternals() {
        ReconciliationView view = view();
        select(view);
        failure = new IllegalStateException("EntityManagerFactory closed");
        this.<Button>find(view, "match-7-1").click();
        assertEquals(List.of("The entry could not be changed; the portal's log has the details."), notifications);
    }

    @SuppressWarnings("unchecked")
    private void select(ReconciliationView view) {
        Grid<BankEntryView> grid = find(view, "reconciliation-entries");
        grid.asSingleSelect().setValue(WAITING);
    }

    private ReconciliationView view() {
        ReconciliationQueue queue = new ReconciliationQueue() {
            @Override
            public List<BankEntryView> open(Caller caller, int limit) {
                return List.of(WAITING);
            }

            @Override
            public List<BankEntryView> recent(Caller caller, int limit) {
                return List.of(WAITING);
            }

            @Override
            public Optional<BankEntryView> find(Caller caller, long entryId) {
                return Optional.of(WAITING);
            }

            @Override
            public BankEntryView match(Caller caller, long entryId, long expectedVersion, SuggestionKind kind,
                    long targetId) {
                fail();
                calls.add("match " + entryId + " v" + expectedVersion + " " + kind + " " + targetId);
                return WAITING;
            }

            @Override
            public BankEntryView dismiss(Caller caller, long entryId, long expectedVersion, String reason) {
                fail();
                calls.add("dismiss " + entryId + " v" + expectedVersion + " " + reason);
                return WAITING;
            }

            private void fail() {
                if (failure != null) {
                    throw failure;
                }
            }
        };
        ScreenContext context = new ScreenContext() {
            @Override
            public Caller caller() {
                return FINANCE;
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
        return new ReconciliationView(context, queue);
    }

    @SuppressWarnings("unchecked")
    private <T extends Component> T find(Component root, String id) {
        return (T) descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id));
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ReconciliationViewTest::descendants));
    }
}
