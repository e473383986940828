package org.partnerfinance.claims.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.LineItem;
import org.partnerfinance.claims.ui.api.ClaimFormParts.FieldPart;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The rows of a {@code LINE_ITEMS} field: one generated editor per sub-field and row, a button to add a row and one
 * to remove each. Rows left completely empty are not sent. Problems the core reports for a value of a row
 * ({@code mileage.2.km}) are shown at that editor.
 */
final class LineItemsPart extends VerticalLayout {

    private final FieldDef def;
    private final String id;
    private final VerticalLayout rows = new VerticalLayout();
    private final Span error = ClaimForm.errorSpan(null);
    private final List<Map<String, FieldPart>> editors = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private int added;

    LineItemsPart(FieldDef def, String id) {
        this.def = def;
        this.id = id;
        setPadding(false);
        setSpacing(false);
        rows.setPadding(false);
        rows.setId(id + "-rows");
        error.setId(id + "-error");
        Button add = new Button("Add line", VaadinIcon.PLUS.create(), e -> {
            addRow();
            listeners.forEach(Runnable::run);
        });
        add.setId(id + "-add");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new NativeLabel(def.label() + (def.required() ? " *" : "")));
        if (def.help() != null) {
            add(new Span(def.help()));
        }
        add(rows, add, error);
        if (def.required()) {
            addRow();
        }
    }

    /**
     * Adds an empty row. Component ids number the rows as they were added, from 1 ({@code <field id>-<n>-<item>}); a
     * removed row's number is not reused.
     */
    void addRow() {
        int number = ++added;
        Map<String, FieldPart> row = new LinkedHashMap<>();
        HorizontalLayout layout = new HorizontalLayout();
        layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        layout.setId(id + "-" + number);
        for (FieldDef item : def.items()) {
            FieldPart part = FieldEditors.create(item, id + "-" + number + "-" + item.name(), null);
            part.onChange(() -> listeners.forEach(Runnable::run));
            row.put(item.name(), part);
            layout.add(part.component());
        }
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
            editors.remove(row);
            rows.remove(layout);
            listeners.forEach(Runnable::run);
        });
        remove.setId(id + "-" + number + "-remove");
        remove.setAriaLabel("Remove line " + number);
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        layout.add(remove);
        editors.add(row);
        rows.add(layout);
    }

    /** The rows entered, without those left completely empty. */
    List<LineItem> lines() {
        List<LineItem> lines = new ArrayList<>();
        for (Map<String, FieldPart> row : editors) {
            Map<String, String> values = new LinkedHashMap<>();
            row.forEach((name, part) -> {
                if (!part.value().isEmpty()) {
                    values.put(name, part.value());
                }
            });
            if (!values.isEmpty()) {
                lines.add(new LineItem(def.name(), values));
            }
        }
        return lines;
    }

    /**
     * Shows a problem of the whole field or of one value ({@code row} counted from 1 among the rows sent, which are
     * the non-empty ones). Returns whether it found a place.
     */
    boolean showProblem(Integer row, String item, String message) {
        if (row == null) {
            error.setText(message);
            error.setVisible(true);
            return true;
        }
        int sent = 0;
        for (Map<String, FieldPart> editorRow : editors) {
            boolean empty = editorRow.values().stream().allMatch(p -> p.value().isEmpty());
            if (!empty && ++sent == row) {
                FieldPart part = editorRow.get(item);
                if (part != null) {
                    part.showProblem(message);
                    return true;
                }
            }
        }
        return false;
    }

    void clearProblems() {
        error.setVisible(false);
        error.setText("");
        editors.forEach(row -> row.values().forEach(p -> p.showProblem(null)));
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    int rowCount() {
        return editors.size();
    }
}
