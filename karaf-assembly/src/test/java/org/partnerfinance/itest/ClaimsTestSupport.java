package org.partnerfinance.itest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.Before;
import org.ops4j.pax.exam.Option;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.ledger.api.Balance;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.UserDirectory;

/**
 * Base class of the tests that work with claims through the real services and the distribution's Derby database: the
 * services, the demo users (the test boots the distribution {@link #withDemoData() with demo data}; the pf-demo feature
 * creates them in the background after boot) and expense claim drafts with real receipt files.
 *
 * <p>Every claim a test creates is unique (description and receipt), so tests sharing one booted distribution never
 * see each other's claims as duplicates. Tests that look at balances or totals use a currency of their own for the
 * demo partner (the demo data only uses EUR for P-1001 and USD for P-1002).
 */
public abstract class ClaimsTestSupport extends PfTestSupport {

    /** Demo partner of the users {@code partner} and {@code partneradmin}. */
    protected static final String PARTNER_1 = "P-1001";
    /** Demo partner of the user {@code partner2}. */
    protected static final String PARTNER_2 = "P-1002";

    protected static final String EXPENSE = "expense";
    protected static final String EXPENSE_NAME = "Expense reimbursement";

    protected ClaimService claims;
    protected LedgerService ledger;
    protected AuditTrail audit;
    protected UnitOfWork unitOfWork;
    protected UserDirectory users;

    /**
     * The claims tests work with the demo partners, users and sample claims; the distribution's notification e-mails go
     * to a mail server of the test. This is the configuration of {@link DemoDistributionIT}, whose members all ask for it.
     */
    @Override
    protected Option[] additionalOptions() {
        return demoSuiteOptions();
    }

    /** Demo data, and notification e-mails to the test's mail server: what every member of the demo suite boots with. */
    static Option[] demoSuiteOptions() {
        List<Option> options = new ArrayList<>();
        options.add(withDemoData());
        options.addAll(Arrays.asList(TestMailServer.options()));
        return options.toArray(new Option[0]);
    }

    @Before
    public void claimServices() {
        // boot features are installed in the background: work only once the portal is complete
        waitForFeatures("pf-platform", "pf-ui", "pf-core", "pf-demo");
        claims = getService(ClaimService.class);
        ledger = getService(LedgerService.class);
        audit = getService(AuditTrail.class);
        unitOfWork = getService(UnitOfWork.class);
        users = getService(UserDirectory.class);
        // postings are converted into the ledger's base currency: the currencies the tests post in need a rate
        for (String code : List.of("CHF", "DKK", "GBP", "NOK", "PLN", "SEK", "USD")) {
            java.util.Currency currency = java.util.Currency.getInstance(code);
            if (!currency.equals(ledger.baseCurrency()) && ledger.rateOn(currency, RATES_FROM).isEmpty()) {
                ledger.setRate(Caller.system(), currency, RATES_FROM, new BigDecimal("0.5"));
            }
        }
    }

    /** The date from which the tests' exchange rates apply. */
    private static final LocalDate RATES_FROM = LocalDate.of(2000, 1, 1);

    /** A demo user as the services see it, once the demo data has created it. */
    protected Caller demoUser(String username) {
        waitFor("the demo user " + username, BACKGROUND_TIMEOUT, () -> users.find(username).isPresent());
        awaitDemoClaims();
        return users.find(username).orElseThrow();
    }

    /**
     * Waits until the demo data has created its sample claims (the two of P-1002 come last), so that the tests work on
     * a settled database instead of racing the demo-data thread at boot.
     */
    private void awaitDemoClaims() {
        Caller partner2 = users.find("partner2").orElseThrow();
        waitFor("the demo sample claims of P-1002", BACKGROUND_TIMEOUT,
                () -> offersExpense(partner2) && claims.listForPartner(partner2, "P-1002").size() >= 2);
    }

    /** Waits until the claims service offers the expense claim type (installed and switched on). */
    protected void waitForExpenseType(Caller caller) {
        waitFor("the claims service to offer the expense claim type", () -> offersExpense(caller));
    }

    protected boolean offersExpense(Caller caller) {
        return claims.availableTypes(caller).stream().anyMatch(t -> t.id().equals(EXPENSE));
    }

    /** A text no other test uses, e.g. {@code roundtrip-3f2a9c1e}. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid expense claim draft (category travel, a merchant, one PNG receipt) with a unique description. */
    protected static ClaimDraft expenseDraft(String partnerId, String amount, String currency) {
        String token = unique("itest");
        return new ClaimDraft(EXPENSE, partnerId, LocalDate.now().minusDays(2), "Integration test expense " + token,
                Money.of(amount, currency), Map.of("category", "travel", "merchant", "Test Cabs " + token),
                List.of(new AttachmentUpload("receipt-" + token + ".png", Receipts.png())));
    }

    /** Submits a fresh expense claim for the caller's own partner. */
    protected Claim submitExpense(Caller partnerUser, String amount, String currency) {
        return claims.submitNew(partnerUser, expenseDraft(partnerUser.partnerId(), amount, currency));
    }

    /** The actions of the audit records about a claim, oldest first, e.g. {@code [claim.submitted, claim.approved]}. */
    protected List<String> auditActions(long claimId) {
        return audit.forEntity("claim", Long.toString(claimId)).stream()
                .map(AuditRecord::event)
                .map(e -> e.action())
                .toList();
    }

    /** The ledger source of a claim's postings. */
    protected static String claimSource(long claimId) {
        return "claim:" + claimId;
    }

    /** A partner's balance on one account in one currency, zero when the ledger has none. */
    protected BigDecimal balance(Caller caller, String partnerId, String accountCode, String currency) {
        Optional<Money> amount = ledger.balancesForPartner(caller, partnerId).stream()
                .filter(b -> b.account().code().equals(accountCode))
                .map(Balance::amount)
                .filter(m -> m.currency().getCurrencyCode().equals(currency))
                .reduce(Money::plus);
        return amount.map(Money::amount).orElse(BigDecimal.ZERO);
    }
}
