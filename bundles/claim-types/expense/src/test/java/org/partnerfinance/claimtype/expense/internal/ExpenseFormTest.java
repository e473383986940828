package org.partnerfinance.claimtype.expense.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.claims.api.AttachmentContent;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimTypeInfo;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.claims.api.RejectionReason;
import org.partnerfinance.claims.api.StatusTotal;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/** Drives the expense form on the server side, with a fake claims service. */
public class ExpenseFormTest {

    private static final Caller PARTNER = new Caller("partner", "Paula", Set.of(Role.PARTNER_USER), "P-1001");

    private final List<ClaimDraft> submitted = new ArrayList<>();
    private final List<String> navigations = new ArrayList<>();
    private final List<String> notifications = new ArrayList<>();
    private Function<ClaimDraft, Claim> onSubmit;
    private boolean typeAvailable = true;
    private UI ui;

    @Before
    public void setUp() {
        ui = new UI();
        UI.setCurrent(ui);
        onSubmit = draft -> claim(7, "CLM-000007", draft);
    }

    @After
    public void tearDown() {
        UI.setCurrent(null);
    }

    private ExpenseForm form(Optional<Currency> currency) {
        return new ExpenseForm(context(), service(), ExpenseRules.defaults(), java.time.Clock.systemDefaultZone(),
                currency);
    }

    @Test
    public void defaultCurrencyIsThePartnersOrEuro() {
        assertEquals("USD", this.<ComboBox<String>>find(form(Optional.of(Currency.getInstance("USD"))),
                "expense-currency").getValue());
        assertEquals("EUR", this.<ComboBox<String>>find(form(Optional.empty()), "expense-currency").getValue());
    }

    @Test
    public void validInputIsSubmittedAndOpensTheNewClaim() {
        ExpenseForm form = form(Optional.empty());
        fill(form);
        form.received("taxi.pdf", new byte[] { '%', 'P', 'D', 'F', '-' });
        assertTrue(this.<Span>find(form, "expense-receipt-name").getText().contains("taxi.pdf"));

        this.<Button>find(form, "expense-submit").click();

        assertEquals(1, submitted.size());
        ClaimDraft draft = submitted.get(0);
        assertEquals("expense", draft.typeId());
        assertEquals("P-1001", draft.partnerId());
        assertEquals(LocalDate.now().minusDays(2), draft.date());
        assertEquals("Taxi to the summit", draft.description());
        assertEquals(Money.of("42.50", "EUR"), draft.amount());
        assertEquals(Map.of("category", "travel", "merchant", "City Cabs"), draft.fields());
        assertEquals("taxi.pdf", draft.attachments().get(0).filename());
        assertEquals(List.of("claims/detail?id=7"), navigations);
        assertEquals(List.of("Claim CLM-000007 submitted"), notifications);
    }

    @Test
    public void aSecondUploadReplacesTheReceipt() {
        ExpenseForm form = form(Optional.empty());
        fill(form);
        form.received("first.pdf", new byte[] { 1 });
        form.received("second.png", new byte[] { 2 });
        this.<Button>find(form, "expense-submit").click();
        assertEquals(1, submitted.get(0).attachments().size());
        assertEquals("second.png", submitted.get(0).attachments().get(0).filename());
    }

    @Test
    public void aReceiptOverTheLimitIsReportedAndNotKept() {
        ExpenseForm form = form(Optional.empty());
        fill(form);
        form.tooLarge("huge.pdf");
        Span error = find(form, "expense-receipt-error");
        assertTrue(error.isVisible());
        assertTrue(error.getText(), error.getText().contains("huge.pdf")
                && error.getText().contains("is larger than " + ExpenseForm.megabytes(
                        ExpenseRules.defaults().maxReceiptBytes())));
        this.<Button>find(form, "expense-submit").click();
        assertTrue("nothing submitted without a receipt", submitted.isEmpty());
    }

    @Test
    public void missingValuesAreMarkedWithoutCallingTheService() {
        ExpenseForm form = form(Optional.empty());
        this.<Button>find(form, "expense-submit").click();

        assertTrue(submitted.isEmpty());
        assertInvalid(form, "expense-date");
        assertInvalid(form, "expense-category");
        assertInvalid(form, "expense-description");
        assertInvalid(form, "expense-amount");
        assertFalse(this.<TextField>find(form, "expense-merchant").isInvalid());
        Span receipt = find(form, "expense-receipt-error");
        assertTrue(receipt.isVisible());
        assertEquals("Attach the receipt.", receipt.getText());
    }

