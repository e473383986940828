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
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.partnerfinance.funds.api.AllocationStatus;
import org.partnerfinance.funds.api.Budget;
import org.partnerfinance.funds.api.FundAllocation;
import org.partnerfinance.funds.api.FundBalance;
import org.partnerfinance.funds.api.FundProgram;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.funds.api.InsufficientFundsException;
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
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Caller;

/**
 * The ledger in the distribution, on its embedded Derby database: a posting dated in a closed period is refused, and
 * the trial balance of everything posted is zero-sum, per document currency and in the base currency (including a
 * foreign-currency posting whose base amounts needed a rounding line). The finance screens of pf-ledger-ui are
 * registered. The funds core (pf-funds, a boot feature) posts a fund's whole life to this ledger: allocation,
 * reservation, approval, payment and expiry through the real database.
 */
@ExamReactorStrategy(PerSuite.class) // shares one booted distribution: ProductionDistributionIT
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

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private Money ledgerBalance(String account) {
        return ledger.accountBalance(Caller.system(), account, Currency.getInstance("EUR"),
                LocalDate.now().plusYears(1));
    }

    @Test
    public void aFundAllocationLivesThroughReservationApprovalPaymentAndExpiryInTheLedger() {
        waitForFeatures("pf-funds");
        FundService funds = getService(FundService.class);
        PartnerService partners = getService(PartnerService.class);
        Caller system = Caller.system();
        if (partners.find(system, "P-7701").isEmpty()) {
            partners.create(system, "P-7701", "Funds IT partner", PartnerKind.RESELLER,
                    Currency.getInstance("EUR"));
        }
        // the fund liability account is contributed by pf-funds; the ledger opens it when the contribution arrives
        waitFor("account " + FundService.FUND_LIABILITY_ACCOUNT, () -> ledger.accounts().stream()
                .anyMatch(a -> a.code().equals(FundService.FUND_LIABILITY_ACCOUNT)));
        Money committedBefore = ledgerBalance(FundService.FUND_LIABILITY_ACCOUNT);
        Money expensedBefore = ledgerBalance(Accounts.MARKETING_FUNDS);

        LocalDate today = LocalDate.now();
        funds.saveProgram(system, new FundProgram("IT-MDF", "IT funds", java.util.Set.of("it-mdf"),
                Currency.getInstance("EUR"), Accounts.MARKETING_FUNDS, true, 0));
        Budget budget = funds.saveBudget(system, new Budget(0, "IT-MDF", "IT", today.minusDays(1), today,
                eur("1000"), null, 0));
        assertThrows(InsufficientFundsException.class,
                () -> funds.allocate(system, budget.id(), "P-7701", eur("1000.01"), today));
        FundAllocation a = funds.allocate(system, budget.id(), "P-7701", eur("800"), today);
        assertEquals(committedBefore.plus(eur("800")), ledgerBalance(FundService.FUND_LIABILITY_ACCOUNT));

        funds.reserveFor(system, "P-7701", "it-mdf", "itest:fund-1", eur("300"));
        funds.approve(system, "itest:fund-1", eur("250"));
        funds.markPaid(system, "itest:fund-1", eur("250"));
        funds.reserve(system, a.id(), "itest:fund-2", eur("100"));
        assertEquals("approval moves the approved amount out of the commitment",
                committedBefore.plus(eur("550")), ledgerBalance(FundService.FUND_LIABILITY_ACCOUNT));

        List<FundAllocation> expired = funds.expire(system, today.plusDays(1));
        assertEquals(List.of(a.id()), expired.stream().map(FundAllocation::id).toList());
        FundBalance b = funds.allocation(system, a.id()).get().balance();
        assertEquals(AllocationStatus.EXPIRED, funds.allocation(system, a.id()).get().status());
        assertEquals(new FundBalance(eur("800"), eur("100"), eur("0"), eur("250"), eur("450")), b);
        assertEquals("only the open reservation stays committed", committedBefore.plus(eur("100")),
                ledgerBalance(FundService.FUND_LIABILITY_ACCOUNT));
        funds.release(system, "itest:fund-2");
        assertEquals(committedBefore, ledgerBalance(FundService.FUND_LIABILITY_ACCOUNT));
        assertEquals(expensedBefore, ledgerBalance(Accounts.MARKETING_FUNDS));
        assertEquals(4, ledger.entriesForSource(system, "fund-allocation:" + a.id()).size());
        assertTrue(ledger.trialBalance(system, today.plusDays(1)).balanced());

        // the screens and the fund availability rule are registered (by class name: no UI or claims API here)
        waitFor("the funds screens and the fund availability rule", () -> {
            try {
                ServiceReference<?>[] screens = bundleContext.getServiceReferences(
                        "org.partnerfinance.ui.api.Screen", "(pf.extension.id=funds)");
                ServiceReference<?>[] rules = bundleContext.getServiceReferences(
                        "org.partnerfinance.claims.api.ComplianceRule", "(pf.extension.id=funds.availability)");
                return screens != null && screens.length == 2 && rules != null && rules.length == 1;
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
