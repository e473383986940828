package org.partnerfinance.ledger.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountType;
import org.partnerfinance.ledger.api.AccountingPeriod;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.api.TrialBalance;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.server.VaadinSession;

/** The ledger screens against an in-memory ledger: what they show and what they send to the service. */
public class LedgerViewsTest {

    private static final Caller REVIEWER = new Caller("reviewer", "Rita", Set.of(Role.FINANCE_REVIEWER), null);
    private static final Caller MANAGER = new Caller("manager", "Max", Set.of(Role.FINANCE_MANAGER), null);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-10T10:00:00Z"), ZoneOffset.UTC);

    private final FakeLedger ledger = new FakeLedger();
    private final List<String> notifications = new ArrayList<>();

    @Before
    public void setUp() {
        UI ui = new UI();
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

    private ScreenContext context(Caller caller) {
        return new ScreenContext() {
            @Override
            public Caller caller() {
                return caller;
            }

            @Override
            public UI ui() {
                return UI.getCurrent();
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
                notifications.add((error ? "error: " : "") + message);
            }
        };
    }

    private static <T> List<T> items(com.vaadin.flow.component.grid.Grid<T> grid) {
        return grid.getDataProvider().fetch(new Query<>()).toList();
    }

    private static boolean attached(Component c) {
        return c.getParent().isPresent();
    }

    @Test
    public void trialBalanceShowsRowsTotalsPerCurrencyAndTheBaseTotal() {
        Account bank = new Account("1000", "Bank", AccountType.ASSET);
        Account sales = new Account("4000", "Sales", AccountType.INCOME);
        ledger.trialBalance = new TrialBalance(LocalDate.of(2025, 4, 10), Money.currency("EUR"), List.of(
                new TrialBalance.Row(bank, Money.of("100", "USD"), Money.of("0", "USD"), Money.of("92", "EUR"),
                        Money.of("0", "EUR")),
                new TrialBalance.Row(sales, Money.of("0", "USD"), Money.of("100", "USD"), Money.of("0", "EUR"),
                        Money.of("92", "EUR"))));

        TrialBalanceView view = new TrialBalanceView(context(REVIEWER), ledger, CLOCK);

        assertEquals(LocalDate.of(2025, 4, 10), ledger.trialBalanceAsked);
        assertEquals(2, items(view.grid()).size());
        // one total row for USD, one for the base currency
        assertEquals(2, view.grid().getFooterRows().size());
        assertTrue(view.status().getText(), view.status().getText().startsWith("Balanced"));

        view.asOf.setValue(LocalDate.of(2025, 3, 31));
        assertEquals(LocalDate.of(2025, 3, 31), ledger.trialBalanceAsked);
        assertEquals(2, view.grid().getFooterRows().size());
    }

    @Test
    public void anUnbalancedTrialBalanceSaysSo() {
        Account bank = new Account("1000", "Bank", AccountType.ASSET);
        ledger.trialBalance = new TrialBalance(LocalDate.of(2025, 4, 10), Money.currency("EUR"), List.of(
                new TrialBalance.Row(bank, Money.of("1", "EUR"), Money.of("0", "EUR"), Money.of("1", "EUR"),
                        Money.of("0", "EUR"))));
        TrialBalanceView view = new TrialBalanceView(context(REVIEWER), ledger, CLOCK);
        assertTrue(view.status().getText(), view.status().getText().startsWith("Not balanced"));
    }

    @Test
    public void aRefusedRatesFileListsEveryProblemAndImportsNothing() {
        RatesView view = new RatesView(context(REVIEWER), ledger, CLOCK);
        view.received("rates.csv", "date,currency,rate\n2025-03-01,USD,bad\n2025-03-01,GBP,1.1\n2025-03-02,CHF,bad\n");

        Div errors = view.importErrors();
        assertEquals(List.of("Line 2: bad rate", "Line 4: bad rate"),
                errors.getChildren().map(c -> ((Div) c).getText()).toList());
        assertEquals(List.of(), items(view.grid()));
        assertTrue(notifications.get(0), notifications.get(0).startsWith("error: Nothing was imported"));

        view.received("rates.csv", "date,currency,rate\n2025-03-01,USD,0.92\n");
        assertEquals(0, errors.getChildren().count());
        assertEquals(1, items(view.grid()).size());
        assertEquals("Imported 1 rate from rates.csv.", notifications.get(1));
    }

    @Test
    public void onlyFinanceStaffSeeTheRateForms() {
        Caller admin = new Caller("admin", null, Set.of(Role.ADMINISTRATOR), null);
        assertFalse(attached(new RatesView(context(admin), ledger, CLOCK).upload));
        assertTrue(attached(new RatesView(context(REVIEWER), ledger, CLOCK).upload));
    }

    @Test
    public void managersOpenAccountsReviewersOnlyReadTheChart() {
        assertFalse(attached(new AccountsView(context(REVIEWER), ledger).open));

        AccountsView view = new AccountsView(context(MANAGER), ledger);
        view.code.setValue("6300");
        view.name.setValue("Co-op advertising");
        view.type.setValue(AccountType.EXPENSE);
        view.openAccount();
        assertEquals(List.of("1000", "6300"), items(view.grid()).stream().map(Account::code).toList());
        assertEquals("Account 6300 Co-op advertising is open.", notifications.get(0));

        view.code.setValue("6300");
        view.name.setValue("Again");
        view.type.setValue(AccountType.EXPENSE);
        view.openAccount();
        assertEquals("error: Account 6300 exists already.", notifications.get(1));

        view.grid().select(items(view.grid()).get(1));
        view.toggleSelected();
        assertFalse(ledger.accounts().get(1).active());
    }

    @Test
    public void periodsListTheRecentMonthsAndTheStoredOnes() {
        List<AccountingPeriod> rows = PeriodsView.rows(List.of(
                new AccountingPeriod(YearMonth.of(2025, 3), true, "manager", null, ""),
                new AccountingPeriod(YearMonth.of(2020, 1), true, "manager", null, "")), YearMonth.of(2025, 4));
        assertEquals(PeriodsView.MONTHS_BACK + 2, rows.size());
        assertEquals(YearMonth.of(2025, 4), rows.get(0).period());
        assertTrue(rows.get(1).closed());
        assertEquals(YearMonth.of(2020, 1), rows.get(rows.size() - 1).period());
    }

    @Test
    public void aManagerClosesAndReopensTheSelectedMonthWithAReason() {
        PeriodsView view = new PeriodsView(context(MANAGER), ledger, CLOCK);
        view.grid().select(items(view.grid()).get(1)); // 2025-03
        view.closeSelected();
        assertFalse(ledger.isOpen(YearMonth.of(2025, 3)));

        view.grid().select(items(view.grid()).get(1));
        view.reopenSelected();
        assertEquals("error: Give a reason for the reopening.", notifications.get(notifications.size() - 1));
        view.reason.setValue("late invoice");
        view.reopenSelected();
        assertTrue(ledger.isOpen(YearMonth.of(2025, 3)));
    }
}