    @Test
    public void anAbsurdAmountIsRefusedAtTheFieldWithoutScalingIt() {
        ExpenseForm form = form(Optional.empty());
        fill(form);
        form.received("taxi.pdf", new byte[] { '%', 'P', 'D', 'F', '-' });
        BigDecimalField amount = find(form, "expense-amount");
        // as a crafted request would set it: the field parses the text into a BigDecimal of a few bytes
        amount.getElement().setProperty("value", "1E+1000000000");
        assertEquals(new BigDecimal("1E+1000000000"), amount.getValue());
        this.<Button>find(form, "expense-submit").click();

        assertTrue(submitted.isEmpty());
        assertTrue(amount.isInvalid());
        assertEquals("An amount has at most 15 digits before the decimal point (less than one quadrillion).",
                amount.getErrorMessage());
    }

    @Test
    public void theTypesOwnRulesAreCheckedBeforeSubmitting() {
        ExpenseForm form = form(Optional.empty());
        fill(form);
        this.<DatePicker>find(form, "expense-date").setValue(LocalDate.now().plusDays(1));
        this.<Button>find(form, "expense-submit").click();

        assertTrue("nothing is sent while problems are known", submitted.isEmpty());
        DatePicker date = find(form, "expense-date");
        assertTrue(date.isInvalid());
        assertEquals("The expense date cannot be in the future.", date.getErrorMessage());
        assertEquals("and the missing receipt is reported at the same time", "Attach the receipt.",
                this.<Span>find(form, "expense-receipt-error").getText());
    }

    @Test
    public void tooManyDecimalsForTheCurrencyAreShownAtTheAmount() {
        ExpenseForm form = form(Optional.empty());
        fill(form);
        this.<ComboBox<String>>find(form, "expense-currency").setValue("JPY");
        form.received("r.pdf", new byte[] { 1 });
        this.<Button>find(form, "expense-submit").click();
        assertTrue(submitted.isEmpty());
        assertInvalid(form, "expense-amount");
        assertTrue(this.<BigDecimalField>find(form, "expense-amount").getErrorMessage().contains("JPY"));
    }

    @Test
    public void serviceProblemsAreShownNextToTheirFields() {
        onSubmit = draft -> {
            throw new ClaimValidationException(List.of(
                    new Problem("date", "The expense date cannot be in the future."),
                    new Problem("attachments", "The file r.pdf is not a PDF, PNG or JPEG file."),
                    new Problem(null, "C-DUP: This claim repeats CLM-000003.")));
        };
        ExpenseForm form = form(Optional.empty());
        fill(form);
        form.received("r.pdf", new byte[] { 1 });
        this.<Button>find(form, "expense-submit").click();

        DatePicker date = find(form, "expense-date");
        assertTrue(date.isInvalid());
        assertEquals("The expense date cannot be in the future.", date.getErrorMessage());
        assertEquals("The file r.pdf is not a PDF, PNG or JPEG file.",
                this.<Span>find(form, "expense-receipt-error").getText());
        assertEquals("C-DUP: This claim repeats CLM-000003.", this.<Span>find(form, "expense-form-error").getText());
        assertTrue(navigations.isEmpty());

        // editing the field clears its error
        date.setValue(LocalDate.now());
        assertFalse(date.isInvalid());
    }

    @Test
    public void refusalsAreShownAsAMessage() {
        onSubmit = draft -> {
            throw new AccessDeniedException("Only users of a partner organisation can do this.");
        };
        ExpenseForm form = form(Optional.empty());
        fill(form);
        form.received("r.pdf", new byte[] { 1 });
        this.<Button>find(form, "expense-submit").click();
        assertEquals("Only users of a partner organisation can do this.",
                this.<Span>find(form, "expense-form-error").getText());
    }

    @Test
    public void unexpectedFailuresShowNoInternals() {
        onSubmit = draft -> {
            throw new IllegalStateException("jakarta.persistence.PersistenceException: connection refused");
        };
        ExpenseForm form = form(Optional.empty());
        fill(form);
        form.received("r.pdf", new byte[] { 1 });
        this.<Button>find(form, "expense-submit").click();
        String shown = this.<Span>find(form, "expense-form-error").getText();
        assertFalse(shown, shown.contains("persistence"));
        assertTrue(shown.startsWith("The claim could not be submitted."));
    }

