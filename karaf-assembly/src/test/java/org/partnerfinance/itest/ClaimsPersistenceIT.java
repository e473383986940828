package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import java.util.Dictionary;
import java.util.Hashtable;

import javax.imageio.ImageIO;

import org.junit.Test;
import org.partnerfinance.claims.api.ClaimSettlement;
import org.partnerfinance.claims.api.SettlementMethod;
import org.partnerfinance.claims.settlement.api.SettlementOutcome;
import org.partnerfinance.claims.settlement.api.SettlementService;
import org.partnerfinance.documents.api.BankConfirmation;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.documents.api.StatementLine;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Role;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.URLName;

import org.eclipse.angus.mail.imap.IMAPStore;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.claims.api.Attachment;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.StatusTotal;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.rules.api.ComplianceCodes;
import org.partnerfinance.claims.rules.api.DeadlineExtensions;
import org.partnerfinance.claims.rules.api.ExtensionRequest;
import org.partnerfinance.claims.rules.api.ExtensionStatus;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.JournalEntry;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.notifications.api.Notification;
import org.partnerfinance.notifications.api.Notifications;
import org.partnerfinance.security.api.Caller;

/**
 * What the services write reaches the Derby database whole, or not at all.
 *
 * <ul>
 * <li>Round trip: an expense claim with real receipt files is submitted, read back, approved; its accrual and audit
 * records are read through the ledger and audit services.</li>
 * <li>Unit of work: a ledger posting and an audit record made in one {@code UnitOfWork.required} commit together, and
 * a failure after the posting leaves neither behind; an approval rolled back by its enclosing unit of work leaves
 * the claim as it was.</li>
 * </ul>
 * <li>Settlement: an approved claim settled by a scheduled payment the bank confirms, and by credit notes applied to
 * what the partner owes, with the documents on the partner's statement and the books as they must end.</li>
 * Each test uses a currency of its own for the demo partner P-1001 (or a partner of its own), so balances and totals it
 * reads move only by what it did itself.
 */
@ExamReactorStrategy(PerSuite.class) // shares one booted distribution: DemoDistributionIT
public class ClaimsPersistenceIT extends ClaimsTestSupport {

    // --------------------------------------------------------------------------------------------------- notifications

    @Test
    public void anApprovalRingsTheCreatorsBellAndEmailsThemThroughSmtp() throws Exception {
        Caller partner = demoUser("partner");
        Caller reviewer = demoUser("reviewer");
        waitForExpenseType(partner);
        String address = unique("partner") + "@p1001.example";
        users.setEmail(partner, "partner", address);
        Notifications notifications = getService(Notifications.class);
        assertTrue("e-mail is configured by the test", notifications.mailEnabled());
        long unreadBefore = notifications.unreadCount(partner);

        Claim submitted = submitExpense(partner, "42.00", "SEK");
        Claim approved = claims.approve(reviewer, submitted.id(), submitted.version(), "fine");
        assertEquals(ClaimStatus.APPROVED, approved.status());

        String title = "Claim " + approved.reference() + " was approved";
        waitFor("the partner's bell to show the approval", () -> notifications.unreadCount(partner) > unreadBefore
                && notifications.inbox(partner, 0, 20).stream().anyMatch(n -> n.title().equals(title)));
        Notification item = notifications.inbox(partner, 0, 20).stream().filter(n -> n.title().equals(title))
                .findFirst().orElseThrow();
        assertEquals("claims/detail?id=" + approved.id(), item.link());
        assertTrue("the reviewer's comment stays in the claim", !item.text().contains("fine"));
        Caller other = demoUser("partner2");
        assertTrue("another partner's user does not see it", notifications.inbox(other, 0, 200).stream()
                .noneMatch(n -> n.id() == item.id()));

        waitFor("the e-mail in the test's mail server", () -> subjects(address).contains(
                "[Partner Finance Portal] " + title));

        notifications.markRead(partner, item.id());
        assertTrue(notifications.inbox(partner, 0, 20).stream().filter(n -> n.id() == item.id()).findFirst()
                .orElseThrow().read());
    }

