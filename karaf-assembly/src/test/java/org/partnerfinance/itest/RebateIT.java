package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claimtype.rebate.api.Agreement;
import org.partnerfinance.claimtype.rebate.api.AgreementDraft;
import org.partnerfinance.claimtype.rebate.api.RebateService;
import org.partnerfinance.claimtype.rebate.api.RebateStanding;
import org.partnerfinance.claimtype.rebate.api.SalesImport;
import org.partnerfinance.claimtype.rebate.api.SalesImportException;
import org.partnerfinance.claimtype.rebate.api.Tier;
import org.partnerfinance.claimtype.rebate.api.TierMode;
import org.partnerfinance.claimtype.rebate.api.VolumeBasis;
import org.partnerfinance.ledger.api.JournalEntry;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.Caller;

/**
 * The rebate claim type in the distribution, through the real database and ledger: an agreement, volumes from a CSV
 * upload, the earned rebate accrued (and only the difference posted when the agreement changes), the partner claiming
 * the earned amount and a reviewer approving it; then the feature uninstalled (its claims stay listed and readable)
 * and installed again (its agreement, with what it earned and what was claimed, is intact).
 */
@ExamReactorStrategy(PerSuite.class) // shares one booted distribution: DemoDistributionIT
public class RebateIT extends ClaimsTestSupport {

    private static final String FEATURE = "pf-claim-type-rebate";
    private static final String REBATE = "rebate";
    private static final String ACCRUED_REBATES = "2160";

    private RebateService rebates;

    @Before
    public void rebateService() {
        waitForFeatures(FEATURE);
        rebates = getService(RebateService.class);
    }

    @Test
    public void agreementVolumesAccrualClaimApprovalAndHotRedeploy() {
        Caller manager = user("manager");
        Caller reviewer = user("reviewer");
        Caller partner = user("partner");
        Caller partner2 = user("partner2");
        String product = unique("RB").toUpperCase(java.util.Locale.ROOT);
        LocalDate today = LocalDate.now();
        LocalDate start = today.withDayOfYear(1);

        // 1 % from the first euro, 2 % from 10,000, 3 % from 50,000 of this product, retroactive
        AgreementDraft terms = new AgreementDraft(PARTNER_1, "Rebate " + product, start, start.plusYears(1).minusDays(1),
                Set.of(product), Set.of(), VolumeBasis.AMOUNT, TierMode.RETROACTIVE,
                List.of(Tier.of("0", "1"), Tier.of("10000", "2"), Tier.of("50000", "3")), Currency.getInstance("EUR"),
                null);
        Agreement agreement = rebates.create(manager, terms);
        assertEquals(Money.of("0", "EUR"), agreement.earned());
        String source = "rebate:" + agreement.reference();
        assertTrue(rebates.find(partner2, agreement.id()).isEmpty());

        // volumes arrive: 12,300 of the product (another product's line does not count) -> 2 % of 12,300
        String csv = "date,product,category,quantity,amount,currency\n"
                + start + "," + product + ",switches,10,10000.00,EUR\n"
                + today + "," + product + ",switches,3,2300.00,EUR\n"
                + today + ",OTHER-" + product + ",switches,99,99999.00,EUR\n";
        SalesImport imported = rebates.importSales(manager, PARTNER_1, "march.csv", bytes(csv), null);
        assertEquals(3, imported.linesAdded());
        assertEquals(Money.of("246.00", "EUR"), imported.recalculated().get(0).earned());
        assertEquals(List.of(Money.of("246.00", "EUR")), accruals(manager, source));

        // the same file again adds nothing; a bad file stores nothing and names its lines
        assertTrue(rebates.importSales(manager, PARTNER_1, "march-again.csv", bytes(csv), null).alreadyImported());
        SalesImportException bad = assertThrows(SalesImportException.class, () -> rebates.importSales(manager,
                PARTNER_1, "bad.csv", bytes("date,product,category,quantity,amount,currency\n" + today + ","
                        + product + ",,1,50000.00,EUR\n" + "2026-13-01," + product + ",,1,1.00,EUR\n"), null));
        assertEquals(3, bad.problems().get(0).line());
        assertEquals(Money.of("246.00", "EUR"), rebates.find(manager, agreement.id()).orElseThrow().earned());

        // a cap of 200 is agreed afterwards: only the difference (46 released) is posted
        Agreement capped = rebates.update(manager, agreement.id(), rebates.find(manager, agreement.id()).orElseThrow()
                .version(), withCap(terms, "200"));
        assertEquals(Money.of("200.00", "EUR"), capped.earned());
        assertEquals(List.of(Money.of("246.00", "EUR"), Money.of("-46.00", "EUR")), accruals(manager, source));

        // the partner sees the watchlist and claims the earned amount, not more
        RebateStanding standing = standing(partner, agreement.id());
        assertEquals(Money.of("200.00", "EUR"), standing.claimable());
        assertEquals(0, new BigDecimal("37700").compareTo(standing.volumeToNext()));
        ClaimValidationException tooMuch = assertThrows(ClaimValidationException.class,
                () -> claims.submitNew(partner, rebateDraft(agreement, "200.01")));
        assertTrue(tooMuch.getMessage(), tooMuch.problems().get(0).message().contains("At most EUR 200.00"));
        Claim claim = claims.submitNew(partner, rebateDraft(agreement, "200.00"));
        assertEquals(Money.of("0", "EUR"), standing(partner, agreement.id()).claimable());
        Claim approved = claims.approve(reviewer, claim.id(), claim.version(), null);
        assertEquals(ClaimStatus.APPROVED, approved.status());
        List<JournalLine> approval = ledger.entriesForSource(manager, claimSource(claim.id())).get(0).lines();
        assertTrue(approval.stream().anyMatch(l -> l.accountCode().equals(ACCRUED_REBATES)
                && l.side() == JournalLine.Side.DEBIT && l.amount().equals(Money.of("200.00", "EUR"))));

        // uninstalled: the claim is still listed and readable with its stored data (no refresh: this test bundle
        // keeps the classes of the rebate API it has used)
        executeCommand("feature:uninstall -r " + FEATURE);
        try {
            waitFor("the rebate claim type to go away", () -> claims.availableTypes(partner).stream()
                    .noneMatch(t -> t.id().equals(REBATE)));
            Claim kept = claims.find(partner, claim.id()).orElseThrow();
            assertFalse(kept.typeInstalled());
            assertEquals(ClaimStatus.APPROVED, kept.status());
            assertTrue(kept.fields().stream().anyMatch(f -> f.value().equals(agreement.reference())));
            assertTrue(claims.listForPartner(partner, PARTNER_1).stream().anyMatch(c -> c.id() == claim.id()));
        } finally {
            executeCommand("feature:install -r " + FEATURE);
        }

        // installed again: the agreement is intact, with what it earned and what was claimed of it
        waitFor("the rebate claim type to come back", () -> claims.availableTypes(partner).stream()
                .anyMatch(t -> t.id().equals(REBATE)));
        ClaimValidationException nothingLeft = assertThrows(ClaimValidationException.class,
                () -> claims.check(partner, rebateDraft(agreement, "0.01")));
        assertTrue(nothingLeft.getMessage(), nothingLeft.problems().get(0).message()
                .contains("Nothing of agreement " + agreement.reference() + " is left to claim (earned EUR 200.00"));
        assertTrue(claims.find(partner, claim.id()).orElseThrow().typeInstalled());
    }

