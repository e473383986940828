package org.partnerfinance.claims.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.Attachment;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimEvent;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.ApprovalStep;
import org.partnerfinance.claims.api.RejectionCode;
import org.partnerfinance.claims.api.RejectionReason;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.testing.RecordingLiveUpdates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.VaadinSession;

/** Drives the claim detail view on the server side with a stub claims service. */
public class ClaimDetailViewTest {

    private static final Caller PARTNER = new Caller("partner", "Paula", Set.of(Role.PARTNER_USER), "P-1001");
    private static final Caller REVIEWER = new Caller("reviewer", "Rita", Set.of(Role.FINANCE_REVIEWER), null);
    private static final Caller MANAGER = new Caller("manager", "Max", Set.of(Role.FINANCE_MANAGER), null);

    private final StubClaims claims = new StubClaims();
    private final RecordingLiveUpdates live = new RecordingLiveUpdates();
    private final List<String> notifications = new ArrayList<>();
    private final List<String> navigations = new ArrayList<>();
    private UI ui;

    @Before
    public void setUp() {
        ui = new UI();
        // a session that is always locked by the test thread, so that opened dialogs attach as in a request
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

    private static Claim unruled(ClaimStatus status, boolean typeInstalled, long version) {
        Money amount = Money.of("84.60", "EUR");
        return new Claim(42, "CLM-000042", "P-1001", "expense", "Expense reimbursement", typeInstalled, status,
                LocalDate.of(2025, 6, 1), "Taxi to the summit", amount, amount,
                List.of(new ClaimField("category", "Category", "travel")),
                List.of(new Attachment(5, "taxi.pdf", "application/pdf", 2048, "ab"),
                        new Attachment(6, "photo.png", "image/png", 100, "cd")),
                List.of(new ComplianceFinding("core.duplicate", ComplianceOutcome.PASS, "C-DUP", "No duplicate."),
                        new ComplianceFinding("limit", ComplianceOutcome.WARN, "C-LIM", "Close to the limit.")),
                status == ClaimStatus.REJECTED ? RejectionReason.DUPLICATE : null,
                status == ClaimStatus.REJECTED ? "Same as CLM-000041." : null, null, null, "partner",
                Instant.parse("2025-06-01T10:00:00Z"), Instant.parse("2025-06-01T10:05:00Z"), null, null, version);
    }

    private static final AccountingRule EXPENSE_RULE = new AccountingRule("6300", "2150", "1200");

    /**
     * An expense claim; approved, scheduled and paid ones accrued by the expense rule (an approved claim without a
     * rule is a pre-approval, see {@link #preApproval}).
     */
    static Claim claim(ClaimStatus status, boolean typeInstalled, long version) {
        Claim c = unruled(status, typeInstalled, version);
        boolean accrued = status == ClaimStatus.APPROVED || status == ClaimStatus.SCHEDULED
                || status == ClaimStatus.PAID;
        return accrued ? withRule(c, EXPENSE_RULE) : c;
    }

    /** An MDF-like pre-approval: approved (or closed) without an accounting rule. */
    static Claim preApproval(ClaimStatus status, long version, String note) {
        Claim c = unruled(status, true, version);
        return withWorkflow(c, List.of(), c.amount(), null, note);
    }

    static Claim withRule(Claim c, AccountingRule rule) {
        return new Claim(c.id(), c.reference(), c.partnerId(), c.typeId(), c.typeName(), c.typeInstalled(), c.status(),
                c.date(), c.description(), c.amount(), c.eligibleAmount(), c.fields(), c.attachments(), c.findings(),
                c.rejectionReason(), c.decisionComment(), c.decidedBy(), c.paymentReference(), c.createdBy(),
                c.createdAt(), c.submittedAt(), c.decidedAt(), c.paidAt(), c.version(), c.steps(), c.approvedAmount(),
                c.partialReason(), c.statusNote(), c.rejection(), rule);
    }

    private ClaimDetailView view(Caller caller, String id) {
        return new ClaimDetailView(context(caller, id), claims, live,
                pid -> "Northwind", () -> Optional.of("-----BEGIN PUBLIC KEY-----"));
    }

    @Test
    public void partnerSeesEverythingButNoDecisionButtons() {
        claims.claim = claim(ClaimStatus.SUBMITTED, true, 1);
        ClaimDetailView view = view(PARTNER, "42");

        assertEquals("Submitted", this.<Span>find(view, "claim-status").getText());
        assertEquals("EUR 84.60", this.<Span>find(view, "claim-amount").getText());
        assertEquals("travel", this.<Span>find(view, "claim-field-category").getText());
        assertEquals("taxi.pdf", this.<Anchor>find(view, "claim-attachment-5").getText());
        assertEquals("_blank", this.<Anchor>find(view, "claim-attachment-5").getTarget().orElse(null));
        // the PDF is a download only, the image is also previewed in the page
        assertFalse(exists(view, "claim-attachment-preview-5"));
        assertTrue(this.<Anchor>find(view, "claim-attachment-5").getElement().hasAttribute("download"));
        assertTrue(exists(view, "claim-attachment-preview-6"));
        assertTrue(exists(view, "claim-findings"));
        // a partner may only withdraw a submitted claim
        assertFalse(exists(view, "claim-approve"));
        assertFalse(exists(view, "claim-reject"));
        assertFalse(exists(view, "claim-edit"));
        assertTrue(exists(view, "claim-withdraw"));
        assertFalse(exists(view, "claim-type-missing"));
    }

    @Test
    public void historyComesFromTheClaimsServiceForTheViewingCaller() {
        claims.claim = claim(ClaimStatus.SUBMITTED, true, 1);
        ClaimDetailView none = view(PARTNER, "42");
        assertFalse(exists(none, "claim-history"));

        claims.history = List.of(
                new ClaimEvent(Instant.parse("2025-06-01T10:05:00Z"), "partner", "claim.submitted", "",
                        "status=SUBMITTED", 17));
        ClaimDetailView view = view(PARTNER, "42");
        assertTrue(exists(view, "claim-history"));
        assertTrue(claims.historyReads.contains("42 partner"));
        // each record offers its proof as a download, and the key to check it with
        ClaimHistoryPart part = new ClaimHistoryPart(claims, PARTNER, () -> Optional.of("-----BEGIN PUBLIC KEY-----"));
        Anchor proof = (Anchor) part.proofCell(42, claims.history.get(0));
        assertEquals("Download proof", proof.getText());
        assertEquals("claim-history-proof-17", proof.getId().orElseThrow());
        assertTrue(proof.getElement().hasAttribute("download"));
        assertFalse(part.proofCell(42, new ClaimEvent(Instant.parse("2025-06-01T10:05:00Z"), "partner",
                "claim.submitted", "", "status=SUBMITTED")) instanceof Anchor);
        assertTrue(this.<Anchor>find(view, "claim-history-public-key").getElement().hasAttribute("download"));
    }

    @Test
    public void storedDataIsShownWhenTheTypeIsNotInstalled() {
        claims.claim = claim(ClaimStatus.SUBMITTED, false, 1);
        ClaimDetailView view = view(PARTNER, "42");
        assertEquals("Claim type not installed — showing stored data",
                this.<Span>find(view, "claim-type-missing").getText());
        assertEquals("travel", this.<Span>find(view, "claim-field-category").getText());
    }

    @Test
    public void rejectedClaimShowsCodedReasonAndComment() {
        claims.claim = claim(ClaimStatus.REJECTED, true, 2);
        ClaimDetailView view = view(PARTNER, "42");
        assertEquals("Same as CLM-000041.", this.<Span>find(view, "claim-rejection-comment").getText());
        assertTrue(descendants(find(view, "claim-rejection")).anyMatch(
                c -> c instanceof Span s && "Rejected: R03 Duplicate of an earlier claim".equals(s.getText())));
    }

    /** The claim with an approval chain and workflow notes. */
    static Claim withWorkflow(Claim c, List<ApprovalStep> steps, Money approved, String partialReason, String note) {
        return new Claim(c.id(), c.reference(), c.partnerId(), c.typeId(), c.typeName(), c.typeInstalled(), c.status(),
                c.date(), c.description(), c.amount(), c.eligibleAmount(), c.fields(), c.attachments(), c.findings(),
                c.rejectionReason(), c.decisionComment(), c.decidedBy(), c.paymentReference(), c.createdBy(),
                c.createdAt(), c.submittedAt(), c.decidedAt(), c.paidAt(), c.version(), steps, approved, partialReason,
                note, c.rejection(), c.accountingRule());
    }

    private static final List<ApprovalStep> TWO_STEPS_FIRST_DONE = List.of(
            new ApprovalStep(1, "finance-reviewer", Instant.parse("2025-06-03T10:05:00Z"), "rita",
                    Instant.parse("2025-06-02T09:00:00Z"), "fine"),
            new ApprovalStep(2, "finance-manager", Instant.parse("2025-06-05T09:00:00Z"), null, null, null));

    @Test
    public void theChainShowsWhoApprovedAndWhichStepWaitsUntilWhen() {
        claims.claim = withWorkflow(claim(ClaimStatus.SUBMITTED, true, 2), TWO_STEPS_FIRST_DONE, null, null, null);
        ClaimDetailView partnerView = view(PARTNER, "42");
        assertTrue(this.<Span>find(partnerView, "claim-step-1").getText().contains("approved by rita"));
        assertTrue(this.<Span>find(partnerView, "claim-step-2").getText(),
                this.<Span>find(partnerView, "claim-step-2").getText().startsWith("2. Finance manager — waiting, due"));
        // the manager's step is not offered to a reviewer, who may still return or reject the claim
        ClaimDetailView reviewerView = view(REVIEWER, "42");
        assertFalse(exists(reviewerView, "claim-approve"));
        assertTrue(exists(reviewerView, "claim-return"));
        assertTrue(exists(view(MANAGER, "42"), "claim-approve"));
    }

    @Test
    public void aReviewerReturnsAClaimWithAQuestion() {
        claims.claim = claim(ClaimStatus.SUBMITTED, true, 1);
        claims.decision = (action, id, version, args) -> withWorkflow(claim(ClaimStatus.RETURNED, true, 2), List.of(),
                null, null, "Who attended?");
        ClaimDetailView view = view(REVIEWER, "42");
        this.<Button>find(view, "claim-return").click();
        Dialog dialog = openDialog();
        Button confirm = find(dialog, "return-confirm");
        confirm.click();
        assertTrue(this.<TextArea>find(dialog, "return-question").isInvalid());
        assertTrue(claims.calls.isEmpty());
        this.<TextArea>find(dialog, "return-question").setValue("Who attended?");
        confirm.click();
        assertEquals(List.of("return 42 v1 Who attended?"), claims.calls);
        assertEquals("Question from the reviewer: Who attended?", this.<Span>find(view, "claim-question").getText());
    }

    @Test
    public void aPartialApprovalSendsTheAmountAndReason() {
        claims.claim = claim(ClaimStatus.SUBMITTED, true, 1);
        claims.decision = (action, id, version, args) -> withWorkflow(claim(ClaimStatus.APPROVED, true, 2), List.of(),
                Money.of("50", "EUR"), "Only the taxi", null);
        ClaimDetailView view = view(REVIEWER, "42");
        this.<Button>find(view, "claim-approve-partially").click();
        Dialog dialog = openDialog();
        this.<com.vaadin.flow.component.textfield.BigDecimalField>find(dialog, "partial-amount")
                .setValue(new java.math.BigDecimal("50"));
        this.<TextArea>find(dialog, "partial-reason").setValue("Only the taxi");
        this.<Button>find(dialog, "partial-confirm").click();
        assertEquals(List.of("partial 42 v1 EUR 50.00 Only the taxi"), claims.calls);
        assertEquals("Approved EUR 50.00 of EUR 84.60: Only the taxi", this.<Span>find(view, "claim-partial").getText());
    }

    @Test
    public void thePartnerEditsAReturnedClaimKeepingChosenAttachmentsAndResubmits() {
        claims.claim = withWorkflow(claim(ClaimStatus.RETURNED, true, 2), List.of(), null, null, "Who attended?");
        claims.decision = (action, id, version, args) -> action.equals("update")
                ? withWorkflow(claim(ClaimStatus.RETURNED, true, 3), List.of(), null, null, "Who attended?")
                : claim(ClaimStatus.SUBMITTED, true, 4);
        ClaimDetailView view = view(PARTNER, "42");
        assertFalse(exists(view, "claim-approve"));
        this.<Button>find(view, "claim-edit").click();
        Dialog dialog = openDialog();
        this.<com.vaadin.flow.component.textfield.BigDecimalField>find(dialog, "edit-amount")
                .setValue(new java.math.BigDecimal("80.00"));
        this.<com.vaadin.flow.component.checkbox.Checkbox>find(dialog, "edit-keep-6").setValue(false);
        this.<Button>find(dialog, "edit-confirm").click();
        assertEquals(List.of("update 42 v2 EUR 80.00 keep [5]"), claims.calls);

        this.<Button>find(view, "claim-resubmit").click();
        Dialog submit = openDialog();
        this.<Button>find(submit, "resubmit-confirm").click();
        assertEquals("Submitted", this.<Span>find(view, "claim-status").getText());
    }

    @Test
    public void reviewerMayApproveOrRejectSubmittedClaims() {
        claims.claim = claim(ClaimStatus.SUBMITTED, true, 1);
        ClaimDetailView view = view(REVIEWER, "42");
        assertTrue(exists(view, "claim-approve"));
        assertTrue(exists(view, "claim-reject"));
        assertFalse(exists(view, "claim-mark-paid"));
    }

    @Test
    public void onlyManagersMarkApprovedClaimsPaid() {
        claims.claim = claim(ClaimStatus.APPROVED, true, 2);
        assertFalse(exists(view(REVIEWER, "42"), "claim-actions"));
        assertTrue(exists(view(MANAGER, "42"), "claim-mark-paid"));
    }

    @Test
    public void anApprovedPreApprovalIsClosedWithAReasonByThePartnerOrFinanceAndNeverMarkedPaid() {
        claims.claim = preApproval(ClaimStatus.APPROVED, 2, null);
        assertFalse(exists(view(MANAGER, "42"), "claim-mark-paid"));
        assertTrue(exists(view(MANAGER, "42"), "claim-close"));
        assertTrue(exists(view(REVIEWER, "42"), "claim-close"));
        ClaimDetailView view = view(PARTNER, "42");
        claims.decision = (action, id, version, args) -> preApproval(ClaimStatus.CLOSED, 3, (String) args[0]);
        this.<Button>find(view, "claim-close").click();
        Dialog dialog = openDialog();
        Button confirm = find(dialog, "close-confirm");
        confirm.click();
        assertTrue(this.<TextArea>find(dialog, "close-reason").isInvalid());
        assertTrue("no call without a reason", claims.calls.isEmpty());
        this.<TextArea>find(dialog, "close-reason").setValue(" Campaign cancelled ");
        confirm.click();
        assertEquals(List.of("close 42 v2 Campaign cancelled"), claims.calls);
        assertEquals("Closed: Campaign cancelled", this.<Span>find(view, "claim-closed").getText());
        assertFalse(exists(view, "claim-close"));

        // an accrued claim is paid, not closed; an uninstalled type cannot give back what it holds
        claims.claim = claim(ClaimStatus.APPROVED, true, 2);
        assertFalse(exists(view(MANAGER, "42"), "claim-close"));
        claims.claim = new Claim(42, "CLM-000042", "P-1001", "mdf-request", "MDF request", false,
                ClaimStatus.APPROVED, claims.claim.date(), "Fair", claims.claim.amount(), claims.claim.amount(),
                List.of(), List.of(), List.of(), null, null, null, null, "partner", claims.claim.createdAt(),
                claims.claim.submittedAt(), null, null, 2);
        assertFalse(exists(view(PARTNER, "42"), "claim-close"));
    }

    @Test
    public void rejectingWithOtherNeedsACommentThenRejectsAndShowsTheNewState() {
        claims.claim = claim(ClaimStatus.SUBMITTED, true, 3);
        claims.decision = (action, id, version, args) -> claim(ClaimStatus.REJECTED, true, 4);
        ClaimDetailView view = view(REVIEWER, "42");

        this.<Button>find(view, "claim-reject").click();
        Dialog dialog = openDialog();
        Select<RejectionCode> reason = find(dialog, "reject-reason");
        TextArea comment = find(dialog, "reject-comment");
        Button confirm = find(dialog, "reject-confirm");

        confirm.click();
        assertTrue("a reason is required", reason.isInvalid());
        assertTrue(claims.calls.isEmpty());

        reason.setValue(claims.codes.get(1)); // R99, comment required
        confirm.click();
        assertTrue("OTHER needs a comment", comment.isInvalid());
        assertTrue(claims.calls.isEmpty());

        comment.setValue("Receipt is for a private trip.");
        confirm.click();
        assertEquals(List.of("reject 42 v3 R99 Receipt is for a private trip."), claims.calls);
        assertFalse(dialog.isOpened());
        assertEquals(List.of("Claim CLM-000042 rejected"), notifications);
        assertEquals("Rejected", this.<Span>find(view, "claim-status").getText());
        assertFalse(exists(view, "claim-actions"));
    }

    @Test
    public void concurrentDecisionClosesTheDialogAndShowsTheLatestState() {
        claims.claim = claim(ClaimStatus.SUBMITTED, true, 1);
        claims.decision = (action, id, version, args) -> {
            claims.claim = claim(ClaimStatus.APPROVED, true, 2); // someone else was faster
            throw new ConcurrentChangeException("Claim 42 was changed by someone else.", null);
        };
        ClaimDetailView view = view(REVIEWER, "42");
        this.<Button>find(view, "claim-approve").click();
        Dialog dialog = openDialog();
        this.<Button>find(dialog, "approve-confirm").click();

        assertFalse(dialog.isOpened());
        assertEquals(List.of(Ui.CONCURRENT_CHANGE), notifications);
        assertEquals("Approved", this.<Span>find(view, "claim-status").getText());
    }

    @Test
    public void refusedDecisionKeepsTheDialogWithTheMessage() {
        claims.claim = claim(ClaimStatus.SUBMITTED, true, 1);
        claims.decision = (action, id, version, args) -> {
            throw new org.partnerfinance.security.api.AccessDeniedException(
                    "EUR 84.60 exceeds your approval limit of EUR 50.00.");
        };
        ClaimDetailView view = view(REVIEWER, "42");
        this.<Button>find(view, "claim-approve").click();
        Dialog dialog = openDialog();
        this.<Button>find(dialog, "approve-confirm").click();

        assertTrue(dialog.isOpened());
        assertEquals("EUR 84.60 exceeds your approval limit of EUR 50.00.",
                this.<Span>find(dialog, "approve-error").getText());
    }

    @Test
    public void changesOfTheClaimsPartnerOrOfTheTypesRefreshThePage() {
        claims.claim = claim(ClaimStatus.SUBMITTED, true, 1);
        ClaimDetailView view = view(PARTNER, "42");
        claims.claim = claim(ClaimStatus.APPROVED, true, 2);
        live.publish(LiveUpdates.CLAIMS, "P-2");
        assertEquals("another partner's change leaves the page", "Submitted",
                this.<Span>find(view, "claim-status").getText());
        live.publish(LiveUpdates.CLAIMS, "P-1001");
        assertEquals("Approved", this.<Span>find(view, "claim-status").getText());
        claims.claim = claim(ClaimStatus.APPROVED, false, 2);
        live.publish(LiveUpdates.CLAIMS, null);
        assertTrue("a claim type that went away shows at once", exists(view, "claim-type-missing"));
    }

    @Test
    public void unknownOrMissingIdsGiveAMessage() {
        assertTrue(this.<Span>find(view(PARTNER, null), "claim-message").getText().contains("No claim selected"));
        assertTrue(this.<Span>find(view(PARTNER, "99"), "claim-message").getText().contains("does not exist"));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** The dialog opened last; runs the UI's pending before-response work that attaches opened dialogs. */
    // ---- the review queue's mass approval and the rejection-reason catalogue (same stub service and UI) ---------

    @Test
    public void massApprovalApprovesTheSelectedClaimsAndListsEachOutcome() {
        Claim first = claim(ClaimStatus.SUBMITTED, true, 1);
        Claim second = new Claim(43, "CLM-000043", "P-1001", "expense", "Expense reimbursement", true,
                ClaimStatus.SUBMITTED, first.date(), "Hotel", first.amount(), first.amount(), List.of(), List.of(),
                List.of(), null, null, null, null, "partner", first.createdAt(), first.submittedAt(), null, null, 7);
        claims.queue = List.of(first, second);
        claims.decision = (action, id, version, args) -> {
            if (id == 43) {
                throw new org.partnerfinance.security.api.AccessDeniedException("above your approval limit");
            }
            return claim(ClaimStatus.APPROVED, true, 2);
        };
        ReviewQueueView view = new ReviewQueueView(context(REVIEWER, null), claims, live,
                java.util.Map::of, java.time.Clock.systemUTC());
        Button approve = find(view, "review-approve-selected");
        assertFalse(approve.isEnabled());
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<Claim> grid = (com.vaadin.flow.component.grid.Grid<Claim>) find(view,
                "review-grid");
        grid.select(first);
        grid.select(second);
        assertTrue(approve.isEnabled());
        approve.click();

        assertEquals(List.of("approveAll {42=1, 43=7} null"), claims.calls);
        assertEquals("CLM-000042: approved", this.<Span>find(view, "review-result-42").getText());
        assertEquals("CLM-000043: not approved — above your approval limit",
                this.<Span>find(view, "review-result-43").getText());
        assertEquals(List.of("1 of 2 claims approved"), notifications);
    }

    @Test
    public void administratorsAddRenameAndRetireRejectionCodes() {
        Caller admin = new Caller("admin", "Ada", Set.of(Role.ADMINISTRATOR), null);
        RejectionCodesView view = new RejectionCodesView(context(admin, null), claims);
        this.<com.vaadin.flow.component.textfield.TextField>find(view, "rejection-code").setValue("R07");
        this.<com.vaadin.flow.component.textfield.TextField>find(view, "rejection-text")
                .setValue("Activity not pre-approved");
        this.<Button>find(view, "rejection-save").click();
        view.retireButton(claims.codes.get(0)).click(); // the grid renders its buttons lazily, as the browser asks
        assertEquals(List.of("saveCode R07 Activity not pre-approved false", "retireCode R01 true"), claims.calls);
        assertTrue(claims.rejectionCodes(admin, true).stream()
                .anyMatch(c -> c.code().equals("R01") && c.retired()));
        // a retired code is no longer offered when rejecting
        claims.claim = claim(ClaimStatus.SUBMITTED, true, 1);
        this.<Button>find(view(REVIEWER, "42"), "claim-reject").click();
        Select<RejectionCode> reason = find(openDialog(), "reject-reason");
        assertEquals(List.of("R99", "R07"), reason.getListDataView().getItems().map(RejectionCode::code).toList());
    }

    private Dialog openDialog() {
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return descendants(ui).filter(Dialog.class::isInstance).map(Dialog.class::cast).filter(Dialog::isOpened)
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no open dialog"));
    }

    private boolean exists(Component root, String id) {
        return descendants(root).anyMatch(c -> c.getId().filter(id::equals).isPresent());
    }

    @SuppressWarnings("unchecked")
    private <T extends Component> T find(Component root, String id) {
        return (T) descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id));
    }

