package org.partnerfinance.claims.ui.internal;

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
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.claims.api.AttachmentPolicy;
import org.partnerfinance.claims.api.Choice;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimTypeInfo;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.LineItem;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.claims.ui.api.ClaimFormParts.FieldPart;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
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

/** Drives the form rendered from declared fields on the server side, with a stub claims service. */
public class ClaimFormTest {

    private static final Caller PARTNER = new Caller("partner", "Paula", Set.of(Role.PARTNER_USER), "P-1001");
    private static final AttachmentPolicy RECEIPTS = new AttachmentPolicy(false, 1024 * 1024,
            Set.of("application/pdf", "image/png"), 3);
    private static final List<FieldDef> FIELDS = List.of(
            FieldDef.choice("category", "Category", true,
                    List.of(new Choice("travel", "Travel"), new Choice("meals", "Meals"))),
            FieldDef.text("merchant", "Merchant", false),
            FieldDef.attachments("receipts", "Receipts", RECEIPTS),
            FieldDef.lineItems("mileage", "Mileage", false, List.of(FieldDef.date("date", "Date", true),
                    FieldDef.number("km", "Km", true), FieldDef.text("route", "Route", false))));

    private final StubClaims claims = new StubClaims();
    private final List<String> navigations = new ArrayList<>();
    private final List<String> notifications = new ArrayList<>();
    private UI ui;

    @Before
    public void setUp() {
        ui = new UI();
        UI.setCurrent(ui);
        claims.types = List.of(new ClaimTypeInfo("expense", "Expense reimbursement", "New expense claim", FIELDS,
                RECEIPTS));
        claims.onSubmit = draft -> claim(7, "CLM-000007", draft);
    }

    @After
    public void tearDown() {
        UI.setCurrent(null);
    }

    private ClaimForm form() {
        return new ClaimForm(context(), claims, "expense", def -> Optional.empty(), Optional.empty());
    }

    @Test
    public void everyDeclaredFieldGetsAnEditorOfItsKind() {
        ClaimForm form = form();
        Select<String> category = find(form, "claim-field-category");
        assertEquals(List.of("travel", "meals"), category.getListDataView().getItems().toList());
        assertEquals("Meals", category.getItemLabelGenerator().apply("meals"));
        assertTrue(category.isRequiredIndicatorVisible());
        assertTrue(find(form, "claim-field-merchant") instanceof TextField);
        assertTrue(find(form, "claim-field-receipts") instanceof com.vaadin.flow.component.upload.Upload);
        assertTrue(find(form, "claim-field-mileage-add") instanceof Button);
        assertEquals("EUR", this.<ComboBox<String>>find(form, "claim-currency").getValue());
        assertTrue(text(form).contains("New expense claim"));
        assertTrue(text(form).contains("at most 3 files"));
    }

    @Test
    public void thePartnersCurrencyIsTheDefault() {
        ClaimForm form = new ClaimForm(context(), claims, "expense", def -> Optional.empty(),
                Optional.of(Currency.getInstance("USD")));
        assertEquals("USD", this.<ComboBox<String>>find(form, "claim-currency").getValue());
    }

    @Test
    public void whatIsEnteredIsSubmittedWithFilesAndLinesAndOpensTheNewClaim() {
        ClaimForm form = form();
        fill(form);
        AttachmentsPart receipts = parent(find(form, "claim-field-receipts"));
        receipts.received("taxi.pdf", new byte[] { '%', 'P' });
        receipts.received("hotel.png", new byte[] { 1 });
        this.<Button>find(form, "claim-field-mileage-add").click();
        this.<Button>find(form, "claim-field-mileage-add").click();
        this.<Button>find(form, "claim-field-mileage-add").click();
        this.<DatePicker>find(form, "claim-field-mileage-1-date").setValue(LocalDate.of(2025, 3, 1));
        this.<BigDecimalField>find(form, "claim-field-mileage-1-km").setValue(new BigDecimal("42.5"));
        // the second row stays empty and is not sent; the third is removed
        this.<BigDecimalField>find(form, "claim-field-mileage-3-km").setValue(new BigDecimal("9"));
        this.<Button>find(form, "claim-field-mileage-3-remove").click();

        this.<Button>find(form, "claim-submit").click();

        assertEquals(1, claims.submitted.size());
        ClaimDraft draft = claims.submitted.get(0);
        assertEquals("expense", draft.typeId());
        assertEquals("P-1001", draft.partnerId());
        assertEquals(LocalDate.of(2025, 3, 2), draft.date());
        assertEquals(Money.of("42.50", "EUR"), draft.amount());
        assertEquals(Map.of("category", "travel", "merchant", "City Cabs"), draft.fields());
        assertEquals(List.of("taxi.pdf", "hotel.png"),
                draft.attachments().stream().map(a -> a.filename()).toList());
        assertEquals(List.of(new LineItem("mileage", Map.of("date", "2025-03-01", "km", "42.5"))), draft.lineItems());
        assertEquals(List.of("claims/detail?id=7"), navigations);
        assertEquals(List.of("Claim CLM-000007 submitted"), notifications);
    }

