package org.partnerfinance.ledger.ui.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.partnerfinance.ledger.api.ExchangeRate;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.api.RateImportException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;

/**
 * Exchange rates into the base currency, newest first. Finance staff add one rate or upload a CSV file
 * ({@code date,currency,rate}); a refused file stores nothing and its problems are listed with their line numbers.
 */
final class RatesView extends VerticalLayout {

    private final ScreenContext context;
    private final LedgerService ledger;
    private final Caller caller;
    private final Grid<ExchangeRate> grid = new Grid<>();
    private final Span message = LedgerUi.text("rates-message", "");
    private final Div importErrors = new Div();

    final DatePicker date = new DatePicker("From date");
    final TextField currency = new TextField("Currency");
    final BigDecimalField rate = new BigDecimalField("Rate");
    final Button add = new Button("Set rate");
    final Upload upload = new Upload();

    RatesView(ScreenContext context, LedgerService ledger, Clock clock) {
        this.context = context;
        this.ledger = ledger;
        this.caller = context.caller();
        setSizeFull();
        setPadding(false);
        String base = ledger.baseCurrency().getCurrencyCode();
        grid.setId("rates-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(ExchangeRate::date).setHeader("From").setAutoWidth(true).setFlexGrow(0).setKey("date");
        grid.addColumn(r -> r.currency().getCurrencyCode()).setHeader("Currency").setAutoWidth(true)
                .setFlexGrow(0).setKey("currency");
        grid.addColumn(r -> r.rate().toPlainString()).setHeader(base + " per unit").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END).setKey("rate");
        importErrors.setId("rates-import-errors");
        add(LedgerUi.text("rates-base", "Base currency: " + base + ". A posting uses the latest rate dated on or "
                + "before its entry date."), message, importErrors, grid);
        setFlexGrow(1, grid);
        if (LedgerUi.keepsRates(caller)) {
            add(addForm(clock), uploadForm());
        }
        refresh();
    }

    private HorizontalLayout addForm(Clock clock) {
        date.setId("rate-date");
        date.setValue(LocalDate.now(clock));
        currency.setId("rate-currency");
        currency.setMaxLength(3);
        currency.setPlaceholder("USD");
        rate.setId("rate-value");
        add.setId("rate-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> addRate());
        HorizontalLayout form = new HorizontalLayout(new H3("Set a rate"), date, currency, rate, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private VerticalLayout uploadForm() {
        upload.setId("rates-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes("text/csv", ".csv");
        upload.setMaxFileSize(RatesUploadHandler.MAX_BYTES);
        upload.setUploadHandler(new RatesUploadHandler(this));
        upload.addFileRejectedListener(e -> say(e.getErrorMessage(), true));
        VerticalLayout box = new VerticalLayout(new H3("Import rates from CSV"),
                LedgerUi.text("rates-upload-help", "A header line date,currency,rate, then one rate per line, e.g. "
                        + "2025-03-31,USD,0.9231. The file is imported whole or not at all."), upload);
        box.setPadding(false);
        return box;
    }

    void addRate() {
        try {
            if (currency.getValue() == null || currency.getValue().isBlank()) {
                throw new IllegalArgumentException("Enter the currency, e.g. USD.");
            }
            Currency c = Money.currency(currency.getValue().strip().toUpperCase(java.util.Locale.ROOT));
            BigDecimal value = rate.getValue();
            ExchangeRate stored = ledger.setRate(caller, c, date.getValue(), value);
            rate.clear();
            refresh();
            say("From " + stored.date() + ", 1 " + stored.currency().getCurrencyCode() + " = "
                    + stored.rate().toPlainString() + " " + ledger.baseCurrency().getCurrencyCode() + ".", false);
        } catch (RuntimeException e) {
            say(LedgerUi.messageOf(e), true);
        }
    }

    /** A file arrived (in the UI's lock): import it, or list why not. */
    void received(String fileName, String text) {
        importErrors.removeAll();
        upload.clearFileList();
        try {
            int count = ledger.importRates(caller, new StringReader(text));
            refresh();
            say("Imported " + count + (count == 1 ? " rate" : " rates") + " from " + fileName + ".", false);
        } catch (RateImportException e) {
            say("Nothing was imported from " + fileName + ". Correct these lines and upload the file again:", true);
            for (String error : e.errors()) {
                Div line = new Div();
                line.setText(error);
                importErrors.add(line);
            }
        } catch (RuntimeException e) {
            say(LedgerUi.messageOf(e), true);
        }
    }

    void tooLarge(String fileName) {
        importErrors.removeAll();
        upload.clearFileList();
        say(fileName + " is larger than " + RatesUploadHandler.MAX_BYTES / (1024 * 1024)
                + " MB and was not imported; split it.", true);
    }

    private void say(String text, boolean error) {
        message.setText(text);
        context.notify(text, error);
    }

    void refresh() {
        try {
            List<ExchangeRate> rates = ledger.rates(caller, null);
            grid.setItems(rates);
        } catch (RuntimeException e) {
            grid.setItems(List.of());
            message.setText(LedgerUi.messageOf(e));
        }
    }

    Grid<ExchangeRate> grid() {
        return grid;
    }

    Div importErrors() {
        return importErrors;
    }
}
