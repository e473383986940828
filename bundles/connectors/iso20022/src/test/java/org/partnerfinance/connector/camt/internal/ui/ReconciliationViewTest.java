package org.partnerfinance.connector.camt.internal.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
import org.partnerfinance.connector.camt.SplitCandidate;
import org.partnerfinance.connector.camt.SplitPart;
import org.partnerfinance.connector.camt.SplitProposal;
import org.partnerfinance.connector.camt.Suggestion;
import org.partnerfinance.connector.camt.SuggestionKind;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
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
                    "amount 238.00"), new Suggestion(2, SuggestionKind.SPLIT, 40, "P-1", "Nordwind · split INV-8 + INV-9",
                            EUR_238, 60, "open amounts of INV-8 + INV-9 add up to 238.00", List.of(new SplitPart(40,
                                    new BigDecimal("100.00")), new SplitPart(42, new BigDecimal("138.00"))))), 3);
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Partner NORDWIND = new Partner("P-1", "Nordwind", PartnerKind.RESELLER, EUR, true,
            Set.of(EUR), "", "", null, 30, null, 1, null);
    private static final Partner SUEDHAFEN = new Partner("P-2", "Südhafen", PartnerKind.RESELLER, EUR, true,
            Set.of(EUR), "", "", null, 30, null, 1, null);

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

    @Test
    public void matchingASuggestedSplitSplitsTheEntryAcrossItsDocuments() {
        ReconciliationView view = view();
        select(view);
        this.<Button>find(view, "match-7-2").click();
        assertEquals(List.of("split 7 v3 [40:100.00, 42:138.00] onAccount=false"), calls);
        assertEquals(List.of("Split: the payment is confirmed and allocated to 2 documents."), notifications);
    }

    @Test
    public void theSplitDialogProposesAmountsShowsWhatRemainsAndConfirmsOnlyWhenTheyAddUp() {
        ReconciliationView view = view();
        select(view);
        this.<Button>find(view, "split-7").click();
        SplitDialog dialog = view.splitDialog;
        assertTrue(dialog.isOpened());
        assertEquals("P-1", dialog.partner.getValue().id());
        assertEquals(List.of("proposal 7 null"), calls);
        // prefilled oldest due first: 100 of INV-8, the 138 left for INV-9
        assertEquals(new BigDecimal("100.00"), dialog.amountOf(40).getValue());
        assertEquals(new BigDecimal("138.00"), dialog.amountOf(42).getValue());
        assertEquals("Remaining: 0.00 EUR — the amounts add up to the entry.", dialog.remaining.getText());
        assertTrue(dialog.confirm.isEnabled());

        dialog.amountOf(42).setValue(new BigDecimal("100"));
        assertEquals("Remaining: 38.00 EUR.", dialog.remaining.getText());
        assertFalse(dialog.confirm.isEnabled());
        Checkbox onAccount = dialog.onAccount;
        assertTrue("a credit may leave the rest on account", onAccount.isVisible());
        onAccount.setValue(true);
        assertEquals("Remaining: 38.00 EUR, left on the partner's account.", dialog.remaining.getText());
        assertTrue(dialog.confirm.isEnabled());

        dialog.amountOf(40).setValue(new BigDecimal("100.01"));
        assertEquals("INV-8 has only 100.00 open.", dialog.remaining.getText());
        assertFalse(dialog.confirm.isEnabled());
        dialog.amountOf(40).setValue(new BigDecimal("100"));
        dialog.amountOf(42).setValue(new BigDecimal("150"));
        assertEquals("The amounts exceed the entry by 12.00 EUR.", dialog.remaining.getText());
        assertFalse(dialog.confirm.isEnabled());
        dialog.amountOf(42).setValue(null);
        assertTrue(dialog.confirm.isEnabled());

        dialog.confirm.click();
        assertEquals("split 7 v3 [40:100] onAccount=true", calls.get(calls.size() - 1));
        assertFalse(dialog.isOpened());
        assertEquals(List.of("Split: the payment is confirmed and allocated to 1 document."), notifications);
    }

    @Test
    public void anotherPartnerReloadsTheDocumentsAndARefusalKeepsTheDialogOpen() {
        ReconciliationView view = view();
        select(view);
        this.<Button>find(view, "split-7").click();
        SplitDialog dialog = view.splitDialog;
        dialog.partner.setValue(SUEDHAFEN);
        assertEquals("proposal 7 P-2", calls.get(calls.size() - 1));
        assertTrue(dialog.amounts.isEmpty());
        assertEquals("The partner has no open invoice in EUR this entry may pay.", dialog.basis.getText());
        assertFalse(dialog.confirm.isEnabled());

        dialog.partner.setValue(NORDWIND);
        failure = new IllegalArgumentException("Invoice INV-9 has only 100.00 EUR open, not 138.00.");
        dialog.confirm.click();
        assertEquals(List.of("Invoice INV-9 has only 100.00 EUR open, not 138.00."), notifications);
        assertTrue(dialog.isOpened());
    }

    @Test
    public void aDebitCannotLeaveARemainder() {
        BankEntryView debit = new BankEntryView(8, "camt.053", "STMT-1", 3, 0, EUR_238, false,
                LocalDate.of(2026, 11, 2), null, "BANK-3", null, null, "Nordwind", null, null, EntryStatus.OPEN, null,
                null, null, Instant.parse("2026-11-02T18:00:00Z"), List.of(), 1);
        ReconciliationView view = view();
        view.entries.setItems(List.of(debit));
        view.entries.asSingleSelect().setValue(debit);
        this.<Button>find(view, "split-8").click();
        SplitDialog dialog = view.splitDialog;
        assertFalse(dialog.onAccount.isVisible());
        dialog.amountOf(42).setValue(new BigDecimal("100"));
        dialog.onAccount.setValue(true);
        assertFalse(dialog.confirm.isEnabled());
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
            public SplitProposal splitProposal(Caller caller, long entryId, String partnerId) {
                calls.add("proposal " + entryId + " " + partnerId);
                if ("P-2".equals(partnerId)) {
                    return new SplitProposal("P-2", "Südhafen", "chosen", List.of());
                }
                return new SplitProposal("P-1", "Nordwind", "the counterparty's account DE02120300000000202051",
                        List.of(new SplitCandidate(40, "INV-8", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1),
                                new Money(new BigDecimal("100.00"), EUR), new BigDecimal("100.00")),
                                new SplitCandidate(42, "INV-9", LocalDate.of(2026, 9, 5), LocalDate.of(2026, 10, 5),
                                        new Money(new BigDecimal("200.00"), EUR), new BigDecimal("138.00"))));
            }

            @Override
            public BankEntryView split(Caller caller, long entryId, long expectedVersion, List<SplitPart> parts,
                    boolean remainderOnAccount) {
                fail();
                calls.add("split " + entryId + " v" + expectedVersion + " " + parts.stream()
                        .map(p -> p.documentId() + ":" + p.amount().toPlainString()).toList() + " onAccount="
                        + remainderOnAccount);
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
        PartnerService partners = (PartnerService) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PartnerService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("list")) {
                        return List.of(NORDWIND, SUEDHAFEN);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new ReconciliationView(context, queue, partners);
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
