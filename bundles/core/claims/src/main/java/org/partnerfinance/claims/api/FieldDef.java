package org.partnerfinance.claims.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A type-specific field of a claim, declared richly enough for the claims UI to render the form from it and for the
 * claims core to check what is entered (required, format, choices, attachment policy, line items). Build one with the
 * factories, e.g. {@code FieldDef.choice("category", "Category", true, choices)}.
 *
 * @param name             key under which the value is stored: letters, digits, {@code _} and {@code -}
 * @param label            label shown to people (stored with the value, so a claim stays readable without its type)
 * @param kind             kind of value
 * @param required         whether the field must be filled in (for {@link FieldKind#ATTACHMENTS}: at least one file,
 *                         for {@link FieldKind#LINE_ITEMS}: at least one row)
 * @param help             a sentence shown under the field, or {@code null}
 * @param choices          allowed values with their labels for {@link FieldKind#CHOICE}, empty otherwise
 * @param attachmentPolicy what files an {@link FieldKind#ATTACHMENTS} field accepts, {@code null} otherwise
 * @param items            the sub-fields of one row of a {@link FieldKind#LINE_ITEMS} field (themselves neither
 *                         attachments nor line items), empty otherwise
 */
public record FieldDef(String name, String label, FieldKind kind, boolean required, String help,
        List<Choice> choices, AttachmentPolicy attachmentPolicy, List<FieldDef> items) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    public FieldDef {
        Objects.requireNonNull(kind, "kind");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A field name has 1 to 40 letters, digits, '_' or '-': " + name);
        }
        label = label == null || label.isBlank() ? name : label;
        choices = choices == null ? List.of() : List.copyOf(choices);
        items = items == null ? List.of() : List.copyOf(items);
        if (kind == FieldKind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("The choice field " + name + " declares no choices.");
        }
        if (kind == FieldKind.ATTACHMENTS && attachmentPolicy == null) {
            throw new IllegalArgumentException("The attachments field " + name + " declares no policy.");
        }
        if (kind == FieldKind.LINE_ITEMS) {
            if (items.isEmpty()) {
                throw new IllegalArgumentException("The line items field " + name + " declares no sub-fields.");
            }
            for (FieldDef item : items) {
                if (item.kind() == FieldKind.ATTACHMENTS || item.kind() == FieldKind.LINE_ITEMS) {
                    throw new IllegalArgumentException(
                            "A line of " + name + " cannot hold " + item.kind() + " (" + item.name() + ").");
                }
            }
        }
    }

    public static FieldDef text(String name, String label, boolean required) {
        return of(name, label, FieldKind.TEXT, required);
    }

    public static FieldDef longText(String name, String label, boolean required) {
        return of(name, label, FieldKind.LONG_TEXT, required);
    }

    public static FieldDef number(String name, String label, boolean required) {
        return of(name, label, FieldKind.NUMBER, required);
    }

    public static FieldDef money(String name, String label, boolean required) {
        return of(name, label, FieldKind.MONEY, required);
    }

    public static FieldDef date(String name, String label, boolean required) {
        return of(name, label, FieldKind.DATE, required);
    }

    public static FieldDef choice(String name, String label, boolean required, List<Choice> choices) {
        return new FieldDef(name, label, FieldKind.CHOICE, required, null, choices, null, List.of());
    }

    public static FieldDef attachments(String name, String label, AttachmentPolicy policy) {
        return new FieldDef(name, label, FieldKind.ATTACHMENTS, policy.required(), null, List.of(), policy, List.of());
    }

    public static FieldDef lineItems(String name, String label, boolean required, List<FieldDef> items) {
        return new FieldDef(name, label, FieldKind.LINE_ITEMS, required, null, List.of(), null, items);
    }

    private static FieldDef of(String name, String label, FieldKind kind, boolean required) {
        return new FieldDef(name, label, kind, required, null, List.of(), null, List.of());
    }

    /** The same field with a help sentence. */
    public FieldDef withHelp(String text) {
        return new FieldDef(name, label, kind, required, text, choices, attachmentPolicy, items);
    }

    /** The keys of the {@link #choices()}, in order. */
    public List<String> choiceKeys() {
        return choices.stream().map(Choice::key).toList();
    }

    /** The label of a choice key, or the key itself when it is not one of the choices. */
    public String choiceLabel(String key) {
        return choices.stream().filter(c -> c.key().equals(key)).map(Choice::label).findFirst().orElse(key);
    }

    /** The sub-field of a line with that name. */
    public Optional<FieldDef> item(String itemName) {
        return items.stream().filter(i -> i.name().equals(itemName)).findFirst();
    }

    /**
     * The name under which the claims core stores one value of a line ({@code mileage.2.km} for the second row's
     * {@code km}) and reports its {@link Problem problems}; rows count from 1.
     */
    public static String lineFieldName(String field, int row, String item) {
        return field + "." + row + "." + item;
    }
}
