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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.imageio.ImageIO;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.URLName;

import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
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
 * Each test uses a currency of its own for the demo partner P-1001, so balances and totals it reads move only by what
 * it did itself.
 */
public class ClaimsPersistenceIT extends ClaimsTestSupport {

    /** Demo data, and the distribution's notification e-mails go to a mail server of the test. */
    @Override
    protected Option[] additionalOptions() {
        List<Option> options = new ArrayList<>(Arrays.asList(super.additionalOptions()));
        options.addAll(Arrays.asList(TestMailServer.options()));
        return options.toArray(new Option[0]);
    }

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
}
