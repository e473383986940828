package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claims.api.IllegalTransitionException;
import org.partnerfinance.claimtype.mdf.api.MdfRequestSweep;
import org.partnerfinance.claims.api.RejectionReason;
import org.partnerfinance.funds.api.Budget;
import org.partnerfinance.funds.api.FundAllocation;
import org.partnerfinance.funds.api.FundBalance;
import org.partnerfinance.funds.api.FundProgram;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.funds.api.InsufficientFundsException;
import org.partnerfinance.funds.api.Reservation;
import org.partnerfinance.funds.api.ReservationStatus;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The market development funds claim types in the distribution, through the real database, funds and ledger: a
 * partner of its own with an allocation of a programme of its own; a pre-approval request whose final approval
 * reserves the funds; a second request that the funds no longer cover, whose approval rolls back with the funds'
 * message; the proof-of-performance claim approved below its costs (the rest released and available again) and paid;
 * the balances after every step; then the feature uninstalled and installed again with claims and reservations
 * intact. Closing approved requests: by the partner (refused while a proof claim is under review, then the funds are
 * available again), by the proof claim's approval, and by the sweep once the window has passed.
 */
@ExamReactorStrategy(PerSuite.class) // shares one booted distribution: DemoDistributionIT
public class MdfIT extends ClaimsTestSupport {

    private static final String FEATURE = "pf-claim-type-mdf";
    private static final String REQUEST = "mdf-request";
    private static final String PROOF = "mdf";
    private static final String MDF_EXPENSE = "6400";
    private static final String ACCRUED_MDF = "2180";

    private FundService funds;
    private PartnerService partners;

    @Before
    public void mdfServices() {
        waitForFeatures("pf-funds", FEATURE);
        funds = getService(FundService.class);
        partners = getService(PartnerService.class);
    }