    @Test
    public void submitIsDisabledWhenTheTypeIsNotAvailable() {
        typeAvailable = false;
        ExpenseForm form = form(Optional.empty());
        assertFalse(this.<Button>find(form, "expense-submit").isEnabled());
        assertTrue(this.<Span>find(form, "expense-form-error").isVisible());
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private void assertInvalid(ExpenseForm form, String id) {
        Component c = find(form, id);
        assertTrue(id + " should be invalid", c instanceof HasValidation
                && c.getElement().getProperty("invalid", false));
    }

    private void fill(ExpenseForm form) {
        this.<DatePicker>find(form, "expense-date").setValue(LocalDate.now().minusDays(2));
        this.<Select<String>>find(form, "expense-category").setValue("travel");
        this.<TextField>find(form, "expense-merchant").setValue("City Cabs");
        this.<TextArea>find(form, "expense-description").setValue("  Taxi to the summit ");
        this.<BigDecimalField>find(form, "expense-amount").setValue(new BigDecimal("42.50"));
    }

    @SuppressWarnings("unchecked")
    private <T extends Component> T find(Component root, String id) {
        return (T) descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id));
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ExpenseFormTest::descendants));
    }

    private static Claim claim(long id, String reference, ClaimDraft draft) {
        return new Claim(id, reference, draft.partnerId(), draft.typeId(), "Expense reimbursement", true,
                ClaimStatus.SUBMITTED, draft.date(), draft.description(), draft.amount(), draft.amount(), List.of(),
                List.of(), List.of(), null, null, null, null, "partner", Instant.now(), Instant.now(), null, null, 1);
    }

    private ScreenContext context() {
        return new ScreenContext() {
            @Override
            public Caller caller() {
                return PARTNER;
            }

            @Override
            public UI ui() {
                return ui;
            }

            @Override
            public Map<String, List<String>> queryParameters() {
                return Map.of();
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

    private ClaimService service() {
        return new ClaimService() {
            @Override
            public List<ClaimTypeInfo> availableTypes(Caller caller) {
                ExpenseRules rules = ExpenseRules.defaults();
                return typeAvailable ? List.of(new ClaimTypeInfo("expense", ExpenseRules.NAME, rules.fields(),
                        rules.attachmentPolicy())) : List.of();
            }

            @Override
            public Claim submitNew(Caller caller, ClaimDraft draft) {
                submitted.add(draft);
                return onSubmit.apply(draft);
            }

            @Override
            public List<ComplianceFinding> check(Caller caller, ClaimDraft draft) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Claim saveDraft(Caller caller, ClaimDraft draft) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Claim submit(Caller caller, long claimId, long expectedVersion) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Claim approve(Caller caller, long claimId, long expectedVersion, String comment) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Claim reject(Caller caller, long claimId, long expectedVersion, RejectionReason reason,
                    String comment) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Claim markPaid(Caller caller, long claimId, long expectedVersion, String paymentReference) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<Claim> find(Caller caller, long claimId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<org.partnerfinance.claims.api.ClaimEvent> history(Caller caller, long claimId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<String> proof(Caller caller, long claimId, long sequence) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Claim> listForPartner(Caller caller, String partnerId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Claim> reviewQueue(Caller caller) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<StatusTotal> totals(Caller caller, String partnerId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public AttachmentContent attachment(Caller caller, long claimId, long attachmentId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Claim approvePartially(Caller caller, long claimId, long expectedVersion,
                    org.partnerfinance.ledger.api.Money approvedAmount, String reason) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<org.partnerfinance.claims.api.ApprovalOutcome> approveAll(Caller caller,
                    java.util.Map<Long, Long> expectedVersions, String comment) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Claim rejectWithCode(Caller caller, long claimId, long expectedVersion, String reasonCode,
                    String comment) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Claim returnForInformation(Caller caller, long claimId, long expectedVersion, String question) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Claim update(Caller caller, long claimId, long expectedVersion, ClaimDraft draft,
                    List<Long> keepAttachmentIds) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Claim withdraw(Caller caller, long claimId, long expectedVersion, String reason) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<org.partnerfinance.claims.api.ClaimVersion> versions(Caller caller, long claimId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<org.partnerfinance.claims.api.RejectionCode> rejectionCodes(Caller caller,
                    boolean includeRetired) {
                throw new UnsupportedOperationException();
            }

            @Override
            public org.partnerfinance.claims.api.RejectionCode saveRejectionCode(Caller caller, String code,
                    String text, boolean commentRequired) {
                throw new UnsupportedOperationException();
            }

            @Override
            public org.partnerfinance.claims.api.RejectionCode retireRejectionCode(Caller caller, String code,
                    boolean retired) {
                throw new UnsupportedOperationException();
            }

            @Override
            public org.partnerfinance.claims.api.ServiceLevelRun runServiceLevels(Caller caller,
                    java.time.Instant asOf) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
