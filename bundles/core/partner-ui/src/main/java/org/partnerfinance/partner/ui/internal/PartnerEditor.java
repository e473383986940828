package org.partnerfinance.partner.ui.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.partnerfinance.partner.api.PartnerKind;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The form with every master-data field of a partner. Copies a {@link PartnerForm} into its fields and back; errors of
 * the partner service are shown at the field they name, anything else above the buttons.
 */
final class PartnerEditor extends VerticalLayout {

    private final H3 heading = new H3();
    private final TextField id = text("partner-id", "Id", "P-1001");
    private final TextField name = text("partner-name", "Name", "");
    private final Select<PartnerKind> kind = new Select<>();
    private final ComboBox<String> defaultCurrency = new ComboBox<>("Default currency");
    private final MultiSelectComboBox<String> allowedCurrencies = new MultiSelectComboBox<>("Allowed currencies");
    private final TextField vatId = text("partner-vat", "VAT id", "DE123456789");
    private final TextField peppolId = text("partner-peppol", "Peppol id", "0088:5790000435968");
    private final TextArea street = new TextArea("Street");
    private final TextField postalCode = text("partner-postal-code", "Postal code", "");
    private final TextField city = text("partner-city", "City", "");
    private final TextField country = text("partner-country", "Country", "DE");
    private final IntegerField terms = new IntegerField("Payment terms (days)");
    private final TextField dunningName = text("partner-dunning-name", "Dunning contact", "Accounts payable");
    private final EmailField dunningEmail = new EmailField("Dunning e-mail");
    private final TextField dunningPhone = text("partner-dunning-phone", "Dunning phone", "");
    private final Checkbox active = new Checkbox("Active");
    private final TextField iban = text("partner-iban", "IBAN", "DE89 3704 0044 0532 0130 00");
    private final TextField bic = text("partner-bic", "BIC", "COBADEFFXXX");
    private final TextField accountHolder = text("partner-account-holder", "Account holder", "");
    private final Span error = new Span();
    private final Button save = new Button("Save");
    private final Button reload = new Button("Reload");
    private final Map<String, HasValidation> validated = new LinkedHashMap<>();
    private final boolean editable;
    private PartnerForm form = PartnerForm.blank();

