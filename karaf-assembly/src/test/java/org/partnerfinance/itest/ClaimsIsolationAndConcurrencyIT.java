package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.junit.Test;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.IllegalTransitionException;
import org.partnerfinance.claims.api.RejectionReason;
import org.partnerfinance.ledger.api.JournalEntry;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The claims service keeps partners apart and decides each claim once.
 *
 * <ul>
 * <li>Isolation: the users of partner P-1001 get nothing of partner P-1002's claims from any claims service method
 * (and none of its ledger), and their refused calls change nothing.</li>
 * <li>Concurrency: a reviewer and a manager deciding the same claim at the same moment produce exactly one
 * transition, one accrual and one audit record.</li>
 * </ul>
 */
@ExamReactorStrategy(PerSuite.class) // shares one booted distribution: DemoDistributionIT
public class ClaimsIsolationAndConcurrencyIT extends ClaimsTestSupport {

    /** How many fresh claims each concurrency test decides at once. */
    private static final int ROUNDS = 5;

    /** How long a racing decision may take. */
    private static final long DECISION_SECONDS = 60;

    // ------------------------------------------------------------------------------------------------- isolation

    @Test
    public void usersOfOnePartnerCannotReadOrActOnAnotherPartnersClaims() {
        Caller partner2 = demoUser("partner2");
        Caller reviewer = demoUser("reviewer");
        Caller manager = demoUser("manager");
        waitForExpenseType(partner2);

        // P-1002's claims in every state a method acts on: draft, submitted, approved
        Claim draft = claims.saveDraft(partner2, expenseDraft(PARTNER_2, "210.00", "NOK"));
        Claim submitted = claims.submitNew(partner2, expenseDraft(PARTNER_2, "320.00", "NOK"));
        Claim toApprove = claims.submitNew(partner2, expenseDraft(PARTNER_2, "430.00", "NOK"));
        Claim approved = claims.approve(manager, toApprove.id(), toApprove.version(), "approved for the test");
        List<Claim> theirs = List.of(draft, submitted, approved);
        Map<Long, List<AuditRecord>> auditBefore = auditOf(theirs);
        Map<Long, List<JournalEntry>> ledgerBefore = ledgerOf(reviewer, theirs);
        assertEquals("the accrual of the approved claim", 1, ledgerBefore.get(approved.id()).size());
        long attachmentId = submitted.attachments().get(0).id();
        List<String> refusedDescriptions = new ArrayList<>();

        for (String username : List.of("partner", "partneradmin")) {
            Caller other = demoUser(username);
            assertEquals(username + " belongs to " + PARTNER_1, PARTNER_1, other.partnerId());
            String who = username + " of " + PARTNER_1 + ": ";

            // reads: nothing, and no hint that the claims exist
            for (Claim claim : theirs) {
                assertEquals(who + "find " + claim.reference(), Optional.empty(), claims.find(other, claim.id()));
            }
            assertDenied(who + "listForPartner", () -> claims.listForPartner(other, PARTNER_2));
            assertDenied(who + "totals", () -> claims.totals(other, PARTNER_2));
            assertDenied(who + "totals of all partners", () -> claims.totals(other, null));
            assertDenied(who + "reviewQueue", () -> claims.reviewQueue(other));
            IllegalArgumentException noAttachment = assertThrows(who + "attachment", IllegalArgumentException.class,
                    () -> claims.attachment(other, submitted.id(), attachmentId));
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> claims.attachment(other, Long.MAX_VALUE, attachmentId));
            assertEquals(who + "the same answer as for a claim that does not exist", missing.getMessage(),
                    noAttachment.getMessage());

            // creating for the other partner, in every way
            ClaimDraft forOther = expenseDraft(PARTNER_2, "99.00", "NOK");
            refusedDescriptions.add(forOther.description());
            assertDenied(who + "check", () -> claims.check(other, forOther));
            assertDenied(who + "saveDraft", () -> claims.saveDraft(other, forOther));
            assertDenied(who + "submitNew", () -> claims.submitNew(other, forOther));
            assertDenied(who + "submit", () -> claims.submit(other, draft.id(), draft.version()));
            assertDenied(who + "update", () -> claims.update(other, draft.id(), draft.version(),
                    expenseDraft(PARTNER_2, "11.00", "NOK"), List.of()));
            assertDenied(who + "withdraw", () -> claims.withdraw(other, submitted.id(), submitted.version(), "x"));
            assertEquals(who + "versions", List.of(), claims.versions(other, submitted.id()));

            // deciding: finance only
            assertDenied(who + "approve", () -> claims.approve(other, submitted.id(), submitted.version(), "mine"));
            assertDenied(who + "reject", () -> claims.reject(other, submitted.id(), submitted.version(),
                    RejectionReason.NOT_ELIGIBLE, "not yours"));
            assertDenied(who + "markPaid", () -> claims.markPaid(other, approved.id(), approved.version(), "PAY-1"));
            assertDenied(who + "returnForInformation",
                    () -> claims.returnForInformation(other, submitted.id(), submitted.version(), "why?"));
            assertDenied(who + "approveAll",
                    () -> claims.approveAll(other, Map.of(submitted.id(), submitted.version()), null));

            // the other partner's ledger
            assertDenied(who + "entriesForPartner", () -> ledger.entriesForPartner(other, PARTNER_2));
            assertDenied(who + "balancesForPartner", () -> ledger.balancesForPartner(other, PARTNER_2));
            assertEquals(who + "entriesForSource of the other partner's accrual", List.of(),
                    ledger.entriesForSource(other, claimSource(approved.id())));

            // their own partner still works (the refusals above are about the partner, not the user)
            assertNotNull(claims.listForPartner(other, PARTNER_1));
        }