    /** The subjects in a mailbox of the test's mail server, read over IMAP with the distribution's Jakarta Mail. */
    private static List<String> subjects(String address) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // Jakarta Mail finds its providers through the context class loader: Angus Mail's own sees them
        Thread.currentThread().setContextClassLoader(IMAPStore.class.getClassLoader());
        try {
            Properties properties = new Properties();
            properties.setProperty("mail.imap.connectiontimeout", "5000");
            properties.setProperty("mail.imap.timeout", "5000");
            Session session = Session.getInstance(properties);
            int port = Integer.parseInt(System.getProperty(TestMailServer.IMAP_PORT_PROPERTY));
            try (Store store = new IMAPStore(session, new URLName("imap", "127.0.0.1", port, null, address,
                    address))) {
                store.connect("127.0.0.1", port, address, address);
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<String> subjects = new ArrayList<>();
                for (jakarta.mail.Message m : inbox.getMessages()) {
                    subjects.add(m.getSubject());
                }
                inbox.close(false);
                return subjects;
            }
        } catch (MessagingException e) {
            // no mailbox before the first e-mail arrives
            return List.of();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    // --------------------------------------------------------------------------------------------------- round trip

    @Test
    public void expenseClaimRoundTripsThroughDerbyAndItsApprovalAccruesAndIsAudited() throws Exception {
        Caller partner = demoUser("partner");
        Caller reviewer = demoUser("reviewer");
        waitForExpenseType(partner);
        String currency = "CHF";
        String token = unique("roundtrip");
        byte[] png = Receipts.png();
        byte[] pdf = Receipts.pdf("Invoice " + token);
        LocalDate date = LocalDate.now().minusDays(3);
        Money amount = Money.of("123.45", currency);
        ClaimDraft draft = new ClaimDraft(EXPENSE, PARTNER_1, date, "Dinner with the reseller team " + token,
                amount, Map.of("category", "meals", "merchant", "Bistro " + token),
                List.of(new AttachmentUpload("receipt.png", png), new AttachmentUpload("invoice.pdf", pdf)));
        BigDecimal accruedBefore = balance(reviewer, PARTNER_1, Accounts.ACCRUED_PARTNER_CLAIMS, currency);
        BigDecimal expensesBefore = balance(reviewer, PARTNER_1, Accounts.PARTNER_EXPENSES, currency);

        Claim submitted = claims.submitNew(partner, draft);

        long id = submitted.id();
        assertTrue("a database id", id > 0);
        assertNotNull(submitted.reference());
        assertEquals(PARTNER_1, submitted.partnerId());
        assertEquals(EXPENSE, submitted.typeId());
        assertEquals(EXPENSE_NAME, submitted.typeName());
        assertTrue(submitted.typeInstalled());
        assertEquals(ClaimStatus.SUBMITTED, submitted.status());
        assertEquals(date, submitted.date());
        assertEquals(draft.description(), submitted.description());
        assertEquals(amount, submitted.amount());
        assertEquals("expenses are reimbursed in full", amount, submitted.eligibleAmount());
        assertEquals(List.of(new ClaimField("category", "Category", "meals"),
                new ClaimField("merchant", "Merchant", "Bistro " + token)), submitted.fields());
        assertEquals("partner", submitted.createdBy());
        assertNotNull(submitted.createdAt());
        assertNotNull(submitted.submittedAt());
        assertNull(submitted.decidedAt());
        assertNull(submitted.decidedBy());
        assertTrue("findings " + submitted.findings(), !submitted.findings().isEmpty()
                && submitted.findings().stream().allMatch(f -> f.outcome() == ComplianceOutcome.PASS));
        // the API promises no order of the attachments: they are matched by name
        assertEquals(2, submitted.attachments().size());
        Attachment storedReceipt = attachmentNamed(submitted, "receipt.png");
        Attachment storedInvoice = attachmentNamed(submitted, "invoice.pdf");
        assertAttachment(storedReceipt, "image/png", png);
        assertAttachment(storedInvoice, "application/pdf", pdf);

        // read back from the database, by the partner and by finance, through every read method
        assertEquals(submitted, claims.find(partner, id).orElseThrow());
        assertEquals(submitted, claims.find(reviewer, id).orElseThrow());
        assertEquals(List.of(submitted), claims.listForPartner(partner, PARTNER_1).stream()
                .filter(c -> c.id() == id).toList());
        assertEquals(List.of(submitted), claims.reviewQueue(reviewer).stream().filter(c -> c.id() == id).toList());
        assertEquals(List.of(new StatusTotal(ClaimStatus.SUBMITTED, 1, amount)), totalsIn(partner, currency));
        byte[] storedPng = claims.attachment(partner, id, storedReceipt.id()).content();
        byte[] storedPdf = claims.attachment(reviewer, id, storedInvoice.id()).content();
        assertEquals(Receipts.sha256(png), Receipts.sha256(storedPng));
        assertEquals(Receipts.sha256(pdf), Receipts.sha256(storedPdf));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(storedPng));
        assertNotNull("the stored receipt is a readable PNG image", image);
        assertEquals(Receipts.PNG_SIZE, image.getWidth());

        Claim approved = claims.approve(reviewer, id, submitted.version(), "Within the meals policy " + token);

        assertEquals(ClaimStatus.APPROVED, approved.status());
        assertEquals("reviewer", approved.decidedBy());
        assertEquals("Within the meals policy " + token, approved.decisionComment());
        assertNotNull(approved.decidedAt());
        assertTrue("version moved on", approved.version() > submitted.version());
        assertEquals(approved, claims.find(partner, id).orElseThrow());
        assertEquals(List.of(new StatusTotal(ClaimStatus.APPROVED, 1, amount)), totalsIn(partner, currency));

        // the accrual: partner expenses against accrued partner claims, both lines for the partner
        List<JournalEntry> entries = ledger.entriesForSource(reviewer, claimSource(id));
        assertEquals("accrual entries of " + claimSource(id), 1, entries.size());
        JournalEntry accrual = entries.get(0);
        assertEquals(List.of(JournalLine.debit(Accounts.PARTNER_EXPENSES, amount, PARTNER_1),
                JournalLine.credit(Accounts.ACCRUED_PARTNER_CLAIMS, amount, PARTNER_1)),
                accrual.lines().stream().map(JournalLine::inDocumentCurrency).toList());
        assertEquals("reviewer", accrual.postedBy());
        assertNull(accrual.reverses());
        assertEquals("the partner sees its own accrual", entries, ledger.entriesForSource(partner, claimSource(id)));
        assertTrue(ledger.entriesForPartner(partner, PARTNER_1).contains(accrual));
        assertAmount(accruedBefore.add(amount.amount()),
                balance(partner, PARTNER_1, Accounts.ACCRUED_PARTNER_CLAIMS, currency));
        assertAmount(expensesBefore.add(amount.amount()),
                balance(reviewer, PARTNER_1, Accounts.PARTNER_EXPENSES, currency));

        // the audit trail: who did what, in order, and the chain is intact
        List<AuditRecord> records = audit.forEntity("claim", Long.toString(id));
        assertEquals(List.of("claim.submitted", "claim.approved"), auditActions(id));
        assertEquals("partner", records.get(0).event().actor());
        assertEquals("reviewer", records.get(1).event().actor());
        assertTrue(records.get(1).event().after(), records.get(1).event().after()
                .contains("accrual entry=" + accrual.id()));
        assertTrue("records chain on", records.get(1).seq() > records.get(0).seq());
        assertIntact(audit.verify(Caller.system()));
    }