    private static Stream<Component> descendants(Component root) {
        Stream<Component> children = root instanceof Dialog dialog
                ? Stream.concat(dialog.getChildren(), Stream.concat(dialog.getFooter().getElement().getChildren()
                        .map(e -> e.getComponent().orElse(null)).filter(c -> c != null), Stream.empty()))
                : root.getChildren();
        return Stream.concat(Stream.of(root), children.flatMap(ClaimDetailViewTest::descendants));
    }

    private ScreenContext context(Caller caller, String id) {
        return new ScreenContext() {
            @Override
            public Caller caller() {
                return caller;
            }

            @Override
            public UI ui() {
                return ui;
            }

            @Override
            public Map<String, List<String>> queryParameters() {
                return id == null ? Map.of() : Map.of("id", List.of(id));
            }

            @Override
            public void navigate(String pathAndQuery) {
                navigations.add(pathAndQuery);
            }

            @Override
            public void notify(String message, boolean error) {
                notifications.add(message);
            }
        };
    }

    @Test
    public void partnerSeesWhenAndHowTheClaimIsSettledAndOpensItsDocument() {
        claims.claim = claim(ClaimStatus.SCHEDULED, true, 3);
        claims.settlement = new org.partnerfinance.claims.api.ClaimSettlement(42, "P-1001", "CLM-000042",
                Money.of("84.60", "EUR"), new org.partnerfinance.claims.api.SettlementPlan(
                        org.partnerfinance.claims.api.SettlementMethod.PAYMENT, LocalDate.of(2025, 7, 1), 7L,
                        "CLM-000042", 9L), "manager", Instant.parse("2025-06-20T10:00:00Z"), true, null, null);
        ClaimDetailView view = view(PARTNER, "42");
        assertEquals("Settlement scheduled for 2025-07-01 as payment · EUR 84.60",
                this.<Span>find(view, "claim-settlement").getText());
        this.<Button>find(view, "claim-settlement-document").click();
        assertEquals(List.of("documents/detail?id=7"), navigations);

        claims.claim = claim(ClaimStatus.APPROVED, true, 2);
        assertFalse(exists(view(PARTNER, "42"), "claim-settlement"));
    }
}
