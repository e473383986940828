package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.rules.TemporaryFolder;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.partnerfinance.audit.api.AuditProofs;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.audit.internal.AuditConfiguration;
import org.partnerfinance.audit.internal.AuditTrailImpl;
import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.AttachmentContent;
import org.partnerfinance.claims.api.AttachmentPolicy;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.LineItem;
import org.partnerfinance.claims.api.ClaimEvent;
import org.partnerfinance.claims.api.ClaimEvents;
import org.partnerfinance.claims.api.ClaimChange;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.ClaimListener;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.ComplianceRule;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.IllegalTransitionException;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.claims.api.RejectionReason;
import org.partnerfinance.claims.api.StatusTotal;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.FeatureToggles;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Balance;
import org.partnerfinance.ledger.api.JournalEntry;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.internal.LedgerServiceImpl;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.internal.PartnerServiceImpl;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The claims service with the real ledger, audit trail and partner services, all on one in-memory Derby database
 * through the real unit of work.
 */
public class ClaimServiceDbTest {

    private static final Caller PARTNER = new Caller("partner", null, Set.of(Role.PARTNER_USER), "P-1001");
    private static final Caller PARTNER2 = new Caller("partner2", null, Set.of(Role.PARTNER_USER), "P-2002");
    private static final Caller REVIEWER = new Caller("reviewer", null, Set.of(Role.FINANCE_REVIEWER), null);
    private static final Caller MANAGER = new Caller("manager", null, Set.of(Role.FINANCE_MANAGER), null);
    private static final Caller MANAGER2 = new Caller("manager2", null, Set.of(Role.FINANCE_MANAGER), null);
    private static final Caller REVIEWER2 = new Caller("reviewer2", null, Set.of(Role.FINANCE_REVIEWER), null);
    private static final Caller ADMIN = new Caller("admin", null, Set.of(Role.ADMINISTRATOR), null);
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 20);

    private TestPersistence db;
    private LedgerService ledger;
    private AuditTrail audit;
    private ClaimServiceImpl claims;
    private final Set<String> switchedOff = Collections.synchronizedSet(new HashSet<>());
    private final List<ClaimChange> heard = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean auditFails;


    /** Karaf's etc/ folder of these tests, where the audit key is created. */
    @ClassRule
    public static final TemporaryFolder ETC = new TemporaryFolder();

    /** A DS configuration with every attribute at its default. */
    private static <A> A defaults(Class<A> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getName().equals("annotationType") ? type
                        : method.getDefaultValue()));
    }

    private static BundleContext contextOf(Class<?> component) {
        return (BundleContext) Proxy.newProxyInstance(ClaimServiceDbTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getBundle")) {
                        return TestPersistence.bundleOf(component);
                    }
                    if (method.getName().equals("getProperty") && "karaf.etc".equals(args[0])) {
                        return ETC.getRoot().getAbsolutePath();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private PartnerServiceImpl partners;

    /** The database the tests run on: in-memory Derby here, PostgreSQL in {@link ClaimServiceDbPostgresTest}. */
    protected TestPersistence newDatabase() {
        return TestPersistence.inMemory();
    }

    @Before
    public void setUp() {
        db = newDatabase();
        AuditTrail realAudit = new AuditTrailImpl(db.persistenceService(), contextOf(AuditTrailImpl.class),
                defaults(AuditConfiguration.class));
        audit = (AuditTrail) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditTrail.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("append") && auditFails) {
                        throw new IllegalStateException("audit trail unavailable");
                    }
                    try {
                        return method.invoke(realAudit, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ledger = new LedgerServiceImpl(db.persistenceService(), contextOf(LedgerServiceImpl.class), audit);
        // the ledger converts postings into its base currency (EUR): claims approved in GBP need a rate
        ledger.setRate(Caller.system(), Currency.getInstance("GBP"), TestClaims.DAY, new java.math.BigDecimal("1.19"));
        partners = new PartnerServiceImpl(db.persistenceService(), db.unitOfWork(), audit,
                contextOf(PartnerServiceImpl.class));
        partners.create(Caller.system(), "P-1001", "Acme Resellers", PartnerKind.RESELLER, Currency.getInstance("EUR"));
        partners.create(Caller.system(), "P-2002", "Globex", PartnerKind.DISTRIBUTOR, Currency.getInstance("EUR"));

        claims = new ClaimServiceImpl(new ApprovalLimits(ApprovalLimits.parse("reviewer", "EUR 10000"),
                ApprovalLimits.parse("manager", "EUR 250000")), TestClaims.chains(),
                db.persistenceService().open(new PersistenceUnitSpec(ClaimServiceImpl.UNIT,
                        TestPersistence.bundleOf(ClaimServiceImpl.class), ClaimServiceImpl.ENTITY_CLASSES,
                        "db/claims")),
                db.unitOfWork(), ledger, audit, partners,
                Clock.fixed(Instant.parse("2025-03-20T10:00:00Z"), ZoneOffset.UTC));
        claims.proofs = (AuditProofs) realAudit;
        claims.toggles = new FeatureToggles() {
            @Override
            public boolean isEnabled(String extensionId) {
                return !switchedOff.contains(extensionId);
            }

            @Override
            public Set<String> disabled() {
                return Set.copyOf(switchedOff);
            }

            @Override
            public void setEnabled(Caller caller, String extensionId, boolean enabled) {
                throw new AssertionError("not used");
            }
        };
        installExpenseType();
        claims.listeners = List.of(heard::add);
    }

    @After
    public void tearDown() {
        db.close();
    }

    private void installExpenseType() {
        claims.claimTypes = List.of(Map.entry(Map.of(ExtensionConstants.EXTENSION_ID, "expense",
                ExtensionConstants.EXTENSION_KIND, "claim-type"), TestClaims.EXPENSE_TYPE));
    }

    private static ClaimDraft draft(String partnerId, String amount, String description, byte[] receipt) {
        return new ClaimDraft("expense", partnerId, TestClaims.DAY, description, Money.of(amount, "EUR"),
                Map.of("category", "travel", "note", "Airport"), List.of(new AttachmentUpload("receipt.pdf", receipt)));
    }

    private static byte[] pdf(String text) {
        return TestClaims.bytes("%PDF-1.7\n" + text);
    }

    private Claim submitted(String amount, String description) {
        return claims.submitNew(PARTNER, draft("P-1001", amount, description, pdf(description)));
    }

    private List<String> auditActions(long claimId) {
        return audit.forEntity("claim", Long.toString(claimId)).stream().map(r -> r.event().action()).toList();
    }

    // ---- the approval workflow -----------------------------------------------------------------------------------

    private static final Instant CLOCK = Instant.parse("2025-03-20T10:00:00Z");
    private static final Caller ADMINISTRATOR = new Caller("admin", null, Set.of(Role.ADMINISTRATOR), null);

    @Test
    public void aTwoStepChainRecordsWhoApprovedEachStepWithDueDatesAndAccruesAtTheLastStep() {
        Claim claim = submitted("5000", "Booth at the partner fair");
        assertEquals(List.of("finance-reviewer", "finance-manager"),
                claim.steps().stream().map(s -> s.role()).toList());
        assertEquals(1, claim.currentStep().orElseThrow().number());
        assertEquals(CLOCK.plus(java.time.Duration.ofDays(2)), claim.due().orElseThrow());
        assertEquals(null, claim.steps().get(1).due());

        Claim first = claims.approve(REVIEWER, claim.id(), claim.version(), "receipts fine");
        assertEquals(ClaimStatus.SUBMITTED, first.status());
        assertEquals("reviewer", first.steps().get(0).approvedBy());
        assertEquals(CLOCK, first.steps().get(0).approvedAt());
        assertEquals("receipts fine", first.steps().get(0).comment());
        assertEquals(2, first.currentStep().orElseThrow().number());
        assertEquals(CLOCK.plus(java.time.Duration.ofDays(3)), first.due().orElseThrow());
        assertEquals(List.of(), ledger.entriesForSource(MANAGER, "claim:" + claim.id()));
        // a reviewer cannot take the manager's step, and the stale version is refused
        assertThrows(AccessDeniedException.class, () -> claims.approve(REVIEWER2, first.id(), first.version(), null));
        assertThrows(ConcurrentChangeException.class, () -> claims.approve(MANAGER, claim.id(), claim.version(), null));

        Claim approved = claims.approve(MANAGER, first.id(), first.version(), null);
        assertEquals(ClaimStatus.APPROVED, approved.status());
        assertEquals(Money.of("5000", "EUR"), approved.approvedAmount());
        assertTrue(approved.currentStep().isEmpty());
        assertEquals(1, ledger.entriesForSource(MANAGER, "claim:" + claim.id()).size());
        assertEquals(List.of("claim.submitted", "claim.step-approved", "claim.approved"), auditActions(claim.id()));
    }

    @Test
    public void theBandIsChosenInTheBaseCurrencyThroughTheExchangeRate() {
        partners.setAllowedCurrencies(Caller.system(), "P-1001", Set.of(Currency.getInstance("GBP")));
        // GBP 800 = EUR 952: one reviewer; GBP 900 = EUR 1,071: reviewer then manager
        Claim small = claims.submitNew(PARTNER, draftIn("GBP", "800", "Hotel in Leeds", pdf("leeds")));
        Claim larger = claims.submitNew(PARTNER, draftIn("GBP", "900", "Hotel in York", pdf("york")));
        assertEquals(1, small.steps().size());
        assertEquals(2, larger.steps().size());
        // no USD rate: the strictest chain (two managers) rather than a refusal
        partners.setAllowedCurrencies(Caller.system(), "P-1001", Set.of(Currency.getInstance("USD")));
        Claim usd = claims.submitNew(PARTNER, draftIn("USD", "10", "Taxi in Boston", pdf("boston")));
        assertEquals(List.of("finance-manager", "finance-manager"), usd.steps().stream().map(s -> s.role()).toList());
    }

    @Test
    public void nobodyApprovesAClaimTheyCreatedOrEditedOrTwoStepsOfOneChain() {
        Claim claim = submitted("5000", "Booth");
        // a staff account with the partner user's name (e.g. the same person) created the claim
        Caller creatorAsReviewer = new Caller("partner", null, Set.of(Role.FINANCE_MANAGER), null);
        AccessDeniedException own = assertThrows(AccessDeniedException.class,
                () -> claims.approve(creatorAsReviewer, claim.id(), claim.version(), null));
        assertTrue(own.getMessage(), own.getMessage().contains("segregation of duties"));
        Claim first = claims.approve(MANAGER, claim.id(), claim.version(), null);
        AccessDeniedException twice = assertThrows(AccessDeniedException.class,
                () -> claims.approve(MANAGER, first.id(), first.version(), null));
        assertTrue(twice.getMessage(), twice.getMessage().contains("different person"));
        assertEquals(ClaimStatus.SUBMITTED, claims.find(MANAGER, claim.id()).orElseThrow().status());
    }

    @Test
    public void aReturnedClaimIsEditedAndResubmittedAndTheHistoryKeepsEveryVersion() {
        Claim claim = submitted("400", "Dinner with the customer");
        long firstReceipt = claim.attachments().get(0).id();
        assertThrows(IllegalArgumentException.class,
                () -> claims.returnForInformation(REVIEWER, claim.id(), claim.version(), " "));
        Claim returned = claims.returnForInformation(REVIEWER, claim.id(), claim.version(), "Who attended?");
        assertEquals(ClaimStatus.RETURNED, returned.status());
        assertEquals("Who attended?", returned.statusNote());
        assertTrue(returned.steps().isEmpty());
        assertThrows(IllegalTransitionException.class,
                () -> claims.approve(REVIEWER, returned.id(), returned.version(), null));
        // another partner cannot edit it
        assertThrows(AccessDeniedException.class, () -> claims.update(PARTNER2, returned.id(), returned.version(),
                draft("P-1001", "350", "x", pdf("x")), List.of()));

        ClaimDraft changes = new ClaimDraft("expense", "P-1001", TestClaims.DAY, "Dinner with 3 customer staff",
                Money.of("350", "EUR"), Map.of("category", "meals", "attendees", "4"),
                List.of(new AttachmentUpload("bill.pdf", pdf("bill"))));
        Claim edited = claims.update(PARTNER, returned.id(), returned.version(), changes, List.of());
        assertEquals(ClaimStatus.RETURNED, edited.status());
        assertEquals(Money.of("350", "EUR"), edited.amount());
        assertEquals(List.of("bill.pdf"), edited.attachments().stream().map(a -> a.filename()).toList());

        Claim resubmitted = claims.submit(PARTNER, edited.id(), edited.version());
        assertEquals(ClaimStatus.SUBMITTED, resubmitted.status());
        assertEquals(1, resubmitted.currentStep().orElseThrow().number());
        assertEquals(null, resubmitted.statusNote());

        List<org.partnerfinance.claims.api.ClaimVersion> versions = claims.versions(PARTNER, claim.id());
        assertEquals(2, versions.size());
        assertEquals(Money.of("400", "EUR"), versions.get(0).amount());
        assertEquals(List.of(firstReceipt), versions.get(0).attachments().stream().map(a -> a.id()).toList());
        assertEquals("Dinner with the customer", versions.get(0).description());
        assertEquals(Money.of("350", "EUR"), versions.get(1).amount());
        assertEquals("meals", versions.get(1).fields().stream().filter(f -> f.name().equals("category"))
                .findFirst().orElseThrow().value());
        assertEquals(List.of("bill.pdf"), versions.get(1).attachments().stream().map(a -> a.filename()).toList());
        // the removed receipt stays readable for the first version
        assertEquals("receipt.pdf", claims.attachment(PARTNER, claim.id(), firstReceipt).attachment().filename());
        assertEquals(List.of(), claims.versions(PARTNER2, claim.id()));
        assertEquals(List.of("claim.submitted", "claim.returned", "claim.updated", "claim.submitted"),
                auditActions(claim.id()));
    }

    @Test
    public void aPartialApprovalAccruesTheApprovedAmountWithItsReason() {
        Claim claim = submitted("500", "Hotel, two nights");
        assertThrows(IllegalArgumentException.class, () -> claims.approvePartially(REVIEWER, claim.id(),
                claim.version(), Money.of("300", "EUR"), " "));
        assertThrows(IllegalArgumentException.class, () -> claims.approvePartially(REVIEWER, claim.id(),
                claim.version(), Money.of("600", "EUR"), "too much"));
        Claim approved = claims.approvePartially(REVIEWER, claim.id(), claim.version(), Money.of("300", "EUR"),
                "Only one night is covered by the policy");
        assertEquals(ClaimStatus.APPROVED, approved.status());
        assertEquals(Money.of("300", "EUR"), approved.approvedAmount());
        assertEquals("Only one night is covered by the policy", approved.partialReason());
        JournalEntry accrual = ledger.entriesForSource(REVIEWER, "claim:" + claim.id()).get(0);
        assertEquals(List.of(Money.of("300", "EUR"), Money.of("300", "EUR")),
                accrual.lines().stream().map(JournalLine::amount).toList());
    }

    @Test
    public void thePartnerWithdrawsBeforeApprovalAndTheReceiptIsFreeAgain() {
        Claim claim = submitted("90", "Parking");
        assertThrows(AccessDeniedException.class, () -> claims.withdraw(PARTNER2, claim.id(), claim.version(), null));
        assertThrows(AccessDeniedException.class, () -> claims.withdraw(REVIEWER, claim.id(), claim.version(), null));
        Claim withdrawn = claims.withdraw(PARTNER, claim.id(), claim.version(), "Paid by the customer after all");
        assertEquals(ClaimStatus.WITHDRAWN, withdrawn.status());
        assertEquals("Paid by the customer after all", withdrawn.statusNote());
        assertThrows(IllegalTransitionException.class,
                () -> claims.approve(REVIEWER, withdrawn.id(), withdrawn.version(), null));
        assertThrows(IllegalTransitionException.class,
                () -> claims.withdraw(PARTNER, withdrawn.id(), withdrawn.version(), null));
        // the same receipt can be claimed again
        assertEquals(ClaimStatus.SUBMITTED, submitted("90", "Parking").status());
    }

    @Test
    public void administratorsMaintainTheRejectionCatalogueAndOldClaimsKeepTheirCodes() {
        assertEquals(List.of("R01", "R02", "R03", "R04", "R05", "R06", "R99"),
                claims.rejectionCodes(REVIEWER, false).stream().map(c -> c.code()).toList());
        assertThrows(AccessDeniedException.class, () -> claims.saveRejectionCode(REVIEWER, "R07", "x", false));
        assertThrows(AccessDeniedException.class, () -> claims.rejectionCodes(PARTNER, true));
        Claim first = submitted("70", "Lunch");
        Claim rejected = claims.rejectWithCode(REVIEWER, first.id(), first.version(), "R02", null);
        assertEquals("R02", rejected.rejection().code());
        assertEquals(RejectionReason.NOT_ELIGIBLE, rejected.rejectionReason());

        claims.saveRejectionCode(ADMINISTRATOR, "r07", "Activity not pre-approved", false);
        claims.saveRejectionCode(ADMINISTRATOR, "R02", "Not eligible under the 2025 programme terms", false);
        claims.retireRejectionCode(ADMINISTRATOR, "R02", true);
        assertEquals(List.of("R01", "R03", "R04", "R05", "R06", "R07", "R99"),
                claims.rejectionCodes(REVIEWER, false).stream().map(c -> c.code()).toList());

        Claim second = submitted("80", "Dinner");
        IllegalArgumentException retired = assertThrows(IllegalArgumentException.class,
                () -> claims.rejectWithCode(REVIEWER, second.id(), second.version(), "R02", null));
        assertTrue(retired.getMessage(), retired.getMessage().contains("R02"));
        assertThrows(IllegalArgumentException.class,
                () -> claims.rejectWithCode(REVIEWER, second.id(), second.version(), "R99", null));
        Claim newCode = claims.rejectWithCode(REVIEWER, second.id(), second.version(), "R07", null);
        assertEquals("Activity not pre-approved", newCode.rejection().text());
        assertEquals(RejectionReason.OTHER, newCode.rejectionReason());

        Claim old = claims.find(PARTNER, first.id()).orElseThrow();
        assertEquals(new org.partnerfinance.claims.api.RejectionCode("R02",
                "Not eligible under the 2025 programme terms", false, true), old.rejection());
    }

    @Test
    public void massApprovalGivesEachClaimItsOwnOutcome() {
        Claim ok = submitted("100", "Taxi one");
        Claim stale = submitted("110", "Taxi two");
        Claim tooBig = submitted("30000", "Stand");
        Claim returned = submitted("120", "Taxi three");
        Claim back = claims.returnForInformation(MANAGER, returned.id(), returned.version(), "Which trip?");
        Map<Long, Long> selected = new java.util.LinkedHashMap<>();
        selected.put(ok.id(), ok.version());
        selected.put(stale.id(), stale.version() - 1);
        selected.put(tooBig.id(), tooBig.version());
        selected.put(back.id(), back.version());
        selected.put(999_999L, 0L);
        List<org.partnerfinance.claims.api.ApprovalOutcome> outcomes = claims.approveAll(REVIEWER, selected, "ok");
        assertEquals(5, outcomes.size());
        assertTrue(outcomes.get(0).succeeded());
        assertEquals(ClaimStatus.APPROVED, outcomes.get(0).claim().status());
        assertFalse(outcomes.get(1).succeeded());
        assertTrue(outcomes.get(1).message(), outcomes.get(1).message().contains("changed by someone else"));
        assertFalse(outcomes.get(2).succeeded()); // 30,000 needs managers
        assertFalse(outcomes.get(3).succeeded());
        assertFalse(outcomes.get(4).succeeded());
        assertEquals(ClaimStatus.SUBMITTED, claims.find(REVIEWER, stale.id()).orElseThrow().status());
        assertThrows(AccessDeniedException.class, () -> claims.approveAll(PARTNER, selected, null));
    }

    @Test
    public void remindersAndEscalationsGoOutOncePerStepAtTheTimeGiven() {
        List<org.osgi.service.event.Event> posted = Collections.synchronizedList(new ArrayList<>());
        claims.events = new org.osgi.service.event.EventAdmin() {
            @Override
            public void postEvent(org.osgi.service.event.Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(org.osgi.service.event.Event event) {
                posted.add(event);
            }
        };
        Claim claim = submitted("5000", "Booth"); // step 1 due 2025-03-22T10:00Z
        posted.clear();
        assertThrows(AccessDeniedException.class, () -> claims.runServiceLevels(REVIEWER, CLOCK));

        assertEquals(0, claims.runServiceLevels(ADMINISTRATOR, Instant.parse("2025-03-21T09:00:00Z")).reminders());
        org.partnerfinance.claims.api.ServiceLevelRun remind =
                claims.runServiceLevels(ADMINISTRATOR, Instant.parse("2025-03-21T11:00:00Z"));
        assertEquals(1, remind.reminders());
        assertEquals(0, remind.escalations());
        assertEquals(0, claims.runServiceLevels(ADMINISTRATOR, Instant.parse("2025-03-21T12:00:00Z")).reminders());
        org.partnerfinance.claims.api.ServiceLevelRun late =
                claims.runServiceLevels(ADMINISTRATOR, Instant.parse("2025-03-22T10:00:00Z"));
        assertEquals(0, late.reminders());
        assertEquals(1, late.escalations());
        assertEquals(0, claims.runServiceLevels(ADMINISTRATOR, Instant.parse("2025-03-25T10:00:00Z")).escalations());

        assertEquals(List.of("claim.step-reminder", "claim.step-escalated"),
                posted.stream().map(e -> e.getProperty(ClaimEvents.ACTION)).toList());
        org.osgi.service.event.Event reminder = posted.get(0);
        assertEquals(claim.id(), reminder.getProperty(ClaimEvents.CLAIM));
        assertEquals(1, reminder.getProperty(ClaimEvents.STEP));
        assertEquals("2025-03-22", reminder.getProperty(ClaimEvents.DUE));
        assertEquals(null, reminder.getProperty(ClaimEvents.ACTOR));

        // the next step gets its own reminder and escalation
        Claim first = claims.approve(REVIEWER, claim.id(), claim.version(), null); // step 2 due 2025-03-23T10:00Z
        assertEquals(1, claims.runServiceLevels(ADMINISTRATOR, Instant.parse("2025-03-23T10:00:00Z")).escalations());
        assertEquals(2, first.currentStep().orElseThrow().number());
        assertTrue(auditActions(claim.id()).contains("claim.step-escalated"));
    }

    // ---- the whole life of a claim -------------------------------------------------------------------------------

    @Test
    public void claimIsSubmittedApprovedAndPaidWithPostingsAndAuditRecords() {
        ClaimListener broken = change -> {
            throw new IllegalStateException("a broken listener (logged by the service, expected in this test)");
        };
        claims.listeners = List.of(broken, heard::add);
        Claim claim = submitted("120.50", "Taxi to the partner summit");
        assertEquals("CLM-000001", claim.reference());
        assertEquals(ClaimStatus.SUBMITTED, claim.status());
        assertEquals("Expense reimbursement", claim.typeName());
        assertTrue(claim.typeInstalled());
        assertEquals(List.of(new ClaimField("category", "Category", "travel"), new ClaimField("note", "Note", "Airport")),
                claim.fields());
        assertEquals(Money.of("120.50", "EUR"), claim.eligibleAmount());
        assertEquals(Instant.parse("2025-03-20T10:00:00Z"), claim.submittedAt());
        assertEquals(List.of(DuplicateRule.ID), claim.findings().stream().map(ComplianceFinding::ruleId).toList());

        assertEquals(List.of(claim), claims.reviewQueue(REVIEWER));
        assertEquals(List.of(claim), claims.listForPartner(PARTNER, "P-1001"));

        Claim approved = claims.approve(REVIEWER, claim.id(), claim.version(), "Receipt checked");
        assertEquals(ClaimStatus.APPROVED, approved.status());
        assertEquals("reviewer", approved.decidedBy());
        assertEquals("Receipt checked", approved.decisionComment());
        assertTrue(approved.version() > claim.version());
        assertEquals(List.of(), claims.reviewQueue(REVIEWER));

        JournalEntry accrual = ledger.entriesForSource(REVIEWER, "claim:" + claim.id()).get(0);
        assertEquals(List.of(
                JournalLine.debit(Accounts.PARTNER_EXPENSES, Money.of("120.50", "EUR"), "P-1001"),
                JournalLine.credit(Accounts.ACCRUED_PARTNER_CLAIMS, Money.of("120.50", "EUR"), "P-1001")),
                accrual.lines().stream().map(JournalLine::inDocumentCurrency).toList());
        assertEquals(TODAY, accrual.date());

        assertThrows(AccessDeniedException.class, () -> claims.markPaid(REVIEWER, claim.id(), approved.version(), "P"));
        Claim paid = claims.markPaid(MANAGER, claim.id(), approved.version(), " BANK-2025-0042 ");
        assertEquals(ClaimStatus.PAID, paid.status());
        assertEquals("BANK-2025-0042", paid.paymentReference());

        List<Balance> balances = ledger.balancesForPartner(PARTNER, "P-1001");
        assertEquals(List.of("1000 EUR -120.50", "6100 EUR 120.50"),
                balances.stream().map(b -> b.account().code() + " " + b.amount()).toList());

        assertEquals(List.of("claim.submitted", "claim.approved", "claim.paid"), auditActions(claim.id()));
        List<ClaimEvent> history = claims.history(REVIEWER, claim.id());
        assertEquals(List.of("partner", "reviewer", "manager"), history.stream().map(ClaimEvent::actor).toList());
        assertEquals("status=APPROVED", history.get(2).before());
        assertTrue(claims.history(MANAGER, 999_999).isEmpty());
        Verification chain = audit.verify(MANAGER);
        assertTrue(chain.message(), chain.intact());

        // the broken listener did not stop the others, and each change was heard once, after it committed
        assertEquals(List.of(ClaimStatus.SUBMITTED, ClaimStatus.APPROVED, ClaimStatus.PAID),
                heard.stream().map(ClaimChange::status).toList());
        assertEquals(ClaimStatus.PAID, claims.find(PARTNER, claim.id()).get().status());
    }

    @Test
    public void attachmentIsStoredWithSniffedTypeAndHash() {
        Claim claim = submitted("10", "Lunch");
        assertEquals(1, claim.attachments().size());
        AttachmentContent file = claims.attachment(PARTNER, claim.id(), claim.attachments().get(0).id());
        assertEquals("receipt.pdf", file.attachment().filename());
        assertEquals("application/pdf", file.attachment().contentType());
        assertEquals(Attachments.sha256Hex(pdf("Lunch")), file.attachment().sha256());
        assertEquals(new String(pdf("Lunch"), java.nio.charset.StandardCharsets.US_ASCII),
                new String(file.content(), java.nio.charset.StandardCharsets.US_ASCII));
        assertNotNull(claims.attachment(REVIEWER, claim.id(), claim.attachments().get(0).id()));
        assertThrows(IllegalArgumentException.class, () -> claims.attachment(PARTNER, claim.id(), 999));
    }

    @Test
    public void attachmentsKeepTheOrderInWhichTheyWereAttached() {
        List<String> names = List.of("c-receipt.pdf", "a-invoice.pdf", "b-boarding-pass.pdf", "d-hotel.pdf");
        List<AttachmentUpload> files = names.stream().map(n -> new AttachmentUpload(n, pdf(n))).toList();
        ClaimDraft draft = new ClaimDraft("expense", "P-1001", TestClaims.DAY, "Trip", Money.of("80", "EUR"),
                Map.of("category", "travel"), files);
        Claim claim = claims.submitNew(PARTNER, draft);
        assertEquals(names, claim.attachments().stream().map(a -> a.filename()).toList());
        assertEquals(names, claims.find(REVIEWER, claim.id()).get().attachments().stream().map(a -> a.filename())
                .toList());
    }

    @Test
    public void draftIsSavedThenSubmittedAtItsVersion() {
        Claim draft = claims.saveDraft(PARTNER, draft("P-1001", "55", "Parking", pdf("parking")));
        assertEquals(ClaimStatus.DRAFT, draft.status());
        assertEquals(List.of(), claims.reviewQueue(REVIEWER));

        assertThrows(ConcurrentChangeException.class, () -> claims.submit(PARTNER, draft.id(), draft.version() + 1));
        Claim submitted = claims.submit(PARTNER, draft.id(), draft.version());
        assertEquals(ClaimStatus.SUBMITTED, submitted.status());
        assertEquals(1, submitted.findings().size());
        assertThrows(ConcurrentChangeException.class, () -> claims.submit(PARTNER, draft.id(), draft.version()));
        assertThrows(IllegalTransitionException.class,
                () -> claims.submit(PARTNER, draft.id(), submitted.version()));
        assertEquals(List.of("claim.created", "claim.submitted"), auditActions(draft.id()));
    }

    @Test
    public void lineItemsAreStoredWithTheirLabelsAndComeBackWhenTheDraftIsSubmitted() {
        ClaimDraft base = draft("P-1001", "19.80", "Drive to the partner day", pdf("drive"));
        ClaimDraft withLines = new ClaimDraft(base.typeId(), base.partnerId(), base.date(), base.description(),
                base.amount(), base.fields(), base.attachments(), List.of(
                        new LineItem("trips", Map.of("date", "2025-03-10", "km", "42")),
                        new LineItem("trips", Map.of("date", "2025-03-11", "km", "24", "toll", "3.20"))));
        Claim saved = claims.saveDraft(PARTNER, withLines);
        assertEquals(List.of(new ClaimField("trips.1.date", "Trips 1: Date", "2025-03-10"),
                new ClaimField("trips.1.km", "Trips 1: Km", "42"),
                new ClaimField("trips.2.date", "Trips 2: Date", "2025-03-11"),
                new ClaimField("trips.2.km", "Trips 2: Km", "24"),
                new ClaimField("trips.2.toll", "Trips 2: Toll", "3.20")),
                saved.fields().stream().filter(f -> f.name().startsWith("trips.")).toList());

        Claim submitted = claims.submit(PARTNER, saved.id(), saved.version());
        assertEquals(ClaimStatus.SUBMITTED, submitted.status());
        assertEquals(saved.fields(), submitted.fields());
    }

    @Test
    public void rejectionNeedsAReasonAndForOtherAComment() {
        Claim claim = submitted("30", "Taxi");
        assertThrows(IllegalArgumentException.class, () -> claims.reject(REVIEWER, claim.id(), claim.version(), null, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> claims.reject(REVIEWER, claim.id(), claim.version(), RejectionReason.OTHER, "  "));
        Claim rejected = claims.reject(REVIEWER, claim.id(), claim.version(), RejectionReason.MISSING_DOCUMENT,
                "The receipt is unreadable");

        Claim seenByPartner = claims.find(PARTNER, claim.id()).get();
        assertEquals(ClaimStatus.REJECTED, seenByPartner.status());
        assertEquals(RejectionReason.MISSING_DOCUMENT, seenByPartner.rejectionReason());
        assertEquals("The receipt is unreadable", seenByPartner.decisionComment());
        assertEquals(rejected, seenByPartner);
        assertEquals(List.of(), ledger.entriesForSource(REVIEWER, "claim:" + claim.id()));
        assertEquals(List.of("claim.submitted", "claim.rejected"), auditActions(claim.id()));
        assertThrows(IllegalTransitionException.class,
                () -> claims.approve(REVIEWER, claim.id(), rejected.version(), null));
    }

    // ---- validation and compliance -----------------------------------------------------------------------------

    @Test
    public void invalidDraftIsRefusedWithEveryProblemAndNothingIsWritten() {
        ClaimDraft bad = new ClaimDraft("expense", "P-1001", null, "", Money.of("-5", "EUR"),
                Map.of("category", "champagne"), List.of());
        ClaimValidationException e = assertThrows(ClaimValidationException.class, () -> claims.submitNew(PARTNER, bad));
        assertEquals(List.of("amount", "date", "description", "category", "attachments"),
                e.problems().stream().map(Problem::field).toList());

        ClaimDraft future = new ClaimDraft("expense", "P-1001", TODAY.plusDays(1), "Taxi", Money.of("5", "EUR"),
                Map.of("category", "travel"), List.of(new AttachmentUpload("r.pdf", pdf("x"))));
        ClaimValidationException typeProblem = assertThrows(ClaimValidationException.class,
                () -> claims.submitNew(PARTNER, future));
        assertEquals("The date cannot be in the future.", typeProblem.problems().get(0).message());

        assertEquals(List.of(), claims.listForPartner(PARTNER, "P-1001"));
        assertEquals(List.of(), audit.recent(MANAGER, 10).stream()
                .filter(r -> r.event().entityType().equals("claim")).toList());
        assertTrue(heard.isEmpty());
    }

    @Test
    public void duplicateClaimIsBlockedUntilTheEarlierOneIsRejected() {
        Claim first = submitted("120.50", "Taxi to the partner summit");
        ClaimDraft again = draft("P-1001", "120.50", "Taxi to the partner summit", pdf("another receipt"));

        ClaimValidationException e = assertThrows(ClaimValidationException.class, () -> claims.submitNew(PARTNER, again));
        assertTrue(e.getMessage(), e.getMessage().contains("C-DUP"));
        assertTrue(e.getMessage(), e.getMessage().contains(first.reference()));
        assertEquals(ComplianceOutcome.FAIL, claims.check(PARTNER, again).get(0).outcome());

        ClaimDraft sameReceipt = draft("P-1001", "99", "Something else", pdf("Taxi to the partner summit"));
        assertThrows(ClaimValidationException.class, () -> claims.submitNew(PARTNER, sameReceipt));

        // another partner may claim the same facts
        claims.submitNew(PARTNER2, draft("P-2002", "120.50", "Taxi to the partner summit", pdf("p2")));

        claims.reject(REVIEWER, first.id(), first.version(), RejectionReason.WRONG_AMOUNT, null);
        assertEquals(ClaimStatus.SUBMITTED, claims.submitNew(PARTNER, again).status());
    }

    @Test
    public void extensionRulesRunWhenTheyApplyAndAreSwitchedOn() {
        ComplianceRule warnsOnTaxi = new ComplianceRule() {
            @Override
            public String id() {
                return "taxi-policy";
            }

            @Override
            public ComplianceFinding check(org.partnerfinance.claims.api.ComplianceSubject subject) {
                return subject.draft().description().contains("Taxi")
                        ? new ComplianceFinding(id(), ComplianceOutcome.WARN, "T-01", "Taxi rides need a route.")
                        : new ComplianceFinding(id(), ComplianceOutcome.PASS, "T-01", "ok");
            }
        };
        ComplianceRule failsEverything = new ComplianceRule() {
            @Override
            public String id() {
                return "mdf-only";
            }

            @Override
            public ComplianceFinding check(org.partnerfinance.claims.api.ComplianceSubject subject) {
                return new ComplianceFinding(id(), ComplianceOutcome.FAIL, "M-01", "no");
            }
        };
        claims.complianceRules = List.of(
                Map.entry(Map.of(ExtensionConstants.EXTENSION_ID, "taxi"), warnsOnTaxi),
                Map.entry(Map.of(ExtensionConstants.EXTENSION_ID, "mdf", ComplianceRule.CLAIM_TYPES, "mdf"),
                        failsEverything));

        Claim claim = submitted("12", "Taxi home");
        assertEquals(List.of("core.duplicate PASS", "taxi-policy WARN"),
                claim.findings().stream().map(f -> f.ruleId() + " " + f.outcome()).toList());
        assertEquals(claim.findings(), claims.reviewQueue(REVIEWER).get(0).findings());

        switchedOff.add("taxi");
        assertEquals(1, submitted("13", "Taxi back").findings().size());
    }

    // ---- authorization -------------------------------------------------------------------------------------------

    @Test
    public void partnerCannotReadOrActOnAnotherPartnersClaimsThroughAnyMethod() {
        Claim draft = claims.saveDraft(PARTNER, draft("P-1001", "40", "Draft", pdf("draft")));
        Claim claim = submitted("50", "Submitted");
        long attachmentId = claim.attachments().get(0).id();

        assertTrue(claims.find(PARTNER2, claim.id()).isEmpty());
        assertTrue(claims.find(PARTNER2, draft.id()).isEmpty());
        assertEquals(List.of(), claims.history(PARTNER2, claim.id()));
        assertEquals(List.of("claim.submitted"),
                claims.history(PARTNER, claim.id()).stream().map(ClaimEvent::action).toList());
        // a proof of the claim's record for its partner; nothing for another partner or through another claim's id
        long seq = claims.history(PARTNER, claim.id()).get(0).sequence();
        assertTrue(seq > 0);
        assertTrue(claims.proof(PARTNER, claim.id(), seq).orElseThrow().contains("\"seq\" : " + seq + ","));
        assertTrue(claims.proof(PARTNER2, claim.id(), seq).isEmpty());
        assertTrue(claims.proof(PARTNER, draft.id(), seq).isEmpty());
        assertTrue(claims.proof(PARTNER, claim.id(), seq + 1000).isEmpty());
        assertThrows(AccessDeniedException.class, () -> claims.listForPartner(PARTNER2, "P-1001"));
        assertThrows(AccessDeniedException.class, () -> claims.totals(PARTNER2, "P-1001"));
        assertThrows(AccessDeniedException.class, () -> claims.totals(PARTNER2, null));
        assertThrows(AccessDeniedException.class, () -> claims.reviewQueue(PARTNER2));
        assertThrows(IllegalArgumentException.class, () -> claims.attachment(PARTNER2, claim.id(), attachmentId));
        assertThrows(AccessDeniedException.class, () -> claims.submit(PARTNER2, draft.id(), draft.version()));
        assertThrows(AccessDeniedException.class, () -> claims.approve(PARTNER2, claim.id(), claim.version(), null));
        assertThrows(AccessDeniedException.class,
                () -> claims.reject(PARTNER2, claim.id(), claim.version(), RejectionReason.OTHER, "mine"));
        assertThrows(AccessDeniedException.class, () -> claims.markPaid(PARTNER2, claim.id(), claim.version(), "x"));
        ClaimDraft forPartner1 = draft("P-1001", "60", "Sneaky", pdf("sneaky"));
        assertThrows(AccessDeniedException.class, () -> claims.saveDraft(PARTNER2, forPartner1));
        assertThrows(AccessDeniedException.class, () -> claims.submitNew(PARTNER2, forPartner1));
        assertThrows(AccessDeniedException.class, () -> claims.check(PARTNER2, forPartner1));
        // a partner cannot decide its own claims either
        assertThrows(AccessDeniedException.class, () -> claims.approve(PARTNER, claim.id(), claim.version(), null));

        assertEquals(List.of(claim, draft), claims.listForPartner(PARTNER, "P-1001"));
        assertEquals(List.of(), claims.listForPartner(PARTNER2, "P-2002"));
    }

    @Test
    public void administratorsAndIntegratorsSeeNoClaims() {
        Claim claim = submitted("50", "Submitted");
        Caller integrator = new Caller("integrator", null, Set.of(Role.INTEGRATOR), null);
        for (Caller c : List.of(ADMIN, integrator)) {
            assertThrows(AccessDeniedException.class, () -> claims.find(c, claim.id()));
            assertThrows(AccessDeniedException.class, () -> claims.history(c, claim.id()));
            assertThrows(AccessDeniedException.class, () -> claims.listForPartner(c, "P-1001"));
            assertThrows(AccessDeniedException.class, () -> claims.reviewQueue(c));
            assertThrows(AccessDeniedException.class, () -> claims.approve(c, claim.id(), claim.version(), null));
        }
    }

    @Test
    public void reviewerApprovesOnlyWithinTheLimit() {
        Claim big = submitted("20000", "Conference stand");
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> claims.approve(REVIEWER, big.id(), big.version(), null));
        assertTrue(e.getMessage(), e.getMessage().contains("approval limit"));
        assertEquals(ClaimStatus.SUBMITTED, claims.find(REVIEWER, big.id()).get().status());
        // 20,000 is in the reviewer-then-manager band: a manager may take the reviewer's step, not both steps
        Claim first = claims.approve(MANAGER, big.id(), big.version(), null);
        assertEquals(ClaimStatus.SUBMITTED, first.status());
        assertEquals(2, first.currentStep().orElseThrow().number());
        assertThrows(AccessDeniedException.class, () -> claims.approve(MANAGER, first.id(), first.version(), null));
        Claim approved = claims.approve(MANAGER2, first.id(), first.version(), null);
        assertEquals(ClaimStatus.APPROVED, approved.status());
        // whoever approved a step does not also mark the claim paid
        AccessDeniedException pays = assertThrows(AccessDeniedException.class,
                () -> claims.markPaid(MANAGER, approved.id(), approved.version(), "PAY-7"));
        assertTrue(pays.getMessage(), pays.getMessage().contains("segregation of duties"));
    }

    @Test
    public void totalsCountAndSumByStatusAndCurrency() {
        Claim a = submitted("10", "A");
        submitted("20", "B");
        claims.submitNew(PARTNER2, draft("P-2002", "5", "C", pdf("C")));
        claims.approve(REVIEWER, a.id(), a.version(), null);

        assertEquals(List.of(new StatusTotal(ClaimStatus.APPROVED, 1, Money.of("10", "EUR")),
                new StatusTotal(ClaimStatus.SUBMITTED, 1, Money.of("20", "EUR"))), claims.totals(PARTNER, "P-1001"));
        assertEquals(List.of(new StatusTotal(ClaimStatus.APPROVED, 1, Money.of("10", "EUR")),
                new StatusTotal(ClaimStatus.SUBMITTED, 2, Money.of("25", "EUR"))), claims.totals(REVIEWER, null));
    }

    // ---- transactions and concurrency ----------------------------------------------------------------------------

    @Test
    public void failureAfterThePostingAndBeforeTheAuditRecordLeavesNeither() {
        Claim claim = submitted("75", "Hotel");
        int auditRecords = audit.recent(MANAGER, 100).size();
        heard.clear();

        auditFails = true;
        assertThrows(IllegalStateException.class, () -> claims.approve(REVIEWER, claim.id(), claim.version(), null));
        auditFails = false;

        Claim after = claims.find(REVIEWER, claim.id()).get();
        assertEquals(ClaimStatus.SUBMITTED, after.status());
        assertEquals(claim.version(), after.version());
        assertEquals(List.of(), ledger.entriesForSource(REVIEWER, "claim:" + claim.id()));
        assertEquals(auditRecords, audit.recent(MANAGER, 100).size());
        assertTrue(heard.isEmpty());

        // and the claim can still be approved afterwards
        claims.approve(REVIEWER, claim.id(), claim.version(), null);
        assertEquals(1, ledger.entriesForSource(REVIEWER, "claim:" + claim.id()).size());
    }

    @Test
    public void twoConcurrentApprovalsGiveExactlyOneTransition() throws Exception {
        for (int round = 0; round < 3; round++) {
            Claim claim = submitted("100", "Concurrent " + round);
            CountDownLatch start = new CountDownLatch(1);
            Callable<Claim> approve = () -> {
                start.await();
                return claims.approve(REVIEWER, claim.id(), claim.version(), null);
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Claim> one = pool.submit(approve);
                Future<Claim> two = pool.submit(approve);
                start.countDown();
                int approved = 0;
                int refused = 0;
                for (Future<Claim> f : List.of(one, two)) {
                    try {
                        assertEquals(ClaimStatus.APPROVED, f.get(60, TimeUnit.SECONDS).status());
                        approved++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (e.getCause() instanceof ConcurrentChangeException
                                || e.getCause() instanceof IllegalTransitionException) {
                            refused++;
                        } else {
                            fail("unexpected failure: " + e.getCause());
                        }
                    }
                }
                assertEquals(1, approved);
                assertEquals(1, refused);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, ledger.entriesForSource(REVIEWER, "claim:" + claim.id()).size());
            assertEquals(List.of("claim.submitted", "claim.approved"), auditActions(claim.id()));
        }
        assertTrue(audit.verify(MANAGER).intact());
    }

    // ---- claim types that come and go ----------------------------------------------------------------------------

    @Test
    public void claimsOfAnUninstalledTypeStayReadableButCannotBeSubmittedOrApproved() {
        Claim submittedClaim = submitted("80", "Taxi");
        Claim draft = claims.saveDraft(PARTNER, draft("P-1001", "81", "Bus", pdf("bus")));
        Claim approved = claims.approve(REVIEWER, submittedClaim.id(), submittedClaim.version(), null);
        Claim waiting = submitted("82", "Train");

        claims.claimTypes = List.of();
        assertEquals(List.of(), claims.availableTypes(PARTNER));

        Claim stored = claims.find(PARTNER, draft.id()).get();
        assertFalse(stored.typeInstalled());
        assertEquals("Expense reimbursement", stored.typeName());
        assertEquals("Category", stored.fields().get(0).label());
        assertEquals(3, claims.listForPartner(PARTNER, "P-1001").size());

        ClaimValidationException submit = assertThrows(ClaimValidationException.class,
                () -> claims.submit(PARTNER, draft.id(), draft.version()));
        assertTrue(submit.getMessage(), submit.getMessage().contains("Expense reimbursement"));
        assertTrue(submit.getMessage(), submit.getMessage().contains("not installed"));
        assertThrows(ClaimValidationException.class,
                () -> claims.submitNew(PARTNER, draft("P-1001", "83", "Tram", pdf("tram"))));
        assertThrows(ClaimValidationException.class,
                () -> claims.approve(REVIEWER, waiting.id(), waiting.version(), null));

        // deciding against a claim and paying an approved one need nothing from the type
        claims.reject(REVIEWER, waiting.id(), waiting.version(), RejectionReason.NOT_ELIGIBLE, null);
        assertEquals(ClaimStatus.PAID, claims.markPaid(MANAGER, approved.id(), approved.version(), "PAY-1").status());

        installExpenseType();
        assertTrue(claims.find(PARTNER, draft.id()).get().typeInstalled());
        assertEquals(ClaimStatus.SUBMITTED, claims.submit(PARTNER, draft.id(), draft.version()).status());
    }

    @Test
    public void switchedOffTypeIsNotOfferedAndRefusesNewClaims() {
        assertEquals(List.of("expense"), claims.availableTypes(PARTNER).stream().map(t -> t.id()).toList());
        switchedOff.add("expense");
        assertEquals(List.of(), claims.availableTypes(PARTNER));
        ClaimValidationException e = assertThrows(ClaimValidationException.class,
                () -> submitted("10", "Taxi"));
        assertTrue(e.getMessage(), e.getMessage().contains("switched off"));
        switchedOff.remove("expense");
        assertEquals(ClaimStatus.SUBMITTED, submitted("10", "Taxi").status());
    }

    @Test
    public void claimsForAnUnknownPartnerAreRefused() {
        Caller stranger = new Caller("stranger", null, Set.of(Role.PARTNER_USER), "P-3003");
        ClaimValidationException e = assertThrows(ClaimValidationException.class,
                () -> claims.submitNew(stranger, draft("P-3003", "10", "Taxi", pdf("t"))));
        assertTrue(e.getMessage(), e.getMessage().contains("P-3003"));
    }

    // ---- allowed currencies, approval limits per currency, segregation of duties, racing duplicates ------------

    private static ClaimDraft draftIn(String currency, String amount, String description, byte[] receipt) {
        return new ClaimDraft("expense", "P-1001", TestClaims.DAY, description, Money.of(amount, currency),
                Map.of("category", "travel", "note", "Airport"), List.of(new AttachmentUpload("receipt.pdf", receipt)));
    }

    @Test
    public void aClaimInACurrencyThePartnerDoesNotAllowIsRefusedNamingTheAllowedOnes() {
        ClaimValidationException e = assertThrows(ClaimValidationException.class,
                () -> claims.submitNew(PARTNER, draftIn("USD", "50", "Hotel in Boston", pdf("boston"))));
        assertEquals(List.of(new Problem("currency", "Partner P-1001 cannot claim in USD; its claims are in EUR.")),
                e.problems());
        assertThrows(ClaimValidationException.class,
                () -> claims.saveDraft(PARTNER, draftIn("USD", "50", "Hotel in Boston", pdf("boston"))));
        assertEquals(List.of(), claims.listForPartner(PARTNER, "P-1001"));

        partners.setAllowedCurrencies(Caller.system(), "P-1001", Set.of(Currency.getInstance("USD")));
        Claim claim = claims.submitNew(PARTNER, draftIn("USD", "50", "Hotel in Boston", pdf("boston")));
        assertEquals(Money.of("50", "USD"), claim.amount());
        ClaimValidationException gbp = assertThrows(ClaimValidationException.class,
                () -> claims.submitNew(PARTNER, draftIn("GBP", "50", "Hotel in London", pdf("london"))));
        assertTrue(gbp.getMessage(), gbp.getMessage().contains("its claims are in EUR, USD"));
    }

    @Test
    public void aReviewerWithoutALimitInTheClaimsCurrencyCannotApproveIt() {
        partners.setAllowedCurrencies(Caller.system(), "P-1001", Set.of(Currency.getInstance("GBP")));
        Claim claim = claims.submitNew(PARTNER, draftIn("GBP", "20", "Train to Leeds", pdf("leeds")));

        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> claims.approve(REVIEWER, claim.id(), claim.version(), null));
        assertTrue(e.getMessage(), e.getMessage().contains("cannot approve claims in GBP"));
        assertEquals(ClaimStatus.SUBMITTED, claims.find(REVIEWER, claim.id()).get().status());
        assertEquals(List.of(), ledger.entriesForSource(REVIEWER, "claim:" + claim.id()));

        claims.modified(TestClaims.config("EUR 10000, GBP 500", "unlimited"));
        assertEquals(ClaimStatus.APPROVED, claims.approve(REVIEWER, claim.id(), claim.version(), null).status());
    }

    @Test
    public void whoeverApprovedAClaimCannotAlsoMarkItPaid() {
        Claim claim = submitted("300", "Booth rental");
        Claim approved = claims.approve(MANAGER, claim.id(), claim.version(), null);

        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> claims.markPaid(MANAGER, claim.id(), approved.version(), "PAY-9"));
        assertEquals("You approved claim " + claim.reference()
                + " yourself, so someone else has to mark it paid (segregation of duties).", e.getMessage());
        assertEquals(ClaimStatus.APPROVED, claims.find(MANAGER, claim.id()).get().status());
        assertFalse(auditActions(claim.id()).contains("claim.paid"));

        Caller otherManager = new Caller("manager2", null, Set.of(Role.FINANCE_MANAGER), null);
        assertEquals(ClaimStatus.PAID, claims.markPaid(otherManager, claim.id(), approved.version(), "PAY-9").status());
    }

    @Test
    public void aReceiptHeldByALiveClaimCannotBeStoredAgainEvenAsADraft() {
        Claim first = claims.saveDraft(PARTNER, draft("P-1001", "10", "Lunch", pdf("lunch receipt")));
        ClaimValidationException e = assertThrows(ClaimValidationException.class,
                () -> claims.saveDraft(PARTNER, draft("P-1001", "11", "Dinner", pdf("lunch receipt"))));
        assertEquals(List.of(new Problem("attachments",
                "The file receipt.pdf was already submitted with another claim of partner P-1001.")), e.problems());
        assertEquals(List.of(first), claims.listForPartner(PARTNER, "P-1001"));

        // another partner may use a file with the same content
        claims.saveDraft(PARTNER2, draft("P-2002", "11", "Dinner", pdf("lunch receipt")));

        // rejecting the claim frees its receipt
        Claim submitted = claims.submit(PARTNER, first.id(), first.version());
        claims.reject(REVIEWER, submitted.id(), submitted.version(), RejectionReason.WRONG_AMOUNT, null);
        assertEquals(ClaimStatus.SUBMITTED,
                claims.submitNew(PARTNER, draft("P-1001", "11", "Lunch, right amount", pdf("lunch receipt"))).status());
    }

    @Test
    public void twoConcurrentSubmissionsOfTheSameReceiptGiveOneClaimAndOneClearRefusal() throws Exception {
        // both submissions pass the duplicate rule (each reads before the other wrote) and meet here
        CountDownLatch bothChecked = new CountDownLatch(2);
        ComplianceRule meet = new ComplianceRule() {
            @Override
            public String id() {
                return "meet";
            }

            @Override
            public ComplianceFinding check(org.partnerfinance.claims.api.ComplianceSubject subject) {
                bothChecked.countDown();
                try {
                    if (!bothChecked.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the other submission never reached the compliance check");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return new ComplianceFinding(id(), ComplianceOutcome.PASS, "MEET", "ok");
            }
        };
        // Derby allocates identity ranges without waiting for locks: two first inserts into a fresh table at the
        // same moment fail with a lock error (DERBY-7002), which is not what this test is about. One claim of
        // another partner allocates the ranges of every table a submission writes to.
        claims.submitNew(PARTNER2, draft("P-2002", "1", "Warm-up", pdf("warm-up")));
        claims.complianceRules = List.of(Map.entry(Map.of(), meet));
        byte[] receipt = pdf("the one taxi receipt");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Claim>> results = List.of(
                    pool.submit(() -> claims.submitNew(PARTNER, draft("P-1001", "42", "Taxi to the fair", receipt))),
                    pool.submit(() -> claims.submitNew(PARTNER, draft("P-1001", "42.50", "Taxi, fair", receipt))));
            List<Claim> stored = new ArrayList<>();
            List<Throwable> refused = new ArrayList<>();
            for (Future<Claim> result : results) {
                try {
                    stored.add(result.get(60, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    refused.add(e.getCause());
                }
            }
            assertEquals(1, stored.size());
            assertEquals(1, refused.size());
            assertTrue(String.valueOf(refused.get(0)), refused.get(0) instanceof ClaimValidationException);
            assertEquals(List.of(new Problem("attachments",
                    "The file receipt.pdf was already submitted with another claim of partner P-1001.")),
                    ((ClaimValidationException) refused.get(0)).problems());
        } finally {
            pool.shutdownNow();
        }
        List<Claim> claimsOfPartner = claims.listForPartner(PARTNER, "P-1001");
        assertEquals(1, claimsOfPartner.size());
        assertEquals(List.of("claim.submitted"), auditActions(claimsOfPartner.get(0).id()));
        Verification chain = audit.verify(MANAGER);
        assertTrue(chain.message(), chain.intact());
    }

    // ---- settlement (the claims-settlement bundle drives these with the documents core) ---------------------------

    @Test
    public void aScheduledClaimIsSettledWithItsDocumentAndItsAccrualIsReversed() {
        Claim claim = submitted("120.50", "Taxi settled by credit note");
        Claim approved = claims.approve(REVIEWER, claim.id(), claim.version(), null);
        assertEquals(Money.of("120.50", "EUR"), claims.accrual(MANAGER, claim.id()).orElseThrow().amount());
        assertEquals(List.of(approved), claims.inStatus(MANAGER, ClaimStatus.APPROVED));
        assertThrows(AccessDeniedException.class, () -> claims.scheduleSettlement(REVIEWER, claim.id(),
                approved.version(), org.partnerfinance.claims.api.SettlementPlan.of(
                        org.partnerfinance.claims.api.SettlementMethod.CREDIT_NOTE, TODAY)));

        Claim scheduled = claims.scheduleSettlement(MANAGER, claim.id(), approved.version(),
                org.partnerfinance.claims.api.SettlementPlan.of(
                        org.partnerfinance.claims.api.SettlementMethod.CREDIT_NOTE, TODAY.plusDays(3)));
        assertEquals(ClaimStatus.SCHEDULED, scheduled.status());
        org.partnerfinance.claims.api.ClaimSettlement planned = claims.settlement(PARTNER, claim.id()).orElseThrow();
        assertEquals("Settlement scheduled for 2025-03-23 as credit note", planned.label());
        assertEquals(Money.of("120.50", "EUR"), planned.amount());
        assertFalse(planned.accrualReversed());
        assertTrue("another partner's claim reads like a missing one",
                claims.settlement(PARTNER2, claim.id()).isEmpty());
        assertEquals(List.of(claim.id()), claims.scheduledSettlements(MANAGER).stream()
                .map(org.partnerfinance.claims.api.ClaimSettlement::claimId).toList());
        assertThrows("no settlement document yet", IllegalStateException.class,
                () -> claims.settle(MANAGER, claim.id(), scheduled.version(), null, "CN-1"));

        Claim paid = claims.settle(Caller.system(), claim.id(), scheduled.version(),
                new org.partnerfinance.claims.api.SettlementPlan(
                        org.partnerfinance.claims.api.SettlementMethod.CREDIT_NOTE, TODAY.plusDays(3), 99L,
                        "CLM-000001", null), "CLM-000001");
        assertEquals(ClaimStatus.PAID, paid.status());
        assertEquals("CLM-000001", paid.paymentReference());
        org.partnerfinance.claims.api.ClaimSettlement settled = claims.settlement(PARTNER, claim.id()).orElseThrow();
        assertEquals("Settled as credit note CLM-000001", settled.label());
        assertTrue(settled.accrualReversed());
        assertEquals(Long.valueOf(99L), settled.plan().documentId());
        assertEquals(List.of(), claims.scheduledSettlements(MANAGER));
        // the accrual is reversed with its own amounts: nothing stays on the accrual or the expense account (the
        // settlement document, not part of this test, carries the expense)
        assertEquals(Money.of("0", "EUR"), claims.accrual(MANAGER, claim.id()).orElseThrow().amount());
        assertTrue(ledger.balancesForPartner(PARTNER, "P-1001").stream()
                .noneMatch(b -> b.account().code().equals(Accounts.ACCRUED_PARTNER_CLAIMS)));
        assertEquals(List.of("claim.submitted", "claim.approved", "claim.scheduled", "claim.paid"),
                auditActions(claim.id()));
    }

    @Test
    public void whoeverApprovedAClaimDoesNotScheduleItsSettlement() {
        Claim claim = submitted("80.00", "Taxi approved by a manager");
        Claim approved = claims.approve(MANAGER, claim.id(), claim.version(), null);
        assertThrows(AccessDeniedException.class, () -> claims.scheduleSettlement(MANAGER, claim.id(),
                approved.version(), org.partnerfinance.claims.api.SettlementPlan.of(
                        org.partnerfinance.claims.api.SettlementMethod.PAYMENT, TODAY)));
        assertEquals(ClaimStatus.APPROVED, claims.find(MANAGER, claim.id()).orElseThrow().status());
        assertTrue(claims.settlement(MANAGER, claim.id()).isEmpty());
    }

    // ---- the claim type's lifecycle hooks (ClaimTypeLifecycle) ----------------------------------------------------

    /** The expense type with lifecycle hooks that record what they are told and can fail or write on approval. */
    private final class HookedType implements ClaimType, org.partnerfinance.claims.api.ClaimTypeLifecycle {
        final List<String> told = Collections.synchronizedList(new ArrayList<>());
        AccountingRule rule = TestClaims.EXPENSE_TYPE.accountingRule();
        RuntimeException failOnApproval;
        RuntimeException failOnClose;

        @Override
        public String id() {
            return "expense";
        }

        @Override
        public List<FieldDef> fields() {
            return TestClaims.EXPENSE_TYPE.fields();
        }

        @Override
        public org.partnerfinance.claims.api.AttachmentPolicy attachmentPolicy() {
            return TestClaims.EXPENSE_TYPE.attachmentPolicy();
        }

        @Override
        public List<Problem> validate(ClaimDraft draft, Clock clock) {
            return TestClaims.EXPENSE_TYPE.validate(draft, clock);
        }

        @Override
        public Money eligibleAmount(ClaimDraft draft) {
            return draft.amount();
        }

        @Override
        public AccountingRule accountingRule() {
            return rule;
        }

        @Override
        public void approved(Claim claim) {
            told.add("approved " + claim.reference() + " " + claim.status() + " " + claim.approvedAmount());
            // a write of the type's own, in the claim's unit of work: it must vanish with a failed approval
            audit.append(new org.partnerfinance.audit.api.AuditEvent("type", "type.reserved", "claim",
                    Long.toString(claim.id()), null, "reserved"));
            if (failOnApproval != null) {
                throw failOnApproval;
            }
        }

        @Override
        public void closed(Claim claim) {
            told.add("closed " + claim.reference() + " " + claim.status());
            if (failOnClose != null) {
                throw failOnClose;
            }
        }

        @Override
        public void paid(Claim claim, Money paid) {
            told.add("paid " + claim.reference() + " " + claim.status() + " " + paid);
        }
    }

    private HookedType installHookedType() {
        HookedType type = new HookedType();
        claims.claimTypes = List.of(Map.entry(Map.of(ExtensionConstants.EXTENSION_ID, "expense",
                ExtensionConstants.EXTENSION_KIND, "claim-type"), type));
        return type;
    }

    @Test
    public void aTypeThatFailsOnApprovalRollsTheWholeApprovalBackWithItsMessage() {
        HookedType type = installHookedType();
        type.failOnApproval = new IllegalArgumentException("Only EUR 100.00 of funds are available.");
        Claim claim = submitted("400", "Stand at the fair");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> claims.approve(REVIEWER, claim.id(), claim.version(), null));
        assertEquals("Only EUR 100.00 of funds are available.", refused.getMessage());
        Claim unchanged = claims.find(REVIEWER, claim.id()).orElseThrow();
        assertEquals(ClaimStatus.SUBMITTED, unchanged.status());
        assertEquals(claim.version(), unchanged.version());
        assertEquals("no accrual stays behind", List.of(), ledger.entriesForSource(MANAGER, "claim:" + claim.id()));
        assertEquals("neither the approval's nor the type's audit record stays behind", List.of("claim.submitted"),
                auditActions(claim.id()));

        type.failOnApproval = null;
        Claim approved = claims.approve(REVIEWER, claim.id(), claim.version(), null);
        assertEquals(ClaimStatus.APPROVED, approved.status());
        assertEquals(List.of("claim.submitted", "type.reserved", "claim.approved"), auditActions(claim.id()));
        assertEquals(1, ledger.entriesForSource(MANAGER, "claim:" + claim.id()).size());
        Claim paid = claims.markPaid(MANAGER, claim.id(), approved.version(), "BANK-1");
        assertEquals(List.of("approved " + claim.reference() + " APPROVED EUR 400.00",
                "approved " + claim.reference() + " APPROVED EUR 400.00",
                "paid " + claim.reference() + " PAID EUR 400.00"), type.told);
        assertEquals(ClaimStatus.PAID, paid.status());
    }

    @Test
    public void aTypeIsToldOnlyAtTheLastStepAndWhenItsClaimIsRejectedOrWithdrawn() {
        HookedType type = installHookedType();
        Claim twoSteps = submitted("5000", "Booth");
        claims.approve(REVIEWER, twoSteps.id(), twoSteps.version(), null);
        assertEquals(List.of(), type.told);
        Claim rejected = submitted("300", "Dinner");
        claims.reject(REVIEWER, rejected.id(), rejected.version(), RejectionReason.NOT_ELIGIBLE, null);
        Claim withdrawn = submitted("200", "Taxi");
        claims.withdraw(PARTNER, withdrawn.id(), withdrawn.version(), "booked twice");
        assertEquals(List.of("closed " + rejected.reference() + " REJECTED",
                "closed " + withdrawn.reference() + " WITHDRAWN"), type.told);
    }

    @Test
    public void aTypeWithoutAccountingRuleIsApprovedWithoutAccrualAndCannotBeSettled() {
        HookedType type = installHookedType();
        type.rule = null;
        Claim claim = submitted("400", "Pre-approval of a campaign");
        Claim approved = claims.approve(REVIEWER, claim.id(), claim.version(), null);
        assertEquals(ClaimStatus.APPROVED, approved.status());
        assertEquals(Money.of("400", "EUR"), approved.approvedAmount());
        assertEquals(List.of("approved " + claim.reference() + " APPROVED EUR 400.00"), type.told);
        assertEquals("nothing posted", List.of(), ledger.entriesForSource(MANAGER, "claim:" + claim.id()));
        assertTrue(claims.accrual(MANAGER, claim.id()).isEmpty());

        IllegalStateException paid = assertThrows(IllegalStateException.class,
                () -> claims.markPaid(MANAGER, claim.id(), approved.version(), "BANK-2"));
        assertTrue(paid.getMessage(), paid.getMessage().contains("is a pre-approval")
                && paid.getMessage().contains("cannot be marked paid"));
        IllegalStateException scheduled = assertThrows(IllegalStateException.class,
                () -> claims.scheduleSettlement(MANAGER, claim.id(), approved.version(),
                        org.partnerfinance.claims.api.SettlementPlan.of(
                                org.partnerfinance.claims.api.SettlementMethod.PAYMENT, TODAY)));
        assertTrue(scheduled.getMessage(), scheduled.getMessage().contains("cannot be settled"));
        assertEquals(ClaimStatus.APPROVED, claims.find(MANAGER, claim.id()).orElseThrow().status());
        assertEquals(List.of("claim.submitted", "type.reserved", "claim.approved"), auditActions(claim.id()));
    }

    @Test
    public void anApprovedPreApprovalIsClosedWithItsReasonByItsPartnerOrFinanceAndTheTypeIsTold() {
        HookedType type = installHookedType();
        type.rule = null;
        Claim claim = submitted("400", "Pre-approval of a campaign");
        Claim approved = claims.approve(REVIEWER, claim.id(), claim.version(), null);
        assertTrue(approved.isApprovedPreApproval());

        assertThrows(IllegalArgumentException.class, () -> claims.close(PARTNER, claim.id(), approved.version(), " "));
        assertThrows(AccessDeniedException.class,
                () -> claims.close(PARTNER2, claim.id(), approved.version(), "Not mine"));
        assertThrows(AccessDeniedException.class,
                () -> claims.close(ADMIN, claim.id(), approved.version(), "Administrators see no claims"));
        assertThrows(ConcurrentChangeException.class,
                () -> claims.close(PARTNER, claim.id(), approved.version() - 1, "Stale"));
        // a type that refuses (e.g. a claim following the pre-approval is under review) leaves it approved
        type.failOnClose = new IllegalTransitionException("Claim CLM-x is under review.");
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> claims.close(PARTNER, claim.id(), approved.version(), "Campaign cancelled"));
        assertEquals("Claim CLM-x is under review.", refused.getMessage());
        Claim unchanged = claims.find(MANAGER, claim.id()).orElseThrow();
        assertEquals(ClaimStatus.APPROVED, unchanged.status());
        assertEquals(approved.version(), unchanged.version());
        assertEquals(List.of("claim.submitted", "type.reserved", "claim.approved"), auditActions(claim.id()));

        type.failOnClose = null;
        Claim closed = claims.close(PARTNER, claim.id(), approved.version(), " Campaign cancelled ");
        assertEquals(ClaimStatus.CLOSED, closed.status());
        assertEquals("Campaign cancelled", closed.statusNote());
        assertFalse(closed.isApprovedPreApproval());
        assertEquals(List.of("approved " + claim.reference() + " APPROVED EUR 400.00",
                "closed " + claim.reference() + " CLOSED", "closed " + claim.reference() + " CLOSED"), type.told);
        assertEquals(List.of("claim.submitted", "type.reserved", "claim.approved", "claim.closed"),
                auditActions(claim.id()));
        assertEquals("nothing posted", List.of(), ledger.entriesForSource(MANAGER, "claim:" + claim.id()));
        IllegalTransitionException again = assertThrows(IllegalTransitionException.class,
                () -> claims.close(MANAGER, claim.id(), closed.version(), "Twice"));
        assertEquals("Claim " + claim.reference() + " is closed and cannot be closed.", again.getMessage());

        // finance closes any partner's pre-approval
        Claim other = submitted("300", "Another campaign");
        Claim otherApproved = claims.approve(REVIEWER, other.id(), other.version(), null);
        assertEquals(ClaimStatus.CLOSED,
                claims.close(MANAGER, other.id(), otherApproved.version(), "Window passed").status());
    }

    @Test
    public void aClaimWhoseApprovalAccruedOrThatIsNotApprovedCannotBeClosed() {
        HookedType type = installHookedType();
        Claim accrued = submitted("400", "Stand at the fair");
        Claim approved = claims.approve(REVIEWER, accrued.id(), accrued.version(), null);
        assertFalse(approved.isApprovedPreApproval());
        IllegalTransitionException settled = assertThrows(IllegalTransitionException.class,
                () -> claims.close(MANAGER, accrued.id(), approved.version(), "No longer needed"));
        assertTrue(settled.getMessage(), settled.getMessage().contains("accrued its approved amount"));
        assertEquals(ClaimStatus.APPROVED, claims.find(MANAGER, accrued.id()).orElseThrow().status());

        type.rule = null;
        Claim open = submitted("300", "Pre-approval under review");
        IllegalTransitionException notApproved = assertThrows(IllegalTransitionException.class,
                () -> claims.close(MANAGER, open.id(), open.version(), "Not yet"));
        assertEquals("Claim " + open.reference() + " is submitted and cannot be closed.", notApproved.getMessage());
        assertEquals(List.of("approved " + accrued.reference() + " APPROVED EUR 400.00"), type.told);
    }
}