    @Test
    public void aRemovedFileIsNotSent() {
        ClaimForm form = form();
        fill(form);
        AttachmentsPart receipts = parent(find(form, "claim-field-receipts"));
        receipts.received("a.pdf", new byte[] { 1 });
        receipts.received("b.pdf", new byte[] { 2 });
        this.<Button>find(form, "claim-field-receipts-remove-1").click();
        this.<Button>find(form, "claim-submit").click();
        assertEquals(List.of("b.pdf"),
                claims.submitted.get(0).attachments().stream().map(a -> a.filename()).toList());
    }

    @Test
    public void moreFilesThanThePolicyAllowsAreNotKept() {
        ClaimForm form = form();
        AttachmentsPart receipts = parent(find(form, "claim-field-receipts"));
        for (int i = 1; i <= 4; i++) {
            receipts.received(i + ".pdf", new byte[] { 1 });
        }
        assertEquals(3, receipts.files().size());
        Span error = find(form, "claim-field-receipts-error");
        assertTrue(error.isVisible());
        assertTrue(error.getText(), error.getText().contains("At most 3 files"));
    }

    @Test
    public void theCoresProblemsAreShownAtTheFieldsTheyName() {
        claims.onSubmit = draft -> {
            throw new ClaimValidationException(List.of(
                    new Problem("date", "Enter the date."),
                    new Problem("category", "Category is required."),
                    new Problem("attachments", "The file r.pdf is not an accepted kind of file."),
                    new Problem("mileage.1.km", "Mileage 1: Km must be a number."),
                    new Problem("currency", "Partner P-1001 cannot claim in USD."),
                    new Problem(null, "Partner P-1001 is inactive and cannot submit claims.")));
        };
        ClaimForm form = form();
        this.<Button>find(form, "claim-field-mileage-add").click();
        this.<DatePicker>find(form, "claim-field-mileage-1-date").setValue(LocalDate.of(2025, 3, 1));
        this.<Button>find(form, "claim-submit").click();

        assertProblem(form, "claim-date", "Enter the date.");
        assertProblem(form, "claim-field-category", "Category is required.");
        assertProblem(form, "claim-field-mileage-1-km", "Mileage 1: Km must be a number.");
        assertProblem(form, "claim-currency", "Partner P-1001 cannot claim in USD.");
        assertEquals("The file r.pdf is not an accepted kind of file.",
                this.<Span>find(form, "claim-field-receipts-error").getText());
        assertEquals("Partner P-1001 is inactive and cannot submit claims.",
                this.<Span>find(form, "claim-form-error").getText());
        assertTrue(navigations.isEmpty());

        // editing a field clears its problem
        this.<DatePicker>find(form, "claim-date").setValue(LocalDate.now());
        assertFalse(this.<DatePicker>find(form, "claim-date").isInvalid());
    }

    @Test
    public void anAbsurdAmountIsRefusedAtTheFieldWithoutScalingIt() {
        ClaimForm form = form();
        fill(form);
        BigDecimalField amount = find(form, "claim-amount");
        amount.getElement().setProperty("value", "1E+1000000000");
        this.<Button>find(form, "claim-submit").click();
        assertTrue(claims.submitted.isEmpty());
        assertProblem(form, "claim-amount",
                "An amount has at most 15 digits before the decimal point (less than one quadrillion).");
    }

    @Test
    public void theLiveChecksShowTheFindingsOfTheCore() {
        claims.onCheck = draft -> List.of(
                new ComplianceFinding("duplicates", ComplianceOutcome.WARN, "C-DUP", "This looks like CLM-000003."),
                new ComplianceFinding("cap", ComplianceOutcome.PASS, "C-CAP", "Within the cap."));
        ClaimForm form = form();
        fill(form);

        assertFalse("every change runs the checks", claims.checked.isEmpty());
        assertEquals(Money.of("42.50", "EUR"), claims.checked.get(claims.checked.size() - 1).amount());
        Component duplicates = find(form, "claim-check-duplicates");
        assertTrue(text(duplicates).contains("WARN"));
        assertTrue(text(duplicates).contains("C-DUP This looks like CLM-000003."));
        assertTrue(text(find(form, "claim-check-cap")).contains("PASS"));
    }