    @Test
    public void requestReservesProofClaimApprovesAndPaysAndTheFeatureRedeploysWithItsData() {
        Caller manager = demoUser("manager");
        Caller reviewer = demoUser("reviewer");
        // a second manager releases the payment: whoever approved a step does not also pay (segregation of duties)
        Caller payer = new Caller("mdf-it-payer", "MDF payer", Set.of(Role.FINANCE_MANAGER), null);
        String partnerId = "P-" + (900000 + ThreadLocalRandom.current().nextInt(99999));
        partners.create(Caller.system(), partnerId, "MDF test partner " + partnerId, PartnerKind.RESELLER,
                Money.currency("EUR"));
        Caller partner = new Caller("mdf-it-" + partnerId, "MDF partner user", Set.of(Role.PARTNER_USER), partnerId);
        waitFor("both MDF claim types", () -> claims.availableTypes(partner).stream()
                .filter(t -> t.id().equals(REQUEST) || t.id().equals(PROOF)).count() == 2);

        LocalDate today = LocalDate.now();
        String programId = unique("MDF-IT").toUpperCase(java.util.Locale.ROOT);
        funds.saveProgram(manager, new FundProgram(programId, "MDF integration test", Set.of(REQUEST, PROOF),
                Money.currency("EUR"), Accounts.MARKETING_FUNDS, true, 0));
        Budget budget = funds.saveBudget(manager, new Budget(0, programId, "IT", today.minusDays(1),
                today.plusDays(200), eur("20000"), null, 0));
        FundAllocation allocation = funds.allocate(manager, budget.id(), partnerId, eur("5000"), today.plusDays(180));
        assertBalance(manager, programId, partnerId, "5000", "0", "0", "0", "5000");

        // two requests while the funds cover each of them (fund availability checks each at submission)
        Claim first = claims.submitNew(partner, request(partnerId, "3000", today, today.plusDays(10)));
        Claim second = claims.submitNew(partner, request(partnerId, "2500", today, today.plusDays(10)));
        assertEquals(ClaimStatus.SUBMITTED, first.status());

        // the first request's final approval reserves its amount, posting nothing
        Claim firstApproved = approveAllSteps(reviewer, manager, first);
        assertEquals(ClaimStatus.APPROVED, firstApproved.status());
        Reservation reserved = funds.reservation(manager, first.reference()).orElseThrow();
        assertEquals(ReservationStatus.RESERVED, reserved.status());
        assertEquals(allocation.id(), reserved.allocationId());
        assertEquals(eur("3000"), reserved.reserved());
        assertEquals(List.of(), ledger.entriesForSource(manager, claimSource(first.id())));
        assertBalance(manager, programId, partnerId, "5000", "3000", "0", "0", "2000");
        // a pre-approval accrued nothing: it is neither paid nor settled
        IllegalStateException notPayable = assertThrows(IllegalStateException.class,
                () -> claims.markPaid(payer, first.id(), firstApproved.version(), "PAY-" + first.id()));
        assertTrue(notPayable.getMessage(), notPayable.getMessage().contains("pre-approval"));

        // the second request's final approval finds 2,000 available: refused with the funds' message, rolled back
        Claim secondStep = claims.approve(reviewer, second.id(), second.version(), null);
        InsufficientFundsException insufficient = assertThrows(InsufficientFundsException.class,
                () -> claims.approve(manager, secondStep.id(), secondStep.version(), null));
        assertTrue(insufficient.getMessage(), insufficient.getMessage().contains("available"));
        Claim stillSubmitted = claims.find(manager, second.id()).orElseThrow();
        assertEquals(ClaimStatus.SUBMITTED, stillSubmitted.status());
        assertEquals(secondStep.version(), stillSubmitted.version());
        assertTrue(funds.reservation(manager, second.reference()).isEmpty());
        assertFalse(auditActions(second.id()).contains("claim.approved"));
        assertBalance(manager, programId, partnerId, "5000", "3000", "0", "0", "2000");
        claims.reject(manager, second.id(), stillSubmitted.version(), RejectionReason.NOT_ELIGIBLE, "No funds left");

        // the proof claim: capped at the reservation, only against an approved request of the partner's own
        ClaimValidationException tooMuch = assertThrows(ClaimValidationException.class,
                () -> claims.submitNew(partner, proof(partnerId, first.reference(), "3000.01")));
        assertTrue(tooMuch.getMessage(), tooMuch.problems().toString().contains("At most EUR 3,000.00"));
        ClaimValidationException rejectedRequest = assertThrows(ClaimValidationException.class,
                () -> claims.submitNew(partner, proof(partnerId, second.reference(), "100")));
        assertTrue(rejectedRequest.problems().toString(), rejectedRequest.problems().toString().contains("rejected"));
        Claim proof = claims.submitNew(partner, proof(partnerId, first.reference(), "2800"));
        ClaimValidationException twice = assertThrows(ClaimValidationException.class,
                () -> claims.submitNew(partner, proof(partnerId, first.reference(), "100")));
        assertTrue(twice.problems().toString(), twice.problems().toString().contains("already claimed by claim "
                + proof.reference()));

        // approved below its costs: 2,500 approved, the reservation's other 500 available again, 2,500 accrued
        Claim partly = claims.approvePartially(reviewer, proof.id(), proof.version(), eur("2500"),
                "The printed flyers are not covered.");
        Claim proofApproved = partly.status() == ClaimStatus.APPROVED ? partly
                : claims.approve(manager, partly.id(), partly.version(), null);
        assertEquals(ClaimStatus.APPROVED, proofApproved.status());
        assertEquals(eur("2500"), proofApproved.approvedAmount());
        Reservation approved = funds.reservation(manager, first.reference()).orElseThrow();
        assertEquals(ReservationStatus.APPROVED, approved.status());
        assertEquals(eur("2500"), approved.approved());
        assertBalance(manager, programId, partnerId, "5000", "0", "2500", "0", "2500");
        // the request is used up: closed in the same unit of work as the proof claim's approval
        Claim used = claims.find(partner, first.id()).orElseThrow();
        assertEquals(ClaimStatus.CLOSED, used.status());
        assertEquals("proof of performance claim " + proof.reference() + " approved", used.statusNote());
        assertTrue(auditActions(first.id()).contains("claim.closed"));
        List<JournalLine> accrual = ledger.entriesForSource(manager, claimSource(proof.id())).get(0).lines();
        assertTrue(accrual.toString(), accrual.stream().anyMatch(l -> l.accountCode().equals(MDF_EXPENSE)
                && l.side() == JournalLine.Side.DEBIT && l.amount().equals(eur("2500"))));
        assertTrue(accrual.toString(), accrual.stream().anyMatch(l -> l.accountCode().equals(ACCRUED_MDF)
                && l.side() == JournalLine.Side.CREDIT && l.amount().equals(eur("2500"))));

        // paid: the reservation is paid, the accrual settled from the bank
        Claim paid = claims.markPaid(payer, proof.id(), proofApproved.version(), "BANK-MDF-" + proof.id());
        assertEquals(ClaimStatus.PAID, paid.status());
        assertEquals(ReservationStatus.PAID, funds.reservation(manager, first.reference()).orElseThrow().status());
        assertBalance(manager, programId, partnerId, "5000", "0", "0", "2500", "2500");
        assertEquals(0, balance(manager, partnerId, ACCRUED_MDF, "EUR").signum());

        // one more approved request, still reserved while the feature is away
        Claim third = claims.submitNew(partner, request(partnerId, "1000", today, today.plusDays(5)));
        Claim thirdApproved = approveAllSteps(reviewer, manager, third);
        assertBalance(manager, programId, partnerId, "5000", "1000", "0", "2500", "1500");

        executeCommand("feature:uninstall -r " + FEATURE);
        try {
            waitFor("the MDF claim types to go away", () -> claims.availableTypes(partner).stream()
                    .noneMatch(t -> t.id().equals(REQUEST) || t.id().equals(PROOF)));
            Claim kept = claims.find(partner, proof.id()).orElseThrow();
            assertFalse(kept.typeInstalled());
            assertEquals(ClaimStatus.PAID, kept.status());
            assertEquals(ClaimStatus.APPROVED, claims.find(partner, third.id()).orElseThrow().status());
            assertEquals(ReservationStatus.RESERVED,
                    funds.reservation(manager, third.reference()).orElseThrow().status());
            assertBalance(manager, programId, partnerId, "5000", "1000", "0", "2500", "1500");
        } finally {
            executeCommand("feature:install -r " + FEATURE);
        }
        waitFor("the MDF claim types to come back", () -> claims.availableTypes(partner).stream()
                .filter(t -> t.id().equals(REQUEST) || t.id().equals(PROOF)).count() == 2);
        assertTrue(claims.find(partner, proof.id()).orElseThrow().typeInstalled());
        assertEquals(thirdApproved.version(), claims.find(partner, third.id()).orElseThrow().version());
        assertEquals(eur("1000"), funds.reservation(manager, third.reference()).orElseThrow().reserved());
        assertBalance(manager, programId, partnerId, "5000", "1000", "0", "2500", "1500");
        // and the reinstalled type claims the kept reservation
        Claim again = claims.submitNew(partner, proof(partnerId, third.reference(), "900"));
        assertEquals(ClaimStatus.SUBMITTED, again.status());
    }