    // -------------------------------------------------------------------------------------------------- unit of work

    @Test
    public void failureAfterThePostingAndBeforeTheAuditRecordLeavesNeither() {
        Caller system = Caller.system();
        String token = unique("uow-before-audit");
        String source = "itest:" + token;
        BigDecimal bankBefore = balance(system, PARTNER_1, Accounts.BANK, "NOK");
        RuntimeException failure = new IllegalStateException("failure between the posting and the audit record");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> unitOfWork.required(() -> {
            JournalEntry posted = ledger.post(system, entry(source, "NOK"));
            assertEquals("the posting is visible inside its unit of work", List.of(posted.id()),
                    ledger.entriesForSource(system, source).stream().map(JournalEntry::id).toList());
            failingStep(failure);
            return audit.append(event(token));
        }));

        assertSame("the work's exception propagates unchanged", failure, thrown);
        assertEquals(List.of(), ledger.entriesForSource(system, source));
        assertEquals(List.of(), audit.forEntity("itest", token));
        assertAmount(bankBefore, balance(system, PARTNER_1, Accounts.BANK, "NOK"));
        assertIntact(audit.verify(system));
    }

    @Test
    public void failureAfterThePostingAndTheAuditRecordLeavesNeither() {
        Caller system = Caller.system();
        String token = unique("uow-after-audit");
        String source = "itest:" + token;
        RuntimeException failure = new IllegalStateException("failure after the posting and the audit record");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> unitOfWork.required(() -> {
            ledger.post(system, entry(source, "SEK"));
            audit.append(event(token));
            assertEquals("the record is visible inside its unit of work", 1, audit.forEntity("itest", token).size());
            failingStep(failure);
            return null;
        }));

        assertSame(failure, thrown);
        assertEquals(List.of(), ledger.entriesForSource(system, source));
        assertEquals(List.of(), audit.forEntity("itest", token));
        // the chain's head was rolled back with the record: the next record chains on the last committed one
        AuditRecord next = unitOfWork.required(() -> audit.append(event(unique("uow-next"))));
        assertNotNull(next);
        assertIntact(audit.verify(system));
    }

    @Test
    public void postingAndAuditRecordCommitTogether() {
        Caller system = Caller.system();
        String token = unique("uow-commit");
        String source = "itest:" + token;
        BigDecimal bankBefore = balance(system, PARTNER_1, Accounts.BANK, "DKK");

        JournalEntry posted = unitOfWork.required(() -> {
            JournalEntry entry = ledger.post(system, entry(source, "DKK"));
            audit.append(event(token));
            return entry;
        });

        assertEquals(List.of(posted.id()), ledger.entriesForSource(system, source).stream()
                .map(JournalEntry::id).toList());
        List<AuditRecord> records = audit.forEntity("itest", token);
        assertEquals(1, records.size());
        assertEquals("itest.posted", records.get(0).event().action());
        assertAmount(bankBefore.subtract(new BigDecimal("25.00")), balance(system, PARTNER_1, Accounts.BANK, "DKK"));
        assertIntact(audit.verify(system));
    }

    @Test
    public void unitOfWorkMarkedRollbackOnlyLeavesNeither() {
        Caller system = Caller.system();
        String token = unique("uow-rollback-only");
        String source = "itest:" + token;

        unitOfWork.required(() -> {
            ledger.post(system, entry(source, "PLN"));
            audit.append(event(token));
            unitOfWork.setRollbackOnly();
            return null;
        });

        assertEquals(List.of(), ledger.entriesForSource(system, source));
        assertEquals(List.of(), audit.forEntity("itest", token));
        assertIntact(audit.verify(system));
    }

    @Test
    public void approvalRolledBackByItsEnclosingUnitOfWorkLeavesTheClaimSubmitted() {
        Caller partner = demoUser("partner");
        Caller reviewer = demoUser("reviewer");
        waitForExpenseType(partner);
        Claim claim = submitExpense(partner, "48.20", "GBP");
        BigDecimal accruedBefore = balance(reviewer, PARTNER_1, Accounts.ACCRUED_PARTNER_CLAIMS, "GBP");
        RuntimeException failure = new IllegalStateException("failure after the approval");
        Claim[] approvedInside = new Claim[1];

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> unitOfWork.required(() -> {
            approvedInside[0] = claims.approve(reviewer, claim.id(), claim.version(), "approved, then rolled back");
            failingStep(failure);
            return approvedInside[0];
        }));

        assertSame(failure, thrown);
        assertEquals(ClaimStatus.APPROVED, approvedInside[0].status());
        assertEquals("the claim as it was before the approval", claim, claims.find(reviewer, claim.id()).orElseThrow());
        assertEquals(List.of(), ledger.entriesForSource(reviewer, claimSource(claim.id())));
        assertEquals(List.of("claim.submitted"), auditActions(claim.id()));
        assertAmount(accruedBefore, balance(reviewer, PARTNER_1, Accounts.ACCRUED_PARTNER_CLAIMS, "GBP"));

        // nothing of the rolled-back approval is left in a cache: the claim approves with the version it had
        Claim approved = claims.approve(reviewer, claim.id(), claim.version(), "approved for real");
        assertEquals(ClaimStatus.APPROVED, approved.status());
        assertEquals(1, ledger.entriesForSource(reviewer, claimSource(claim.id())).size());
        assertEquals(List.of("claim.submitted", "claim.approved"), auditActions(claim.id()));
        assertIntact(audit.verify(Caller.system()));
    }

    // ------------------------------------------------------------------------------------------------------- helpers

    /** A balanced entry: 25.00 from the bank to partner expenses, for the demo partner. */
    private static JournalEntryDraft entry(String source, String currency) {
        Money amount = Money.of("25.00", currency);
        return new JournalEntryDraft(LocalDate.now(), "Integration test posting " + source, source, List.of(
                JournalLine.debit(Accounts.PARTNER_EXPENSES, amount, PARTNER_1),
                JournalLine.credit(Accounts.BANK, amount, PARTNER_1)));
    }

    private static AuditEvent event(String entityId) {
        return new AuditEvent("system", "itest.posted", "itest", entityId, "", "posted=yes");
    }

    /** A step of the work that fails (a method, so the code after it stays reachable for the compiler). */
    private static void failingStep(RuntimeException failure) {
        throw failure;
    }

    private List<StatusTotal> totalsIn(Caller caller, String currency) {
        return claims.totals(caller, PARTNER_1).stream()
                .filter(t -> t.total().currency().getCurrencyCode().equals(currency))
                .toList();
    }

    private static Attachment attachmentNamed(Claim claim, String filename) {
        return claim.attachments().stream().filter(a -> a.filename().equals(filename)).findFirst()
                .orElseThrow(() -> new AssertionError("no attachment " + filename + " in " + claim.attachments()));
    }

    private static void assertAttachment(Attachment attachment, String contentType, byte[] content) {
        assertEquals(contentType, attachment.contentType());
        assertEquals(content.length, attachment.size());
        assertEquals(Receipts.sha256(content), attachment.sha256());
        assertTrue(attachment.id() > 0);
    }

    private static void assertAmount(BigDecimal expected, BigDecimal actual) {
        assertEquals("expected " + expected + ", got " + actual, 0, expected.compareTo(actual));
    }

    private static void assertIntact(Verification verification) {
        assertTrue(verification.message(), verification.intact());
        assertEquals(-1, verification.firstBroken());
        assertTrue("records checked: " + verification.checked(), verification.checked() > 0);
    }

    // ---------------------------------------------------------------------------------------------------- settlement

    private static final Caller SETTLE_REVIEWER = new Caller("it-settle-reviewer", null,
            java.util.Set.of(Role.FINANCE_REVIEWER), null);
    private static final Caller SETTLE_MANAGER = new Caller("it-settle-manager", null,
            java.util.Set.of(Role.FINANCE_MANAGER), null);

    /** A partner of the test's own (EUR only): its statement and balances move only by what the test does. */
    private String settlementPartner(String name) {
        String id = String.format(java.util.Locale.ROOT, "P-%010d",
                Math.floorMod(java.util.UUID.randomUUID().getLeastSignificantBits(), 10_000_000_000L));
        getService(PartnerService.class).create(Caller.system(), id, name, PartnerKind.RESELLER,
                java.util.Currency.getInstance("EUR"));
        return id;
    }

    private static Caller userOf(String partnerId) {
        return new Caller("user-" + partnerId, null, java.util.Set.of(Role.PARTNER_USER), partnerId);
    }

    private Claim approvedExpense(Caller user, String amount) {
        Claim claim = claims.submitNew(user, expenseDraft(user.partnerId(), amount, "EUR"));
        return claims.approve(SETTLE_REVIEWER, claim.id(), claim.version(), null);
    }

    private BigDecimal eur(String partnerId, String account) {
        return balance(SETTLE_MANAGER, partnerId, account, "EUR");
    }

    @Test
    public void anApprovedClaimIsPaidByAScheduledPaymentOnceTheBankConfirmsIt() {
        SettlementService settlements = getService(SettlementService.class);
        DocumentService documents = getService(DocumentService.class);
        StatementService statements = getService(StatementService.class);
        String partnerId = settlementPartner("Settlement by Payment Ltd");
        Caller user = userOf(partnerId);
        waitForExpenseType(user);
        Claim approved = approvedExpense(user, "240.00");
        assertTrue(settlements.toSettle(SETTLE_MANAGER).stream().anyMatch(c -> c.id() == approved.id()));
        LocalDate planned = LocalDate.now().plusDays(7);

        List<SettlementOutcome> outcomes = settlements.schedule(SETTLE_MANAGER, List.of(approved.id()),
                SettlementMethod.PAYMENT, planned);

        assertTrue(outcomes.toString(), outcomes.get(0).succeeded());
        assertEquals(ClaimStatus.SCHEDULED, claims.find(user, approved.id()).orElseThrow().status());
        ClaimSettlement settlement = claims.settlement(user, approved.id()).orElseThrow();
        assertEquals("Settlement scheduled for " + planned + " as payment", settlement.label());
        Document payable = documents.find(user, settlement.plan().documentId()).orElseThrow();
        assertEquals(Direction.PAYABLE, payable.direction());
        assertEquals(approved.reference(), payable.number());
        assertEquals(Money.of("240.00", "EUR"), payable.gross());
        assertEquals("Payment scheduled for " + planned, payable.settlement().label());
        // the payable carries the expense now: the accrual is reversed, the expense stays debited once
        assertAmount(BigDecimal.ZERO, eur(partnerId, Accounts.ACCRUED_PARTNER_CLAIMS));
        assertAmount(new BigDecimal("240.00"), eur(partnerId, Accounts.PARTNER_EXPENSES));
        assertAmount(new BigDecimal("240.00"), eur(partnerId, "2100")); // signed by the normal side: owed
        assertTrue(settlements.scheduled(SETTLE_MANAGER).stream().anyMatch(s -> s.claimId() == approved.id()));

        // the bank confirms the payment (a statement import or finance by hand): the claim is paid without more ado
        Payment payment = documents.findPayment(SETTLE_MANAGER, settlement.plan().paymentId()).orElseThrow();
        assertEquals(PaymentStatus.SCHEDULED, payment.status());
        String bankReference = unique("IT-BANK");
        documents.confirmPayment(SETTLE_REVIEWER, payment.id(), payment.version(),
                new BankConfirmation(bankReference, LocalDate.now()));
        waitFor("the claim to be paid after the bank confirmation",
                () -> claims.find(user, approved.id()).orElseThrow().status() == ClaimStatus.PAID);

        Claim paid = claims.find(user, approved.id()).orElseThrow();
        assertEquals(bankReference, paid.paymentReference());
        assertTrue(claims.settlement(user, approved.id()).orElseThrow().settled());
        assertEquals(Settlement.State.PAID, documents.find(user, payable.id()).orElseThrow().settlement().state());
        // the books: expense debited once, the payable paid from the bank, the accrual back to zero
        assertAmount(BigDecimal.ZERO, eur(partnerId, Accounts.ACCRUED_PARTNER_CLAIMS));
        assertAmount(new BigDecimal("240.00"), eur(partnerId, Accounts.PARTNER_EXPENSES));
        assertAmount(BigDecimal.ZERO, eur(partnerId, "2100"));
        assertAmount(BigDecimal.ZERO, ledger.entriesForSource(SETTLE_MANAGER, claimSource(approved.id())).stream()
                .flatMap(e -> e.lines().stream())
                .filter(l -> l.accountCode().equals(Accounts.ACCRUED_PARTNER_CLAIMS))
                .map(l -> l.signed().amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
        // the partner's statement shows the payable and the payment, and the new balance
        Statement statement = statements.statement(user, partnerId, "EUR", LocalDate.now().minusDays(1),
                LocalDate.now());
        assertEquals(List.of("invoice " + approved.reference(), "payment-sent " + approved.reference()),
                statement.lines().stream().map(l -> l.kind() + " " + l.number()).toList());
        assertAmount(BigDecimal.ZERO, statement.closing());
        assertEquals(List.of("claim.submitted", "claim.approved", "claim.scheduled", "claim.paid"),
                auditActions(approved.id()));
        assertIntact(audit.verify(Caller.system()));
    }

    @Test
    public void aCreditNoteSettlementReducesWhatThePartnerOwes() {
        SettlementService settlements = getService(SettlementService.class);
        DocumentService documents = getService(DocumentService.class);
        StatementService statements = getService(StatementService.class);
        String partnerId = settlementPartner("Settlement by Credit Ltd");
        Caller user = userOf(partnerId);
        waitForExpenseType(user);
        Document invoice = documents.create(SETTLE_REVIEWER, new DocumentDraft(partnerId, Direction.RECEIVABLE,
                DocumentKind.INVOICE, unique("INV"), LocalDate.now().minusDays(20), null, "EUR",
                List.of(new LineDraft("Licences", BigDecimal.ONE, new BigDecimal("500"), "Z", BigDecimal.ZERO)),
                null, null, "SAP", "IT"));
        Claim today = approvedExpense(user, "120.00");
        Claim tomorrow = approvedExpense(user, "30.00");

        List<SettlementOutcome> outcomes = settlements.schedule(SETTLE_MANAGER, List.of(today.id()),
                SettlementMethod.CREDIT_NOTE, LocalDate.now());
        assertTrue(outcomes.toString(), outcomes.get(0).succeeded());
        // dated today: settled at once, applied to the open invoice
        assertEquals(ClaimStatus.PAID, outcomes.get(0).claim().status());
        ClaimSettlement settled = claims.settlement(user, today.id()).orElseThrow();
        assertEquals("Settled as credit note " + today.reference(), settled.label());
        Document creditNote = documents.find(user, settled.plan().documentId()).orElseThrow();
        assertEquals(DocumentKind.CREDIT_NOTE, creditNote.kind());
        assertAmount(BigDecimal.ZERO, creditNote.open().amount());
        assertAmount(new BigDecimal("380.00"), documents.find(user, invoice.id()).orElseThrow().open().amount());
        assertAmount(new BigDecimal("380.00"), eur(partnerId, Accounts.PARTNER_RECEIVABLES));
        // 120.00 through the credit note, 30.00 still accrued for the second claim (approved, not yet scheduled)
        assertAmount(new BigDecimal("150.00"), eur(partnerId, Accounts.PARTNER_EXPENSES));
        assertAmount(new BigDecimal("30.00"), eur(partnerId, Accounts.ACCRUED_PARTNER_CLAIMS));

        // dated tomorrow: scheduled, not due today, settled by the run of its date
        settlements.schedule(SETTLE_MANAGER, List.of(tomorrow.id()), SettlementMethod.CREDIT_NOTE,
                LocalDate.now().plusDays(1));
        assertTrue(settlements.runDue(SETTLE_MANAGER, LocalDate.now()).stream()
                .noneMatch(o -> o.claimId() == tomorrow.id()));
        assertEquals(ClaimStatus.SCHEDULED, claims.find(user, tomorrow.id()).orElseThrow().status());
        assertTrue(settlements.runDue(SETTLE_MANAGER, LocalDate.now().plusDays(1)).stream()
                .anyMatch(o -> o.claimId() == tomorrow.id() && o.succeeded()));
        assertEquals(ClaimStatus.PAID, claims.find(user, tomorrow.id()).orElseThrow().status());
        assertAmount(new BigDecimal("350.00"), documents.find(user, invoice.id()).orElseThrow().open().amount());

        // the books and the statement: the receivable reduced by both credit notes, no accrual left
        assertAmount(BigDecimal.ZERO, eur(partnerId, Accounts.ACCRUED_PARTNER_CLAIMS));
        assertAmount(new BigDecimal("150.00"), eur(partnerId, Accounts.PARTNER_EXPENSES));
        Statement statement = statements.statement(user, partnerId, "EUR", LocalDate.now().minusDays(30),
                LocalDate.now().plusDays(1));
        assertEquals(List.of("invoice", "credit-note", "credit-note"),
                statement.lines().stream().map(StatementLine::kind).toList());
        assertAmount(new BigDecimal("350.00"), statement.closing());
        // a claim is settled once
        assertTrue(settlements.schedule(SETTLE_MANAGER, List.of(today.id()), SettlementMethod.PAYMENT,
                LocalDate.now()).stream().noneMatch(SettlementOutcome::succeeded));
    }

    // ------------------------------------------------------------------------------------ compliance rules (pf-claims-rules)

    /**
     * The expense type's rule configuration shipped in etc/ (file org.partnerfinance.claims.rules-expense.cfg, the
     * factory configuration named expense), changed for a test and put back afterwards.
     */
    private static final String EXPENSE_RULES = "org.partnerfinance.claims.rules-expense";

    /**
     * Sets some rule settings of the expense type, runs the test and restores the shipped settings. The new settings
     * are in force once a check of the given draft shows the finding with the given code.
     */
    private void withExpenseRules(Map<String, Object> settings, Caller partner, ClaimDraft probe, String code,
            Runnable test) throws Exception {
        waitForFeatures("pf-claims-rules");
        ConfigurationAdmin admin = getService(ConfigurationAdmin.class);
        // Karaf's file install turns etc/<factory>-<name>.cfg into a factory configuration with a generated PID (not a
        // named one): it is found by its factory and the claim type it configures
        Configuration[] found = admin.listConfigurations("(&(service.factoryPid=org.partnerfinance.claims.rules)"
                + "(claim.type=expense))");
        assertNotNull("the distribution ships " + EXPENSE_RULES + ".cfg", found);
        assertEquals(1, found.length);
        Configuration configuration = found[0];
        Dictionary<String, Object> shipped = configuration.getProperties();
        Dictionary<String, Object> changed = new Hashtable<>();
        for (String key : java.util.Collections.list(shipped.keys())) {
            changed.put(key, shipped.get(key));
        }
        settings.forEach(changed::put);
        configuration.update(changed);
        try {
            waitFor("the expense rules to apply " + settings, () -> claims.check(partner, probe).stream()
                    .anyMatch(f -> f.code().equals(code) && f.outcome() != ComplianceOutcome.PASS));
            test.run();
        } finally {
            configuration.update(shipped);
        }
    }

    @Test
    public void claimOverItsCapIsRefusedAtSubmitWithTheReason() throws Exception {
        Caller partner = demoUser("partner");
        waitForExpenseType(partner);
        ClaimDraft over = expenseDraft(PARTNER_1, "1500.00", "USD");
        withExpenseRules(Map.of("cap.per.claim", "USD 1000.00"), partner, over, ComplianceCodes.CAP, () -> {
            ClaimValidationException refused = assertThrows(ClaimValidationException.class,
                    () -> claims.submitNew(partner, over));
            assertTrue(refused.getMessage(), refused.getMessage().contains("C-CAP: This claim of USD 1,500.00 is "
                    + "above the cap of USD 1,000.00 per claim; it would exceed it by USD 500.00."));
            assertTrue("nothing stored", claims.listForPartner(partner, PARTNER_1).stream()
                    .noneMatch(c -> c.description().equals(over.description())));
            Claim within = claims.submitNew(partner, expenseDraft(PARTNER_1, "1000.00", "USD"));
            assertEquals(ClaimStatus.SUBMITTED, within.status());
            assertTrue(within.findings().toString(), within.findings().stream()
                    .anyMatch(f -> f.code().equals(ComplianceCodes.CAP) && f.outcome() == ComplianceOutcome.PASS));
        });
    }

    @Test
    public void lateClaimIsSubmittedOnceFinanceGrantsAnExtension() throws Exception {
        Caller partner = demoUser("partner");
        Caller reviewer = demoUser("reviewer");
        waitForExpenseType(partner);
        ClaimDraft fresh = expenseDraft(PARTNER_1, "64.00", "GBP");
        ClaimDraft late = new ClaimDraft(fresh.typeId(), fresh.partnerId(), LocalDate.now().minusDays(45),
                fresh.description(), fresh.amount(), fresh.fields(), fresh.attachments());
        withExpenseRules(Map.of("deadline.days", 30), partner, late, ComplianceCodes.DEADLINE, () -> {
            DeadlineExtensions extensions = getService(DeadlineExtensions.class);
            Claim draft = claims.saveDraft(partner, late);
            ClaimValidationException tooLate = assertThrows(ClaimValidationException.class,
                    () -> claims.submit(partner, draft.id(), draft.version()));
            assertTrue(tooLate.getMessage(), tooLate.getMessage().contains("C-DEADLINE: The deadline for this claim was "
                    + LocalDate.now().minusDays(15)));

            ExtensionRequest requested = extensions.request(partner, draft.id(), "The customer sent the invoice late.");
            assertEquals(List.of(requested), extensions.waiting(reviewer).stream()
                    .filter(r -> Long.valueOf(draft.id()).equals(r.claimId())).toList());
            ExtensionRequest granted = extensions.grant(reviewer, requested.id(), requested.version(),
                    LocalDate.now().plusDays(3), "Once.");
            assertEquals(ExtensionStatus.GRANTED, extensions.forClaim(partner, draft.id()).get(0).status());

            Claim submitted = claims.submit(partner, draft.id(), draft.version());
            assertEquals(ClaimStatus.SUBMITTED, submitted.status());
            ComplianceFinding deadline = submitted.findings().stream()
                    .filter(f -> f.code().equals(ComplianceCodes.DEADLINE)).findFirst().orElseThrow();
            assertEquals(ComplianceOutcome.PASS, deadline.outcome());
            assertTrue(deadline.message(), deadline.message().contains("extension until " + granted.grantedUntil()));
            assertEquals(List.of("claim.created", "claim.extension-requested", "claim.extension-granted",
                    "claim.submitted"), auditActions(draft.id()));
        });
    }
}
