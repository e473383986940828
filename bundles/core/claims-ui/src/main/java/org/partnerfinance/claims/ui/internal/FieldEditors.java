package org.partnerfinance.claims.ui.internal;

import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.ui.api.ClaimFormParts.FieldPart;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The generated editor of one declared field that holds text, by its kind. The editor converts to and from the text
 * form the claims core stores; it does not judge the value: what is wrong is what the core and the type report.
 */
final class FieldEditors {

    private FieldEditors() {
    }

    /** An editor for a TEXT, LONG_TEXT, NUMBER, MONEY, DATE or CHOICE field, with the component id given. */
    static FieldPart create(FieldDef def, String id, String currencyHint) {
        return switch (def.kind()) {
            case TEXT -> text(def, id, new TextField(def.label()));
            case LONG_TEXT -> {
                TextArea area = new TextArea(def.label());
                area.setWidthFull();
                yield text(def, id, area);
            }
            case NUMBER, MONEY -> {
                BigDecimalField number = new BigDecimalField(def.label());
                if (def.kind() == org.partnerfinance.claims.api.FieldKind.MONEY && currencyHint != null) {
                    number.setHelperText(def.help() != null ? def.help() : "In the claim's currency.");
                }
                yield new Part<>(def, id, number, v -> v == null ? "" : v.toPlainString());
            }
            case DATE -> new Part<>(def, id, new DatePicker(def.label()), v -> v == null ? "" : v.toString());
            case CHOICE -> {
                Select<String> select = new Select<>();
                select.setLabel(def.label());
                select.setItems(def.choiceKeys());
                select.setItemLabelGenerator(key -> key == null ? "" : def.choiceLabel(key));
                select.setEmptySelectionAllowed(!def.required());
                select.setPlaceholder("Choose " + def.label().toLowerCase(java.util.Locale.ROOT));
                yield new Part<>(def, id, select, v -> v == null ? "" : v);
            }
            case ATTACHMENTS, LINE_ITEMS -> throw new IllegalArgumentException(
                    def.name() + " is edited by its own part, not as a single value");
        };
    }

    private static <C extends AbstractField<?, String> & HasValidation> FieldPart text(FieldDef def, String id,
            C field) {
        return new Part<>(def, id, field, v -> v == null ? "" : v);
    }

    /** Converts a component's value to the stored text. */
    interface ToText<V> {
        String apply(V value);
    }

    /** A Vaadin field wrapped as a part: required marker, help text, its problem shown until the value changes. */
    static final class Part<V, C extends Component & HasValue<?, V> & HasValidation> implements FieldPart {

        private final C field;
        private final ToText<V> toText;

        Part(FieldDef def, String id, C field, ToText<V> toText) {
            this.field = field;
            this.toText = toText;
            field.setId(id);
            field.setRequiredIndicatorVisible(def.required());
            field.setManualValidation(true);
            if (def.help() != null && field instanceof com.vaadin.flow.component.HasHelper helper) {
                helper.setHelperText(def.help());
            }
            field.addValueChangeListener(e -> field.setInvalid(false));
        }

        @Override
        public Component component() {
            return field;
        }

        @Override
        public String value() {
            String text = toText.apply(field.getValue());
            return text == null ? "" : text.strip();
        }

        @Override
        public void showProblem(String message) {
            field.setErrorMessage(message);
            field.setInvalid(message != null);
        }

        @Override
        public void onChange(Runnable onChange) {
            field.addValueChangeListener(e -> onChange.run());
        }
    }
}