    @Test
    public void thePartnerClosesAnApprovedRequestReleasingItsFundsButNotWhileAProofClaimIsUnderReview() {
        Caller manager = demoUser("manager");
        Caller reviewer = demoUser("reviewer");
        Funded funded = fundedPartner(manager);
        Caller partner = funded.partner();
        LocalDate today = LocalDate.now();
        Claim request = approveAllSteps(reviewer, manager,
                claims.submitNew(partner, request(funded.partnerId(), "2000", today, today.plusDays(10))));
        assertTrue(request.isApprovedPreApproval());
        assertBalance(manager, funded.programId(), funded.partnerId(), "5000", "2000", "0", "0", "3000");

        // a proof claim under review needs the reservation: closing is refused, naming both claims
        Claim proof = claims.submitNew(partner, proof(funded.partnerId(), request.reference(), "1500"));
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> claims.close(partner, request.id(), request.version(), "Campaign cancelled"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("Request " + request.reference())
                && refused.getMessage().contains(proof.reference() + " is submitted"));
        Claim unchanged = claims.find(partner, request.id()).orElseThrow();
        assertEquals(ClaimStatus.APPROVED, unchanged.status());
        assertEquals(request.version(), unchanged.version());
        assertFalse(auditActions(request.id()).contains("claim.closed"));
        assertEquals(ReservationStatus.RESERVED,
                funds.reservation(manager, request.reference()).orElseThrow().status());
        assertBalance(manager, funded.programId(), funded.partnerId(), "5000", "2000", "0", "0", "3000");

        // withdrawn, the proof claim no longer holds it: the partner closes the request and the funds are available
        claims.withdraw(partner, proof.id(), proof.version(), "Wrong invoice attached");
        Claim closed = claims.close(partner, request.id(), request.version(), "Campaign cancelled");
        assertEquals(ClaimStatus.CLOSED, closed.status());
        assertEquals("Campaign cancelled", closed.statusNote());
        assertEquals(ReservationStatus.RELEASED,
                funds.reservation(manager, request.reference()).orElseThrow().status());
        assertBalance(manager, funded.programId(), funded.partnerId(), "5000", "0", "0", "0", "5000");
        assertEquals(List.of("claim.submitted", "claim.approved", "claim.closed"), auditActions(request.id()).stream()
                .filter(a -> a.startsWith("claim.")).filter(a -> !a.equals("claim.step-approved")).toList());
        assertEquals(List.of(), ledger.entriesForSource(manager, claimSource(request.id())));

        // a closed request is finished: not claimed, not closed again, not paid
        ClaimValidationException late = assertThrows(ClaimValidationException.class,
                () -> claims.submitNew(partner, proof(funded.partnerId(), request.reference(), "100")));
        assertTrue(late.problems().toString(), late.problems().toString().contains("is closed"));
        assertThrows(IllegalTransitionException.class,
                () -> claims.close(manager, request.id(), closed.version(), "Twice"));
    }