    /**
     * @param editable whether the user may save (finance managers, administrators)
     * @param onSave   called with the form's values when the user saves
     * @param onReload called with the partner id when the user asks for the stored state after a concurrent change
     */
    PartnerEditor(boolean editable, Consumer<PartnerForm> onSave, Consumer<String> onReload) {
        this.editable = editable;
        setId("partner-form");
        setPadding(false);
        heading.setId("partner-form-title");
        kind.setId("partner-kind");
        kind.setLabel("Kind");
        kind.setItems(PartnerKind.values());
        kind.setItemLabelGenerator(PartnerForm::kindLabel);
        defaultCurrency.setId("partner-currency");
        defaultCurrency.setItems(PartnerForm.currencyChoices());
        defaultCurrency.setAllowCustomValue(false);
        // the default currency is always allowed: choosing it adds it to the allowed ones
        defaultCurrency.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && !allowedCurrencies.getValue().contains(e.getValue())) {
                TreeSet<String> codes = new TreeSet<>(allowedCurrencies.getValue());
                codes.add(e.getValue());
                allowedCurrencies.setValue(codes);
            }
        });
        allowedCurrencies.setId("partner-currencies");
        allowedCurrencies.setItems(PartnerForm.currencyChoices());
        allowedCurrencies.setHelperText("The default currency is always allowed.");
        street.setId("partner-street");
        street.setMaxLength(300);
        postalCode.setMaxLength(20);
        city.setMaxLength(100);
        country.setMaxLength(2);
        country.setHelperText("Two-letter ISO code");
        terms.setId("partner-terms");
        terms.setMin(0);
        terms.setMax(365);
        terms.setStepButtonsVisible(false);
        dunningEmail.setId("partner-dunning-email");
        active.setId("partner-active");
        peppolId.setHelperText("scheme:value, e.g. 0088:5790000435968");
        name.setMaxLength(200);
        iban.setHelperText("The account payments to the partner go to; spaces are fine");
        iban.setMaxLength(42);
        bic.setMaxLength(11);
        accountHolder.setMaxLength(70);
        accountHolder.setHelperText("Empty: the partner's name");

        validated.put(PartnerForm.ID, id);
        validated.put(PartnerForm.NAME, name);
        validated.put(PartnerForm.KIND, kind);
        validated.put(PartnerForm.DEFAULT_CURRENCY, defaultCurrency);
        validated.put(PartnerForm.ALLOWED_CURRENCIES, allowedCurrencies);
        validated.put(PartnerForm.VAT_ID, vatId);
        validated.put(PartnerForm.PEPPOL_ID, peppolId);
        validated.put(PartnerForm.STREET, street);
        validated.put(PartnerForm.POSTAL_CODE, postalCode);
        validated.put(PartnerForm.CITY, city);
        validated.put(PartnerForm.COUNTRY, country);
        validated.put(PartnerForm.TERMS, terms);
        validated.put(PartnerForm.DUNNING_NAME, dunningName);
        validated.put(PartnerForm.DUNNING_EMAIL, dunningEmail);
        validated.put(PartnerForm.DUNNING_PHONE, dunningPhone);
        validated.put(PartnerForm.IBAN, iban);
        validated.put(PartnerForm.BIC, bic);
        validated.put(PartnerForm.HOLDER, accountHolder);

        // the service judges the values; its messages must stay at the field until the next save, not be replaced by
        // the components' own checks on blur
        validated.values().forEach(v -> v.setManualValidation(true));

        FormLayout fields = new FormLayout(id, name, kind, defaultCurrency, allowedCurrencies, vatId, peppolId, street,
                postalCode, city, country, terms, dunningName, dunningEmail, dunningPhone, iban, bic, accountHolder,
                active);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("360px", 2));
        fields.setColspan(name, 2);
        fields.setColspan(allowedCurrencies, 2);
        fields.setColspan(street, 2);
        fields.setColspan(dunningName, 2);
        fields.setColspan(iban, 2);

        error.setId("partner-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        save.setId("partner-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            clearErrors();
            PartnerForm values = read();
            onSave.accept(values);
        });
        reload.setId("partner-reload");
        reload.setVisible(false);
        reload.addClickListener(e -> onReload.accept(form.id));
        HorizontalLayout buttons = new HorizontalLayout(save, reload);
        buttons.setVisible(editable);
        add(heading, fields, error, buttons);
        setReadOnly(!editable);
    }

    /** Shows a partner (or a blank form for a new one) and forgets earlier errors. */
    void show(PartnerForm shown) {
        this.form = shown;
        clearErrors();
        heading.setText(shown.existing() ? shown.id + " " + shown.name : "New partner");
        id.setValue(nz(shown.id));
        id.setReadOnly(shown.existing() || !editable);
        name.setValue(nz(shown.name));
        kind.setValue(shown.kind);
        defaultCurrency.setValue(shown.defaultCurrency == null || shown.defaultCurrency.isBlank() ? null
                : shown.defaultCurrency);
        allowedCurrencies.setValue(new TreeSet<>(shown.allowedCurrencies));
        vatId.setValue(nz(shown.vatId));
        peppolId.setValue(nz(shown.peppolId));
        street.setValue(nz(shown.street));
        postalCode.setValue(nz(shown.postalCode));
        city.setValue(nz(shown.city));
        country.setValue(nz(shown.countryCode));
        terms.setValue(shown.paymentTermsDays);
        dunningName.setValue(nz(shown.dunningName));
        dunningEmail.setValue(nz(shown.dunningEmail));
        dunningPhone.setValue(nz(shown.dunningPhone));
        active.setValue(shown.active);
        iban.setValue(nz(shown.iban));
        bic.setValue(nz(shown.bic));
        accountHolder.setValue(nz(shown.accountHolder));
    }

    /** The fields' current values as a form (id and version of the shown partner kept). */
    PartnerForm read() {
        PartnerForm f = new PartnerForm();
        f.version = form.version;
        f.id = form.existing() ? form.id : id.getValue();
        f.name = name.getValue();
        f.kind = kind.getValue();
        f.defaultCurrency = defaultCurrency.getValue();
        f.allowedCurrencies = new TreeSet<>(allowedCurrencies.getValue());
        f.vatId = vatId.getValue();
        f.peppolId = peppolId.getValue();
        f.street = street.getValue();
        f.postalCode = postalCode.getValue();
        f.city = city.getValue();
        f.countryCode = country.getValue();
        f.paymentTermsDays = terms.getValue();
        f.dunningName = dunningName.getValue();
        f.dunningEmail = dunningEmail.getValue();
        f.dunningPhone = dunningPhone.getValue();
        f.active = active.getValue();
        f.iban = iban.getValue();
        f.bic = bic.getValue();
        f.accountHolder = accountHolder.getValue();
        return f;
    }

    /**
     * Shows a message at the form field (a key of {@link PartnerForm}), or above the buttons when no field is named.
     */
    void showError(String field, String message) {
        HasValidation target = field == null ? null : validated.get(field);
        if (target != null) {
            target.setErrorMessage(message);
            target.setInvalid(true);
            if (target instanceof com.vaadin.flow.component.Focusable<?> focusable) {
                focusable.focus();
            }
        } else {
            error.setText(message);
            error.setVisible(true);
        }
    }

    /** Someone else saved the partner meanwhile: say so and offer to load the stored state. */
    void showConcurrentChange(String message) {
        error.setText(message);
        error.setVisible(true);
        reload.setVisible(true);
    }

    private void clearErrors() {
        validated.values().forEach(v -> {
            v.setInvalid(false);
            v.setErrorMessage(null);
        });
        error.setText("");
        error.setVisible(false);
        reload.setVisible(false);
    }

    private void setReadOnly(boolean readOnly) {
        for (HasValidation v : validated.values()) {
            if (v instanceof HasValue<?, ?> field) {
                field.setReadOnly(readOnly);
            }
        }
        active.setReadOnly(readOnly);
    }

    private static TextField text(String id, String label, String placeholder) {
        TextField field = new TextField(label);
        field.setId(id);
        if (!placeholder.isEmpty()) {
            field.setPlaceholder(placeholder);
        }
        return field;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
