package org.partnerfinance.claims.ui.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimTypeInfo;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.LineItem;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.claims.ui.api.ClaimFormParts.FieldPart;
import org.partnerfinance.claims.ui.api.ClaimRoutes;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * The form of a new claim, rendered from its type's declared fields: the claim's own date, description, amount and
 * currency, then one editor per declared field (files and line items included), a claim type's own part where it
 * registered one ({@code ClaimFormParts}). As the partner fills it in, the claims core's {@code check} runs and its
 * compliance findings (pass / warning / fail with their reasons) are shown; submitting maps every problem the core or
 * the type reports to the field it names. The form judges nothing itself.
 */
final class ClaimForm extends VerticalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimForm.class);
    private static final Pattern LINE_PROBLEM = Pattern.compile("([A-Za-z0-9_-]+)\\.(\\d+)\\.([A-Za-z0-9_-]+)");

    private final ScreenContext context;
    private final ClaimService claims;
    private final Caller caller;
    private final String typeId;

    private final DatePicker date = new DatePicker("Date");
    private final TextArea description = new TextArea("Description");
    private final BigDecimalField amount = new BigDecimalField("Amount");
    private final ComboBox<String> currency = new ComboBox<>("Currency");
    private final Map<String, FieldPart> parts = new LinkedHashMap<>();
    private final Map<String, AttachmentsPart> attachments = new LinkedHashMap<>();
    private final Map<String, LineItemsPart> lines = new LinkedHashMap<>();
    private final VerticalLayout checks = new VerticalLayout();
    private final Span formError = errorSpan("claim-form-error");
    private final Button submit = new Button("Submit claim", VaadinIcon.CHECK.create());

    /**
     * @param custom a claim type's own editor for a field, if it has one
     */
    ClaimForm(ScreenContext context, ClaimService claims, String typeId, Function<FieldDef, Optional<FieldPart>> custom,
            Optional<Currency> defaultCurrency) {
        this.context = context;
        this.claims = claims;
        this.caller = context.caller();
        this.typeId = typeId;
        setId("claim-form");
        setPadding(false);
        setMaxWidth("60em");

        Optional<ClaimTypeInfo> type = type();
        configureCoreFields(defaultCurrency.map(Currency::getCurrencyCode).orElse("EUR"));
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.add(date);
        form.add(description, 2);
        form.add(amount, currency);
        for (FieldDef def : type.map(ClaimTypeInfo::fields).orElse(List.of())) {
            String id = "claim-field-" + def.name();
            switch (def.kind()) {
                case ATTACHMENTS -> {
                    AttachmentsPart part = new AttachmentsPart(def, id);
                    part.onChange(this::runChecks);
                    attachments.put(def.name(), part);
                    form.add(part, 2);
                }
                case LINE_ITEMS -> {
                    LineItemsPart part = new LineItemsPart(def, id);
                    part.onChange(this::runChecks);
                    lines.put(def.name(), part);
                    form.add(part, 2);
                }
                default -> {
                    FieldPart part = custom.apply(def).orElseGet(() -> FieldEditors.create(def, id, "claim"));
                    part.onChange(this::runChecks);
                    parts.put(def.name(), part);
                    form.add(part.component(), def.kind() == org.partnerfinance.claims.api.FieldKind.LONG_TEXT ? 2 : 1);
                }
            }
        }

        checks.setId("claim-checks");
        checks.setPadding(false);
        checks.setSpacing(false);
        checks.add(new Span("The programme's checks run as you fill in the form."));

        submit.setId("claim-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());

        H3 title = new H3();
        title.setText(type.map(ClaimTypeInfo::formTitle).orElse("New claim"));
        add(title, form, new H3("Checks"), checks, formError, submit);

        if (type.isEmpty()) {
            formError.setText("Claims of this type cannot be submitted at the moment: the claim type is switched off "
                    + "or not available. Please try again later.");
            formError.setVisible(true);
            submit.setEnabled(false);
        }
    }

    private Optional<ClaimTypeInfo> type() {
        try {
            return claims.availableTypes(caller).stream().filter(t -> t.id().equals(typeId)).findFirst();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the available claim types", e);
            return Optional.empty();
        }
    }

    private void configureCoreFields(String defaultCurrency) {
        date.setId("claim-date");
        description.setId("claim-description");
        description.setWidthFull();
        amount.setId("claim-amount");
        currency.setId("claim-currency");
        currency.setItems(currencyCodes());
        currency.setItemLabelGenerator(ClaimForm::currencyLabel);
        currency.setAllowCustomValue(false);
        currency.setValue(defaultCurrency);
        date.setRequiredIndicatorVisible(true);
        description.setRequiredIndicatorVisible(true);
        amount.setRequiredIndicatorVisible(true);
        currency.setRequiredIndicatorVisible(true);
        date.setManualValidation(true);
        description.setManualValidation(true);
        amount.setManualValidation(true);
        currency.setManualValidation(true);
        date.addValueChangeListener(e -> changed(date::setInvalid));
        description.addValueChangeListener(e -> changed(description::setInvalid));
        amount.addValueChangeListener(e -> changed(amount::setInvalid));
        currency.addValueChangeListener(e -> changed(currency::setInvalid));
    }

    private void changed(java.util.function.Consumer<Boolean> setInvalid) {
        setInvalid.accept(false);
        runChecks();
    }

    /** The draft as entered; a problem with the amount itself (e.g. too many decimals) is reported instead. */
    private record Entered(ClaimDraft draft, Problem amountProblem) {
    }

    private Entered entered() {
        Money money = null;
        Problem amountProblem = null;
        BigDecimal value = amount.getValue();
        if (value != null && currency.getValue() != null) {
            try {
                money = new Money(value, Money.currency(currency.getValue()));
            } catch (IllegalArgumentException e) {
                amountProblem = new Problem("amount", e.getMessage());
            }
        }
        Map<String, String> fields = new HashMap<>();
        parts.forEach((name, part) -> {
            String text = part.value();
            if (text != null && !text.isBlank()) {
                fields.put(name, text);
            }
        });
        List<AttachmentUpload> files = new ArrayList<>();
        attachments.values().forEach(a -> files.addAll(a.files()));
        List<LineItem> rows = new ArrayList<>();
        lines.values().forEach(l -> rows.addAll(l.lines()));
        ClaimDraft draft = new ClaimDraft(typeId, caller.partnerId(), date.getValue(), description.getValue(), money,
                fields, files, rows);
        return new Entered(draft, amountProblem);
    }

    /** Runs the core's checks on what is entered and shows their findings, or what is still missing. */
    void runChecks() {
        if (!submit.isEnabled()) {
            return;
        }
        Entered entered = entered();
        checks.removeAll();
        try {
            List<ComplianceFinding> findings = claims.check(caller, entered.draft());
            if (findings.isEmpty()) {
                checks.add(new Span("No findings."));
            }
            for (ComplianceFinding finding : findings) {
                Span badge = Ui.badge(finding.outcome().name(), Ui.outcomeTheme(finding.outcome()));
                badge.getElement().setAttribute("data-outcome", finding.outcome().name());
                Span text = new Span();
                text.setText(finding.code() + " " + finding.message());
                HorizontalLayout row = new HorizontalLayout(badge, text);
                row.setId("claim-check-" + finding.ruleId());
                checks.add(row);
            }
        } catch (ClaimValidationException e) {
            Span intro = new Span("Still to complete before the checks can run:");
            intro.setId("claim-checks-incomplete");
            checks.add(intro);
            List<Problem> problems = new ArrayList<>(e.problems());
            if (entered.amountProblem() != null) {
                problems.add(0, entered.amountProblem());
            }
            for (Problem problem : problems) {
                Span item = new Span();
                item.setText("• " + problem.message());
                checks.add(item);
            }
        } catch (RuntimeException e) {
            Span failed = new Span();
            failed.setText(Ui.messageOf(e));
            checks.add(failed);
        }
    }

    private void submit() {
        clearProblems();
        Entered entered = entered();
        if (entered.amountProblem() != null) {
            showProblem(entered.amountProblem());
            return;
        }
        Claim claim;
        try {
            claim = claims.submitNew(caller, entered.draft());
        } catch (ClaimValidationException e) {
            e.problems().forEach(this::showProblem);
            return;
        } catch (RuntimeException e) {
            String message = Ui.messageOf(e);
            showProblem(new Problem(null, Ui.UNEXPECTED.equals(message)
                    ? "The claim could not be submitted. Please try again; if it keeps failing, "
                            + "contact the portal administrator." : message));
            return;
        }
        context.notify("Claim " + claim.reference() + " submitted", false);
        context.navigate(ClaimRoutes.claim(claim.id()));
    }

    /** Shows a problem next to the field it names, or above the submit button when it names none the form shows. */
    void showProblem(Problem problem) {
        String text = problem.message() == null || problem.message().isBlank() ? "Please check this value."
                : problem.message();
        String field = problem.field();
        if (field != null && placed(field, text)) {
            return;
        }
        String previous = formError.isVisible() && !formError.getText().isBlank() ? formError.getText() + " " : "";
        formError.setText(previous + text);
        formError.setVisible(true);
    }

    private boolean placed(String field, String text) {
        switch (field) {
            case "date" -> invalid(date, text);
            case "description" -> invalid(description, text);
            case "amount" -> invalid(amount, text);
            case "currency" -> invalid(currency, text);
            case "attachments" -> {
                if (attachments.isEmpty()) {
                    return false;
                }
                attachments.values().iterator().next().addProblem(text);
            }
            default -> {
                if (parts.containsKey(field)) {
                    parts.get(field).showProblem(text);
                } else if (attachments.containsKey(field)) {
                    attachments.get(field).addProblem(text);
                } else if (lines.containsKey(field)) {
                    lines.get(field).showProblem(null, null, text);
                } else {
                    Matcher line = LINE_PROBLEM.matcher(field);
                    return line.matches() && lines.containsKey(line.group(1)) && lines.get(line.group(1))
                            .showProblem(Integer.parseInt(line.group(2)), line.group(3), text);
                }
            }
        }
        return true;
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String text) {
        field.setErrorMessage(text);
        field.setInvalid(true);
    }

    private void clearProblems() {
        date.setInvalid(false);
        description.setInvalid(false);
        amount.setInvalid(false);
        currency.setInvalid(false);
        parts.values().forEach(p -> p.showProblem(null));
        attachments.values().forEach(a -> a.showProblem(null));
        lines.values().forEach(LineItemsPart::clearProblems);
        formError.setVisible(false);
        formError.setText("");
    }

    static Span errorSpan(String id) {
        Span span = new Span();
        if (id != null) {
            span.setId(id);
        }
        span.setVisible(false);
        span.getStyle().set("color", "var(--lumo-error-text-color)");
        return span;
    }

    static List<String> currencyCodes() {
        return Currency.getAvailableCurrencies().stream()
                .filter(c -> c.getDefaultFractionDigits() >= 0)
                .map(Currency::getCurrencyCode)
                .sorted()
                .toList();
    }

    private static String currencyLabel(String code) {
        try {
            return code + " — " + Currency.getInstance(code).getDisplayName(Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