    @Test
    public void theSweepClosesAnApprovedRequestWhoseWindowPassedAndLeavesOneWithAProofClaimUnderReview() {
        Caller manager = demoUser("manager");
        Caller reviewer = demoUser("reviewer");
        Funded funded = fundedPartner(manager);
        Caller partner = funded.partner();
        LocalDate today = LocalDate.now();
        LocalDate end = today.plusDays(5);
        Claim unclaimed = approveAllSteps(reviewer, manager,
                claims.submitNew(partner, request(funded.partnerId(), "1200", today, end)));
        Claim underReview = approveAllSteps(reviewer, manager,
                claims.submitNew(partner, request(funded.partnerId(), "800", today, end)));
        Claim proof = claims.submitNew(partner, proof(funded.partnerId(), underReview.reference(), "700"));
        assertBalance(manager, funded.programId(), funded.partnerId(), "5000", "2000", "0", "0", "3000");
        MdfRequestSweep sweep = getService(MdfRequestSweep.class);
        assertThrows(AccessDeniedException.class, () -> sweep.closeOverdue(reviewer, today.plusYears(2)));

        // today both windows are open
        assertTrue(sweep.closeOverdue(Caller.system(), today).stream()
                .noneMatch(c -> c.partnerId().equals(funded.partnerId())));
        assertEquals(ClaimStatus.APPROVED, claims.find(partner, unclaimed.id()).orElseThrow().status());

        // a day after the longest grace period the configuration allows, the unclaimed request is closed
        List<Claim> closed = sweep.closeOverdue(Caller.system(), end.plusDays(367)).stream()
                .filter(c -> c.partnerId().equals(funded.partnerId())).toList();
        assertEquals(List.of(unclaimed.id()), closed.stream().map(Claim::id).toList());
        Claim after = claims.find(partner, unclaimed.id()).orElseThrow();
        assertEquals(ClaimStatus.CLOSED, after.status());
        assertTrue(after.statusNote(), after.statusNote().startsWith("Closed by the platform: no "
                + "proof-of-performance claim was made by"));
        assertEquals(ReservationStatus.RELEASED,
                funds.reservation(manager, unclaimed.reference()).orElseThrow().status());
        assertEquals(ClaimStatus.APPROVED, claims.find(partner, underReview.id()).orElseThrow().status());
        assertEquals(ClaimStatus.SUBMITTED, claims.find(partner, proof.id()).orElseThrow().status());
        assertBalance(manager, funded.programId(), funded.partnerId(), "5000", "800", "0", "0", "4200");
    }

