package org.partnerfinance.documents.ui.internal.finance;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.partnerfinance.documents.api.Page;
import org.partnerfinance.documents.ui.internal.common.Messages;
import org.partnerfinance.documents.ui.internal.common.PagedDataProvider;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;

/** Small building blocks of the finance views. */
final class Views {

    private Views() {
    }

    static Span text(String id, String value) {
        Span span = new Span();
        if (id != null) {
            span.setId(id);
        }
        span.setText(value);
        return span;
    }

    /** A currency choice over the given codes, starting at {@code initial}, calling back on every change. */
    static Select<String> currencySelect(String id, List<String> codes, String initial, Consumer<String> onChange) {
        Select<String> select = new Select<>();
        select.setId(id);
        select.setLabel("Currency");
        select.setItems(codes);
        select.setValue(initial);
        select.setWidth("8em");
        select.addValueChangeListener(e -> onChange.accept(e.getValue()));
        return select;
    }

    /** A date choice in ISO notation (the portal's notation everywhere), never empty. */
    static DatePicker datePicker(String id, String label, LocalDate initial, Consumer<LocalDate> onChange) {
        DatePicker picker = new DatePicker(label, initial);
        picker.setId(id);
        picker.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
        picker.setRequiredIndicatorVisible(true);
        picker.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                picker.setValue(e.getOldValue());
            } else {
                onChange.accept(e.getValue());
            }
        });
        return picker;
    }

    /**
     * A page fetcher that shows a failing service call in {@code message} (as {@link Messages} words it) and gives an
     * empty page instead of an error dialog.
     */
    static <T> PagedDataProvider.Fetcher<T> guarded(PagedDataProvider.Fetcher<T> fetcher, Span message) {
        return (offset, limit, sort) -> {
            try {
                return fetcher.fetch(offset, limit, sort);
            } catch (RuntimeException e) {
                message.setText(Messages.of(e));
                return new Page<>(List.of(), 0);
            }
        };
    }

    /** A right-aligned amount column. */
    static <T> Grid.Column<T> amountColumn(Grid<T> grid, com.vaadin.flow.function.ValueProvider<T, String> value,
            String header, String key) {
        return grid.addColumn(value).setHeader(header).setKey(key).setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
    }
}