        // nothing of the refused calls was written
        for (Claim claim : theirs) {
            assertEquals("claim " + claim.reference() + " unchanged", claim,
                    claims.find(partner2, claim.id()).orElseThrow());
        }
        assertEquals("no audit records from refused calls", auditBefore, auditOf(theirs));
        assertEquals("no postings from refused calls", ledgerBefore, ledgerOf(reviewer, theirs));
        assertEquals("claims of " + PARTNER_2 + " from the refused saveDraft/submitNew calls", List.of(),
                claims.listForPartner(partner2, PARTNER_2).stream()
                        .filter(c -> refusedDescriptions.contains(c.description())
                                || !c.createdBy().equals("partner2"))
                        .toList());
    }

    @Test
    public void aPartnerBoundCallerHoldingFinanceRolesIsStillOnlyAPartnerUser() {
        Caller partner2 = demoUser("partner2");
        Caller partner = demoUser("partner");
        waitForExpenseType(partner2);
        Claim submitted = claims.submitNew(partner2, expenseDraft(PARTNER_2, "77.00", "NOK"));
        Caller forged = new Caller(partner.username(), partner.displayName(),
                EnumSet.of(Role.PARTNER_USER, Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER), PARTNER_1);

        assertEquals(Optional.empty(), claims.find(forged, submitted.id()));
        assertDenied("listForPartner", () -> claims.listForPartner(forged, PARTNER_2));
        assertDenied("reviewQueue", () -> claims.reviewQueue(forged));
        assertDenied("approve", () -> claims.approve(forged, submitted.id(), submitted.version(), null));
        assertEquals(submitted, claims.find(partner2, submitted.id()).orElseThrow());
    }

    // ----------------------------------------------------------------------------------------------- concurrency

    @Test
    public void twoSimultaneousApprovalsOfOneClaimGiveExactlyOneTransition() throws Exception {
        Caller partner = demoUser("partner");
        Caller reviewer = demoUser("reviewer");
        Caller manager = demoUser("manager");
        waitForExpenseType(partner);

        for (int round = 1; round <= ROUNDS; round++) {
            Claim claim = submitExpense(partner, "61.0" + round, "SEK");
            String context = "round " + round + ", claim " + claim.reference() + ": ";
            String comment = "approved in " + context;

            List<Outcome> outcomes = race(
                    () -> claims.approve(reviewer, claim.id(), claim.version(), comment),
                    () -> claims.approve(manager, claim.id(), claim.version(), comment));

            Outcome winner = onlyWinner(context, outcomes);
            Claim stored = claims.find(reviewer, claim.id()).orElseThrow();
            assertEquals(context + "stored status", ClaimStatus.APPROVED, stored.status());
            assertEquals(context + "stored decision", winner.claim.decidedBy(), stored.decidedBy());
            assertEquals(context + "the winner's snapshot is what is stored", winner.claim, stored);
            assertEquals(context + "accrual entries", 1,
                    ledger.entriesForSource(reviewer, claimSource(claim.id())).size());
            assertEquals(context + "audit records", List.of("claim.submitted", "claim.approved"),
                    auditActions(claim.id()));
        }
    }

    @Test
    public void simultaneousApprovalAndRejectionOfOneClaimGiveExactlyOneDecision() throws Exception {
        Caller partner = demoUser("partner");
        Caller reviewer = demoUser("reviewer");
        Caller manager = demoUser("manager");
        waitForExpenseType(partner);

        for (int round = 1; round <= ROUNDS; round++) {
            Claim claim = submitExpense(partner, "72.0" + round, "SEK");
            String context = "round " + round + ", claim " + claim.reference() + ": ";

            List<Outcome> outcomes = race(
                    () -> claims.approve(reviewer, claim.id(), claim.version(), null),
                    () -> claims.reject(manager, claim.id(), claim.version(), RejectionReason.DUPLICATE, null));

            Outcome winner = onlyWinner(context, outcomes);
            Claim stored = claims.find(reviewer, claim.id()).orElseThrow();
            assertEquals(context + "the winner's snapshot is what is stored", winner.claim, stored);
            boolean approved = stored.status() == ClaimStatus.APPROVED;
            assertTrue(context + "status " + stored.status(), approved || stored.status() == ClaimStatus.REJECTED);
            assertEquals(context + "accrual entries", approved ? 1 : 0,
                    ledger.entriesForSource(reviewer, claimSource(claim.id())).size());
            assertEquals(context + "audit records",
                    List.of("claim.submitted", approved ? "claim.approved" : "claim.rejected"),
                    auditActions(claim.id()));
        }
    }

    @Test
    public void twoReviewersApprovingTheSameStepAtOnceGiveOneStepApprovalAndTheChainEndsWithTheManager()
            throws Exception {
        Caller partner = demoUser("partner");
        Caller reviewer = demoUser("reviewer");
        Caller manager = demoUser("manager");
        // a second reviewer: the service authorizes by roles, the user directory is not consulted
        Caller reviewer2 = new Caller("itest-reviewer-2", "Second Reviewer", java.util.Set.of(Role.FINANCE_REVIEWER),
                null);
        waitForExpenseType(partner);

        for (int round = 1; round <= ROUNDS; round++) {
            // EUR 2,000 (the base currency, so no exchange rate decides the band): the reviewer-then-manager band
            Claim claim = submitExpense(partner, "2000.0" + round, "EUR");
            String context = "round " + round + ", claim " + claim.reference() + ": ";
            assertEquals(context + "chain", List.of("finance-reviewer", "finance-manager"),
                    claim.steps().stream().map(s -> s.role()).toList());
            assertNotNull(context + "due date of the first step", claim.due().orElse(null));

            List<Outcome> outcomes = race(
                    () -> claims.approve(reviewer, claim.id(), claim.version(), "step one, " + context),
                    () -> claims.approve(reviewer2, claim.id(), claim.version(), "step one, " + context));

            Outcome winner = onlyWinner(context, outcomes);
            Claim stored = claims.find(manager, claim.id()).orElseThrow();
            assertEquals(context + "still waiting for its second step", ClaimStatus.SUBMITTED, stored.status());
            assertEquals(context + "the winner's snapshot is what is stored", winner.claim, stored);
            assertEquals(context + "step 1 approver", winner.claim.steps().get(0).approvedBy(),
                    stored.steps().get(0).approvedBy());
            assertEquals(context + "current step", 2, stored.currentStep().orElseThrow().number());
            assertEquals(context + "no accrual before the last step", 0,
                    ledger.entriesForSource(manager, claimSource(claim.id())).size());
            assertEquals(context + "audit records", List.of("claim.submitted", "claim.step-approved"),
                    auditActions(claim.id()));

            Claim approved = claims.approve(manager, stored.id(), stored.version(), "step two, " + context);
            assertEquals(context + "approved by the last step", ClaimStatus.APPROVED, approved.status());
            assertEquals(context + "accrual entries", 1,
                    ledger.entriesForSource(manager, claimSource(claim.id())).size());
            assertEquals(context + "audit records", List.of("claim.submitted", "claim.step-approved",
                    "claim.approved"), auditActions(claim.id()));
        }
    }

    @Test
    public void remindersAndEscalationsFireOncePerStepAtTheTimeGiven() {
        Caller partner = demoUser("partner");
        Caller admin = demoUser("admin");
        waitForExpenseType(partner);
        Claim claim = submitExpense(partner, "77.00", "SEK");
        java.time.Instant due = claim.due().orElseThrow();

        assertTrue(claims.runServiceLevels(admin, due.minus(java.time.Duration.ofHours(1))).reminders() >= 1);
        claims.runServiceLevels(admin, due.minus(java.time.Duration.ofMinutes(30)));
        assertEquals(List.of("claim.submitted", "claim.step-reminder"), auditActions(claim.id()));

        assertTrue(claims.runServiceLevels(admin, due.plus(java.time.Duration.ofMinutes(1))).escalations() >= 1);
        claims.runServiceLevels(admin, due.plus(java.time.Duration.ofDays(1)));
        assertEquals(List.of("claim.submitted", "claim.step-reminder", "claim.step-escalated"),
                auditActions(claim.id()));
        assertThrows(AccessDeniedException.class, () -> claims.runServiceLevels(partner, due));
    }

    // ------------------------------------------------------------------------------------------------------- helpers

    /** What one racing call returned or threw. */
    private record Outcome(Claim claim, Throwable failure) {
    }

    /**
     * Runs the calls on threads of their own, released at the same moment by a start gate, and waits for all of them.
     */
    @SafeVarargs
    private static List<Outcome> race(Callable<Claim>... calls) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch ready = new CountDownLatch(calls.length);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Claim>> futures = new ArrayList<>();
            for (Callable<Claim> call : calls) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return call.call();
                }));
            }
            assertTrue("the racing threads are ready", ready.await(DECISION_SECONDS, TimeUnit.SECONDS));
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Claim> future : futures) {
                try {
                    outcomes.add(new Outcome(future.get(DECISION_SECONDS, TimeUnit.SECONDS), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome(null, e.getCause()));
                } catch (TimeoutException e) {
                    throw new AssertionError("A racing decision took longer than " + DECISION_SECONDS + " s", e);
                }
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Asserts that exactly one call succeeded and every other one was told that someone else changed the claim
     * first; returns the successful one.
     */
    private static Outcome onlyWinner(String context, List<Outcome> outcomes) {
        List<Outcome> winners = outcomes.stream().filter(o -> o.failure == null).toList();
        assertEquals(context + "successful decisions among " + outcomes, 1, winners.size());
        for (Outcome loser : outcomes) {
            if (loser.failure == null) {
                continue;
            }
            if (!(loser.failure instanceof ConcurrentChangeException
                    || loser.failure instanceof IllegalTransitionException)) {
                throw new AssertionError(context + "the losing decision failed with " + loser.failure
                        + " instead of a concurrent change or illegal transition", loser.failure);
            }
            assertNotNull(context + "a message for the user", loser.failure.getMessage());
        }
        return winners.get(0);
    }

    private static void assertDenied(String call, Runnable action) {
        try {
            action.run();
        } catch (AccessDeniedException e) {
            assertNotNull(call + ": a message", e.getMessage());
            return;
        } catch (RuntimeException e) {
            throw new AssertionError(call + " threw " + e + " instead of AccessDeniedException", e);
        }
        fail(call + " was allowed; expected AccessDeniedException");
    }

    private Map<Long, List<AuditRecord>> auditOf(List<Claim> list) {
        return list.stream().collect(Collectors.toMap(Claim::id,
                c -> audit.forEntity("claim", Long.toString(c.id()))));
    }

    private Map<Long, List<JournalEntry>> ledgerOf(Caller finance, List<Claim> list) {
        return list.stream().collect(Collectors.toMap(Claim::id,
                c -> ledger.entriesForSource(finance, claimSource(c.id()))));
    }
}