    /** A partner of its own with a programme of its own and an allocation of EUR 5,000 in it. */
    private record Funded(String partnerId, Caller partner, String programId) {
    }

    private Funded fundedPartner(Caller manager) {
        String partnerId = "P-" + (900000 + ThreadLocalRandom.current().nextInt(99999));
        partners.create(Caller.system(), partnerId, "MDF test partner " + partnerId, PartnerKind.RESELLER,
                Money.currency("EUR"));
        Caller partner = new Caller("mdf-it-" + partnerId, "MDF partner user", Set.of(Role.PARTNER_USER), partnerId);
        waitFor("both MDF claim types", () -> claims.availableTypes(partner).stream()
                .filter(t -> t.id().equals(REQUEST) || t.id().equals(PROOF)).count() == 2);
        LocalDate today = LocalDate.now();
        String programId = unique("MDF-IT").toUpperCase(java.util.Locale.ROOT);
        funds.saveProgram(manager, new FundProgram(programId, "MDF integration test", Set.of(REQUEST, PROOF),
                Money.currency("EUR"), Accounts.MARKETING_FUNDS, true, 0));
        Budget budget = funds.saveBudget(manager, new Budget(0, programId, "IT", today.minusDays(1),
                today.plusDays(200), eur("20000"), null, 0));
        funds.allocate(manager, budget.id(), partnerId, eur("5000"), today.plusDays(180));
        return new Funded(partnerId, partner, programId);
    }

    private Claim approveAllSteps(Caller reviewer, Caller manager, Claim claim) {
        Claim current = claims.approve(reviewer, claim.id(), claim.version(), null);
        return current.status() == ClaimStatus.APPROVED ? current
                : claims.approve(manager, current.id(), current.version(), null);
    }

    private void assertBalance(Caller caller, String programId, String partnerId, String allocated, String reserved,
            String approved, String paid, String available) {
        List<FundBalance> balances = funds.balances(caller, programId, partnerId);
        assertEquals(balances.toString(), 1, balances.size());
        FundBalance b = balances.get(0);
        assertEquals("allocated", eur(allocated), b.allocated());
        assertEquals("reserved", eur(reserved), b.reserved());
        assertEquals("approved", eur(approved), b.approved());
        assertEquals("paid", eur(paid), b.paid());
        assertEquals("available", eur(available), b.available());
    }

    private static ClaimDraft request(String partnerId, String amount, LocalDate start, LocalDate end) {
        Map<String, String> fields = new HashMap<>();
        fields.put("activity", "trade-show");
        fields.put("campaign", "Spring fair " + unique("it"));
        fields.put("start", start.toString());
        fields.put("end", end.toString());
        fields.put("expectedResults", "200 qualified leads");
        return new ClaimDraft(REQUEST, partnerId, start, "Stand at the spring fair " + unique("it"), eur(amount),
                fields, List.of());
    }

    private static ClaimDraft proof(String partnerId, String requestReference, String amount) {
        String token = unique("it");
        return new ClaimDraft(PROOF, partnerId, LocalDate.now(), "Spring fair costs " + token, eur(amount),
                Map.of("fundsReservation", requestReference, "results", "180 leads, 12 opportunities"),
                List.of(new AttachmentUpload("invoice-" + token + ".png", Receipts.png())));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