    /**
     * A demo user once the demo data created it. Unlike {@link #demoUser} this does not wait for the demo's sample
     * expense claims: the rebate test neither needs nor counts them.
     */
    private Caller user(String username) {
        waitFor("the demo user " + username, () -> users.find(username).isPresent());
        return users.find(username).orElseThrow();
    }

    private RebateStanding standing(Caller partner, long agreementId) {
        return rebates.standings(partner, PARTNER_1).stream().filter(s -> s.agreement().id() == agreementId)
                .findFirst().orElseThrow();
    }

    /** The signed accruals posted for an agreement, oldest first: credit on accrued rebates positive. */
    private List<Money> accruals(Caller finance, String source) {
        return ledger.entriesForSource(finance, source).stream()
                .sorted(java.util.Comparator.comparingLong(JournalEntry::id))
                .map(e -> e.lines().stream().filter(l -> l.accountCode().equals(ACCRUED_REBATES)).findFirst()
                        .orElseThrow())
                .map(l -> l.side() == JournalLine.Side.CREDIT ? l.amount() : l.amount().negate())
                .toList();
    }

    private static ClaimDraft rebateDraft(Agreement agreement, String amount) {
        return new ClaimDraft(REBATE, PARTNER_1, LocalDate.now(), "Earned rebate " + agreement.reference() + " "
                + unique("itest"), Money.of(amount, "EUR"), Map.of("agreement", agreement.reference()), List.of());
    }

    private static AgreementDraft withCap(AgreementDraft d, String cap) {
        return new AgreementDraft(d.partnerId(), d.name(), d.validFrom(), d.validTo(), d.productCodes(),
                d.categories(), d.basis(), d.mode(), d.tiers(), d.currency(), new BigDecimal(cap));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