    @Test
    public void whileIncompleteTheLiveChecksSayWhatIsMissing() {
        claims.onCheck = draft -> {
            throw new ClaimValidationException(List.of(new Problem("amount", "Enter the amount and its currency.")));
        };
        ClaimForm form = form();
        this.<TextArea>find(form, "claim-description").setValue("Taxi");
        String checks = text(find(form, "claim-checks"));
        assertTrue(checks, checks.contains("Still to complete"));
        assertTrue(checks, checks.contains("Enter the amount and its currency."));
        assertFalse("live checks mark no field", this.<BigDecimalField>find(form, "claim-amount").isInvalid());
    }

    @Test
    public void refusalsAndFailuresAreShownWithoutInternals() {
        claims.onSubmit = draft -> {
            throw new AccessDeniedException("Only users of a partner organisation can do this.");
        };
        ClaimForm form = form();
        fill(form);
        this.<Button>find(form, "claim-submit").click();
        assertEquals("Only users of a partner organisation can do this.",
                this.<Span>find(form, "claim-form-error").getText());

        claims.onSubmit = draft -> {
            throw new IllegalStateException("jakarta.persistence.PersistenceException: connection refused");
        };
        this.<Button>find(form, "claim-submit").click();
        String shown = this.<Span>find(form, "claim-form-error").getText();
        assertFalse(shown, shown.contains("persistence"));
        assertTrue(shown, shown.startsWith("The claim could not be submitted."));
    }

    @Test
    public void aTypesOwnPartReplacesTheGeneratedEditor() {
        TextField plate = new TextField("Licence plate");
        plate.setId("custom-merchant");
        List<String> shownProblems = new ArrayList<>();
        FieldPart custom = new FieldPart() {
            @Override
            public Component component() {
                return plate;
            }

            @Override
            public String value() {
                return plate.getValue().toUpperCase(java.util.Locale.ROOT);
            }

            @Override
            public void showProblem(String message) {
                shownProblems.add(String.valueOf(message));
            }

            @Override
            public void onChange(Runnable onChange) {
                plate.addValueChangeListener(e -> onChange.run());
            }
        };
        claims.onSubmit = draft -> {
            throw new ClaimValidationException(List.of(new Problem("merchant", "Unknown plate.")));
        };
        ClaimForm form = new ClaimForm(context(), claims, "expense",
                def -> def.name().equals("merchant") ? Optional.of(custom) : Optional.empty(), Optional.empty());
        assertTrue(descendants(form).noneMatch(c -> c.getId().filter("claim-field-merchant"::equals).isPresent()));
        fill(form);
        plate.setValue("ab-123");
        this.<Button>find(form, "claim-submit").click();
        assertEquals("AB-123", claims.submitted.get(0).fields().get("merchant"));
        assertEquals("Unknown plate.", shownProblems.get(shownProblems.size() - 1));
    }

    @Test
    public void submitIsDisabledWhenTheTypeIsNotAvailable() {
        claims.types = List.of();
        ClaimForm form = form();
        assertFalse(this.<Button>find(form, "claim-submit").isEnabled());
        assertTrue(this.<Span>find(form, "claim-form-error").isVisible());
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private void fill(ClaimForm form) {
        this.<DatePicker>find(form, "claim-date").setValue(LocalDate.of(2025, 3, 2));
        this.<Select<String>>find(form, "claim-field-category").setValue("travel");
        if (descendants(form).anyMatch(c -> c.getId().filter("claim-field-merchant"::equals).isPresent())) {
            this.<TextField>find(form, "claim-field-merchant").setValue(" City Cabs ");
        }
        this.<TextArea>find(form, "claim-description").setValue("Taxi to the summit");
        this.<BigDecimalField>find(form, "claim-amount").setValue(new BigDecimal("42.50"));
    }

    private void assertProblem(ClaimForm form, String id, String message) {
        Component c = find(form, id);
        assertTrue(id + " should be invalid", ((HasValidation) c).isInvalid());
        assertEquals(message, ((HasValidation) c).getErrorMessage());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> T parent(Component c) {
        return (T) c.getParent().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private <T extends Component> T find(Component root, String id) {
        return (T) descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id));
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ClaimFormTest::descendants));
    }

    private static String text(Component root) {
        return descendants(root).filter(HasText.class::isInstance).map(c -> ((HasText) c).getText())
                .filter(t -> t != null).collect(Collectors.joining(" | "));
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
}
