package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Journals;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.api.PeriodClosedException;
import org.partnerfinance.ledger.api.TrialBalance;
import org.partnerfinance.security.api.Caller;

/**
 * The ledger in the distribution, on its embedded Derby database: a posting dated in a closed period is refused, and
 * the trial balance of everything posted is zero-sum, per document currency and in the base currency (including a
 * foreign-currency posting whose base amounts needed a rounding line). The finance screens of pf-ledger-ui are
 * registered.
 */
public class LedgerIT extends PfTestSupport {

    private LedgerService ledger;

    @Before
    public void ledger() {
        waitForFeatures("pf-platform", "pf-ui", "pf-core");
        ledger = getService(LedgerService.class);
    }

    private static JournalEntryDraft entry(LocalDate date, String source, String... amountAndCurrency) {
        Money debit = Money.of(amountAndCurrency[0], amountAndCurrency[1]);
        List<JournalLine> lines = new java.util.ArrayList<>();
        lines.add(JournalLine.debit(Accounts.PARTNER_RECEIVABLES, debit, "P-IT"));
        for (int i = 2; i < amountAndCurrency.length; i++) {
            lines.add(JournalLine.credit("4000", Money.of(amountAndCurrency[i], amountAndCurrency[1]), null));
        }
        if (lines.size() == 1) {
            lines.add(JournalLine.credit("4000", debit, null));
        }
        return new JournalEntryDraft(date, "Ledger IT " + source, source, lines, Journals.SALES);
    }

    @Test
    public void aPostingIntoAClosedPeriodIsRefusedAndTheTrialBalanceIsZeroSum() {
        Caller system = Caller.system();
        YearMonth closed = YearMonth.of(2001, 1);
        if (ledger.isOpen(closed)) {
            ledger.closePeriod(system, closed);
        }
        PeriodClosedException refused = assertThrows(PeriodClosedException.class,
                () -> ledger.post(system, entry(closed.atDay(15), "itest:closed", "10.00", "EUR")));
        assertEquals(closed, refused.period());
        assertEquals(List.of(), ledger.entriesForSource(system, "itest:closed"));

        LocalDate today = LocalDate.now();
        Currency usd = Currency.getInstance("USD");
        if (!ledger.baseCurrency().equals(usd)) {
            ledger.setRate(system, usd, today.minusDays(1), new BigDecimal("0.915"));
        }
        ledger.post(system, entry(today, "itest:base", "120.50", ledger.baseCurrency().getCurrencyCode()));
        // 10.00 against 3.33 + 3.33 + 3.34 at 0.915: the base amounts need a rounding line
        ledger.post(system, entry(today, "itest:usd", "10.00", "USD", "3.33", "3.33", "3.34"));

        TrialBalance tb = ledger.trialBalance(system, today);
        assertTrue("trial balance rows", tb.rows().size() >= 3);
        assertTrue("balanced: " + tb.totalsByCurrency() + " base " + tb.baseDebit() + " / " + tb.baseCredit(),
                tb.balanced());
        tb.totalsByCurrency().forEach(t -> assertTrue(t.toString(), t.balance().isZero()));
        assertEquals(tb.baseDebit(), tb.baseCredit());
    }

    @Test
    public void theFinanceScreensOfTheLedgerAreRegistered() {
        // by class name: the UI API is not on the test's class path
        waitFor("the four ledger screens", () -> {
            try {
                ServiceReference<?>[] screens = bundleContext.getServiceReferences(
                        "org.partnerfinance.ui.api.Screen", "(pf.extension.id=ledger)");
                return screens != null && screens.length == 4;
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
