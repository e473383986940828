package org.partnerfinance.claimtype.expense.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.partnerfinance.claims.api.AttachmentPolicy;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimTypeInfo;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claims.api.IllegalTransitionException;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;

/**
 * The partner's form for a new expense claim: date, category, merchant, description, amount and currency, and one
 * receipt. Problems reported by the claims service are shown next to the fields they concern.
 */
final class ExpenseForm extends VerticalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(ExpenseForm.class);

    /** Extensions offered to the browser's file chooser; the claims core checks the real type from the content. */
    private static final String[] ACCEPTED = { "application/pdf", ".pdf", "image/png", ".png", "image/jpeg", ".jpg",
            ".jpeg" };

    private final ScreenContext context;
    private final ClaimService claims;
    private final ExpenseRules rules;
    private final Clock clock;
    private final Caller caller;
    private final long maxReceiptBytes;
    private final AttachmentPolicy policy;

    private final DatePicker date = new DatePicker("Date of the expense");
    private final Select<String> category = new Select<>();
    private final TextField merchant = new TextField("Merchant");
    private final TextArea description = new TextArea("Description");
    private final BigDecimalField amount = new BigDecimalField("Amount");
    private final ComboBox<String> currency = new ComboBox<>("Currency");
    private final Upload upload = new Upload();
    private final Span receiptName = new Span();
    private final Span receiptError = errorSpan("expense-receipt-error");
    private final Span formError = errorSpan("expense-form-error");
    private final Button submit = new Button("Submit claim", VaadinIcon.CHECK.create());

    private AttachmentUpload receipt;

    ExpenseForm(ScreenContext context, ClaimService claims, ExpenseRules rules, Clock clock,
            Optional<Currency> defaultCurrency) {
        this.context = context;
        this.claims = claims;
        this.rules = rules;
        this.clock = clock;
        this.caller = context.caller();
        setPadding(false);
        setMaxWidth("56em");

        Optional<ClaimTypeInfo> type = expenseType();
        this.policy = type.map(ClaimTypeInfo::attachmentPolicy).orElse(rules.attachmentPolicy());
        this.maxReceiptBytes = policy.maxBytes();

        configureFields(defaultCurrency.map(Currency::getCurrencyCode).orElse("EUR"));
        configureUpload();

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.add(date, category, merchant);
        form.add(description, 2);
        form.add(amount, currency);
        NativeLabel receiptLabel = new NativeLabel("Receipt (PDF, PNG or JPEG, up to " + megabytes(maxReceiptBytes) + ")");
        VerticalLayout receiptBox = new VerticalLayout(receiptLabel, upload, receiptName, receiptError);
        receiptBox.setPadding(false);
        receiptBox.setSpacing(false);
        form.add(receiptBox, 2);

        submit.setId("expense-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());

        add(form, formError, submit);

        if (type.isEmpty()) {
            formError.setText("Expense claims cannot be submitted at the moment: the claim type is switched off "
                    + "or not available. Please try again later.");
            formError.setVisible(true);
            submit.setEnabled(false);
        }
    }

    private Optional<ClaimTypeInfo> expenseType() {
        try {
            return claims.availableTypes(caller).stream().filter(t -> ExpenseRules.TYPE_ID.equals(t.id())).findFirst();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the available claim types", e);
            return Optional.empty();
        }
    }

    private void configureFields(String defaultCurrency) {
        LocalDate today = LocalDate.now(clock);
        date.setId("expense-date");
        date.setMax(today);
        date.setMin(today.minusDays(rules.maxAgeDays()));
        date.setRequiredIndicatorVisible(true);
        date.setManualValidation(true);
        date.setHelperText("Not in the future, at most " + rules.maxAgeDays() + " days ago.");
        date.addValueChangeListener(e -> date.setInvalid(false));

        category.setId("expense-category");
        category.setLabel("Category");
        category.setItems(ExpenseRules.categories());
        category.setItemLabelGenerator(ExpenseRules::categoryLabel);
        category.setPlaceholder("Choose a category");
        category.setRequiredIndicatorVisible(true);
        category.setManualValidation(true);
        category.addValueChangeListener(e -> category.setInvalid(false));

        merchant.setId("expense-merchant");
        merchant.setMaxLength(ExpenseRules.MAX_MERCHANT_LENGTH);
        merchant.setHelperText("Optional: where the money was spent.");
        merchant.setManualValidation(true);
        merchant.addValueChangeListener(e -> merchant.setInvalid(false));

        description.setId("expense-description");
        description.setMaxLength(ExpenseRules.MAX_DESCRIPTION_LENGTH);
        description.setRequiredIndicatorVisible(true);
        description.setManualValidation(true);
        description.setWidthFull();
        description.addValueChangeListener(e -> description.setInvalid(false));

        amount.setId("expense-amount");
        amount.setRequiredIndicatorVisible(true);
        amount.setManualValidation(true);
        amount.addValueChangeListener(e -> amount.setInvalid(false));

        currency.setId("expense-currency");
        currency.setItems(currencyCodes());
        currency.setItemLabelGenerator(ExpenseForm::currencyLabel);
        currency.setAllowCustomValue(false);
        currency.setRequiredIndicatorVisible(true);
        currency.setManualValidation(true);
        currency.setValue(defaultCurrency);
        currency.addValueChangeListener(e -> currency.setInvalid(false));
    }

    private void configureUpload() {
        upload.setId("expense-receipt");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(ACCEPTED);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxReceiptBytes));
        upload.setUploadHandler(new ReceiptUploadHandler(policy, this));
        upload.addFileRejectedListener(e -> {
            receiptError.setText("\"" + e.getFileName() + "\" was not accepted: use a PDF, PNG or JPEG file of at most "
                    + megabytes(maxReceiptBytes) + ".");
            receiptError.setVisible(true);
        });
        upload.addFailedListener(e -> {
            receiptError.setText("The upload of \"" + e.getFileName() + "\" failed. Please try again.");
            receiptError.setVisible(true);
        });
        receiptName.setId("expense-receipt-name");
        receiptName.setText("No receipt attached yet.");
    }

    /** Reports a receipt that went over the size limit while it was uploaded (called in the UI's lock). */
    void tooLarge(String fileName) {
        receiptError.setText("\"" + (fileName == null ? "The file" : fileName) + "\" is larger than "
                + megabytes(maxReceiptBytes) + " and was not accepted. Please upload a smaller PDF, PNG or JPEG file.");
        receiptError.setVisible(true);
        upload.clearFileList();
    }

    /** Keeps a completely received receipt file (called in the UI's lock). */
    void received(String fileName, byte[] bytes) {
        String name = fileName == null || fileName.isBlank() ? "receipt" : fileName;
        receipt = new AttachmentUpload(name, bytes);
        receiptName.setText("Attached: " + name + " (" + kilobytes(bytes.length) + "). Upload another file to replace it.");
        receiptError.setVisible(false);
        // frees the single file slot so that a second upload replaces the receipt
        upload.clearFileList();
    }

    private void submit() {
        clearErrors();
        List<Problem> problems = new ArrayList<>();
        Money money = null;
        if (amount.getValue() == null) {
            problems.add(new Problem("amount", "Enter the amount as a number, e.g. 123.45."));
        } else if (currency.getValue() == null) {
            problems.add(new Problem("currency", "Choose the currency."));
        } else {
            try {
                money = new Money(amount.getValue(), Money.currency(currency.getValue()));
                if (money.signum() <= 0) {
                    problems.add(new Problem("amount", "The amount must be greater than zero."));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("amount", e.getMessage()));
            }
        }
        Map<String, String> fields = new HashMap<>();
        if (category.getValue() != null) {
            fields.put(ExpenseRules.CATEGORY, category.getValue());
        }
        if (!merchant.getValue().isBlank()) {
            fields.put(ExpenseRules.MERCHANT, merchant.getValue().trim());
        }
        ClaimDraft draft = new ClaimDraft(ExpenseRules.TYPE_ID, caller.partnerId(), date.getValue(),
                description.getValue().trim(), money, fields, receipt == null ? List.of() : List.of(receipt));
        // the type's own rules first, so that every problem shows at once (the service checks them again)
        problems.addAll(rules.validate(draft, clock));
        if (receipt == null) {
            problems.add(new Problem("attachments", "Attach the receipt."));
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> showProblem(p.field(), p.message()));
            return;
        }

        Claim claim;
        try {
            claim = claims.submitNew(caller, draft);
        } catch (ClaimValidationException e) {
            e.problems().forEach(p -> showProblem(p.field(), p.message()));
            return;
        } catch (AccessDeniedException | IllegalTransitionException | IllegalArgumentException e) {
            showProblem(null, e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.warn("Submitting an expense claim for {} failed", caller.partnerId(), e);
            showProblem(null, "The claim could not be submitted. Please try again; if it keeps failing, "
                    + "contact the portal administrator.");
            return;
        }
        context.notify("Claim " + claim.reference() + " submitted", false);
        context.navigate("claims/detail?id=" + claim.id());
    }

    /** Shows a problem next to its field, or above the submit button when it concerns no single field. */
    private void showProblem(String field, String message) {
        String text = message == null || message.isBlank() ? "Please check this value." : message;
        HasValidation target = field == null ? null : switch (field) {
            case "date" -> date;
            case ExpenseRules.CATEGORY -> category;
            case ExpenseRules.MERCHANT -> merchant;
            case "description" -> description;
            case "amount" -> amount;
            case "currency" -> currency;
            default -> null;
        };
        if (target != null) {
            target.setErrorMessage(text);
            target.setInvalid(true);
            return;
        }
        Span span = field != null && (field.equals("attachments") || field.startsWith("attachment")) ? receiptError
                : formError;
        String previous = span.isVisible() && span.getText() != null && !span.getText().isBlank() ? span.getText() + " "
                : "";
        span.setText(previous + text);
        span.setVisible(true);
    }

    private void clearErrors() {
        for (HasValidation field : List.<HasValidation>of(date, category, merchant, description, amount, currency)) {
            field.setInvalid(false);
        }
        receiptError.setVisible(false);
        receiptError.setText("");
        formError.setVisible(false);
        formError.setText("");
    }

    private static Span errorSpan(String id) {
        Span span = new Span();
        span.setId(id);
        span.setVisible(false);
        span.getStyle().set("color", "var(--lumo-error-text-color)");
        return span;
    }

    static List<String> currencyCodes() {
        return Currency.getAvailableCurrencies().stream()
                .filter(c -> c.getDefaultFractionDigits() >= 0)
                .map(Currency::getCurrencyCode)
                .sorted()
                .collect(Collectors.toList());
    }

    private static String currencyLabel(String code) {
        try {
            return code + " — " + Currency.getInstance(code).getDisplayName(Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    static String megabytes(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
        return Math.max(1, bytes / 1024) + " KB";
    }

    private static String kilobytes(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : (bytes + 512) / 1024 + " KB";
    }
}
