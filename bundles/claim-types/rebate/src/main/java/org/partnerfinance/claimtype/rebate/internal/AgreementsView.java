package org.partnerfinance.claimtype.rebate.internal;

import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
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
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;

import org.partnerfinance.claimtype.rebate.api.Agreement;
import org.partnerfinance.claimtype.rebate.api.AgreementDraft;
import org.partnerfinance.claimtype.rebate.api.LineProblem;
import org.partnerfinance.claimtype.rebate.api.RebateService;
import org.partnerfinance.claimtype.rebate.api.SalesImport;
import org.partnerfinance.claimtype.rebate.api.SalesImportException;
import org.partnerfinance.claimtype.rebate.api.TierMode;
import org.partnerfinance.claimtype.rebate.api.VolumeBasis;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

/**
 * Finance's "Rebate agreements": agreements of a partner (or all), a form to create or change one, the upload of a
 * partner's sales file with a progress bar and a per-line error report, counting the core's invoices, recalculating.
 */
final class AgreementsView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient RebateService rebates;
    private final transient ScreenContext context;
    private final transient Caller caller;

    final ComboBox<Partner> partner = new ComboBox<>("Partner");
    final Grid<Agreement> grid = new Grid<>();
    final Span message = new Span();
    final TextField name = new TextField("Name");
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final TextField products = new TextField("Product codes");
    final TextField categories = new TextField("Categories");
    final Select<VolumeBasis> basis = new Select<>();
    final Select<TierMode> mode = new Select<>();
    final TextArea tiers = new TextArea("Tiers (threshold rate% per line)");
    final TextField currency = new TextField("Currency");
    final BigDecimalField cap = new BigDecimalField("Cap (empty: none)");
    final Button save = new Button("Create agreement");
    final Button clear = new Button("New");
    final Button recalculate = new Button("Recalculate");
    final Button invoices = new Button("Count invoices");
    final Upload upload = new Upload();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Div importErrors = new Div();
    private Agreement editing;
    /** The partner the next upload is for, read by the upload's thread. */
    private volatile String uploadPartner;

    AgreementsView(ScreenContext context, RebateService rebates, PartnerService partners, LiveUpdates updates) {
        this.context = context;
        this.rebates = rebates;
        this.caller = context.caller();
        setSizeFull();
        partner.setId("rebate-partner");
        partner.setItemLabelGenerator(p -> p.id() + " " + p.name());
        partner.setClearButtonVisible(true);
        partner.setPlaceholder("All partners");
        if (partners != null) {
            try {
                partner.setItems(partners.list(caller));
            } catch (RuntimeException e) {
                say(RebateUi.messageOf(e), true);
            }
        }
        partner.addValueChangeListener(e -> {
            uploadPartner = e.getValue() == null ? null : e.getValue().id();
            if (e.getValue() != null && editing == null) {
                currency.setValue(e.getValue().defaultCurrency().getCurrencyCode());
            }
            refresh();
        });
        message.setId("rebate-message");
        grid.setId("rebate-agreements");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(Agreement::reference).setHeader("Agreement").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.terms().partnerId()).setHeader("Partner").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.terms().name()).setHeader("Name").setAutoWidth(true);
        grid.addColumn(a -> a.terms().validFrom() + " – " + a.terms().validTo()).setHeader("Period").setAutoWidth(true);
        grid.addColumn(a -> scope(a.terms())).setHeader("Scope").setAutoWidth(true);
        grid.addColumn(a -> a.terms().mode().name().toLowerCase(Locale.ROOT) + ", "
                + RebateUi.formatTiers(a.terms().tiers()).replace('\n', ';')).setHeader("Tiers").setAutoWidth(true);
        grid.addColumn(a -> a.volume().toPlainString() + (a.terms().basis() == VolumeBasis.QUANTITY ? " units" : ""))
                .setHeader("Volume").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(a -> a.earned().format()).setHeader("Earned").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setKey("earned");
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        add(partner, message, grid, form(), uploadBox());
        setFlexGrow(1, grid);
        if (updates != null) {
            updates.subscribe(this, RebateService.LIVE_TOPIC, p -> true, this::refresh);
        }
        refresh();
    }

    private static String scope(AgreementDraft t) {
        if (t.allProducts()) {
            return "all products";
        }
        return String.join(", ", t.productCodes()) + (t.categories().isEmpty() ? "" : " / " + String.join(", ", t.categories()));
    }

    private VerticalLayout form() {
        name.setId("rebate-name");
        from.setId("rebate-from");
        to.setId("rebate-to");
        products.setId("rebate-products");
        products.setPlaceholder("comma-separated; empty = all");
        categories.setId("rebate-categories");
        categories.setPlaceholder("comma-separated");
        basis.setLabel("Thresholds count");
        basis.setId("rebate-basis");
        basis.setItems(VolumeBasis.values());
        basis.setItemLabelGenerator(b -> b == VolumeBasis.AMOUNT ? "Amount" : "Quantity");
        basis.setValue(VolumeBasis.AMOUNT);
        mode.setLabel("Rates");
        mode.setId("rebate-mode");
        mode.setItems(TierMode.values());
        mode.setItemLabelGenerator(m -> m == TierMode.RETROACTIVE ? "Retroactive (whole volume)" : "Incremental (per slice)");
        mode.setValue(TierMode.RETROACTIVE);
        tiers.setId("rebate-tiers");
        tiers.setPlaceholder("0 1\n10000 2\n50000 3");
        currency.setId("rebate-currency");
        currency.setMaxLength(3);
        cap.setId("rebate-cap");
        save.setId("rebate-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        clear.addClickListener(e -> grid.asSingleSelect().clear());
        recalculate.setId("rebate-recalculate");
        recalculate.addClickListener(e -> recalculate());
        invoices.setId("rebate-invoices");
        invoices.addClickListener(e -> countInvoices());
        HorizontalLayout row1 = new HorizontalLayout(name, from, to, currency, cap);
        HorizontalLayout row2 = new HorizontalLayout(products, categories, basis, mode, tiers);
        HorizontalLayout row3 = new HorizontalLayout(save, clear, recalculate, invoices);
        for (HorizontalLayout row : List.of(row1, row2, row3)) {
            row.setWrap(true);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        }
        VerticalLayout box = new VerticalLayout(new H3("Agreement"), row1, row2, row3);
        box.setPadding(false);
        return box;
    }

    private VerticalLayout uploadBox() {
        upload.setId("rebate-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes("text/csv", ".csv");
        upload.setMaxFileSize(SalesUploadHandler.MAX_BYTES);
        upload.setUploadHandler(new SalesUploadHandler(this));
        upload.addFileRejectedListener(e -> say(e.getErrorMessage(), true));
        progress.setId("rebate-import-progress");
        progress.setVisible(false);
        importErrors.setId("rebate-import-errors");
        VerticalLayout box = new VerticalLayout(new H3("Sales volumes of the chosen partner"),
                text("A CSV file with the header date,product,category,quantity,amount,currency (any order), then one "
                        + "sale per line, e.g. 2026-03-31,SW-100,switches,10,1200.00,EUR. Product and category may be "
                        + "empty. The file is imported whole or not at all; the same file twice adds nothing."),
                upload, progress, importErrors);
        box.setPadding(false);
        return box;
    }

    private static Span text(String s) {
        Span span = new Span();
        span.setText(s);
        return span;
    }

    private void edit(Agreement a) {
        editing = a;
        save.setText(a == null ? "Create agreement" : "Save " + a.reference());
        if (a == null) {
            return;
        }
        AgreementDraft t = a.terms();
        name.setValue(t.name());
        from.setValue(t.validFrom());
        to.setValue(t.validTo());
        products.setValue(String.join(",", t.productCodes()));
        categories.setValue(String.join(",", t.categories()));
        basis.setValue(t.basis());
        mode.setValue(t.mode());
        tiers.setValue(RebateUi.formatTiers(t.tiers()));
        currency.setValue(t.currency().getCurrencyCode());
        cap.setValue(t.cap());
    }

    void save() {
        try {
            String partnerId = editing != null ? editing.terms().partnerId()
                    : partner.getValue() == null ? null : partner.getValue().id();
            if (partnerId == null) {
                throw new IllegalArgumentException("Choose the partner first.");
            }
            if (from.getValue() == null || to.getValue() == null) {
                throw new IllegalArgumentException("Enter the period.");
            }
            Currency c = Money.currency(currency.getValue().strip().toUpperCase(Locale.ROOT));
            AgreementDraft draft = new AgreementDraft(partnerId, name.getValue(), from.getValue(), to.getValue(),
                    list(products.getValue()), list(categories.getValue()), basis.getValue(), mode.getValue(),
                    RebateUi.parseTiers(tiers.getValue()), c, cap.getValue());
            Agreement stored = editing == null ? rebates.create(caller, draft)
                    : rebates.update(caller, editing.id(), editing.version(), draft);
            say(stored.reference() + " saved; earned " + stored.earned().format() + ".", false);
            grid.asSingleSelect().clear();
            refresh();
        } catch (RuntimeException e) {
            say(RebateUi.messageOf(e), true);
        }
    }

    private static Set<String> list(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    void recalculate() {
        try {
            List<Agreement> changed = rebates.recalculate(caller, partner.getValue() == null ? null : partner.getValue().id());
            say(changed.isEmpty() ? "Nothing changed." : changed.size() + " agreement(s) recalculated; the difference "
                    + "was posted.", false);
            refresh();
        } catch (RuntimeException e) {
            say(RebateUi.messageOf(e), true);
        }
    }

    void countInvoices() {
        try {
            if (partner.getValue() == null) {
                throw new IllegalArgumentException("Choose the partner first.");
            }
            SalesImport result = rebates.importInvoices(caller, partner.getValue().id());
            say(result.linesAdded() + " new invoice(s) and credit note(s) counted (for agreements covering all "
                    + "products); " + result.recalculated().size() + " agreement(s) recalculated.", false);
            refresh();
        } catch (RuntimeException e) {
            say(RebateUi.messageOf(e), true);
        }
    }

    /** Runs on the upload's thread: imports and reports progress and the outcome through the UI. */
    void importFile(UI ui, String fileName, byte[] content) {
        String partnerId = uploadPartner;
        ui.access(() -> {
            importErrors.removeAll();
            progress.setValue(0);
            progress.setVisible(true);
        });
        try {
            if (partnerId == null) {
                throw new IllegalArgumentException("Choose the partner the sales belong to, then upload the file.");
            }
            SalesImport result = rebates.importSales(caller, partnerId, fileName, content,
                    p -> ui.access(() -> progress.setValue(p)));
            ui.access(() -> {
                progress.setVisible(false);
                upload.clearFileList();
                say(result.alreadyImported() ? fileName + " was imported before; nothing was added."
                        : result.linesAdded() + " sales lines imported from " + fileName + "; "
                                + result.recalculated().size() + " agreement(s) recalculated.", false);
                refresh();
            });
        } catch (SalesImportException e) {
            ui.access(() -> {
                progress.setVisible(false);
                upload.clearFileList();
                say("Nothing was imported from " + fileName + ". Correct these lines and upload the file again:", true);
                for (LineProblem p : e.problems()) {
                    Div line = new Div();
                    line.setText((p.line() > 0 ? "Line " + p.line() + ": " : "") + p.message());
                    importErrors.add(line);
                }
            });
        } catch (RuntimeException e) {
            ui.access(() -> {
                progress.setVisible(false);
                upload.clearFileList();
                say(RebateUi.messageOf(e), true);
            });
        }
    }

    void tooLarge(String fileName) {
        upload.clearFileList();
        say(fileName + " is larger than " + SalesUploadHandler.MAX_BYTES / (1024 * 1024) + " MB; split it.", true);
    }

    private void say(String text, boolean error) {
        message.setText(text);
        context.notify(text, error);
    }

    void refresh() {
        try {
            grid.setItems(rebates.agreements(caller, partner.getValue() == null ? null : partner.getValue().id()));
        } catch (RuntimeException e) {
            grid.setItems(List.of());
            say(RebateUi.messageOf(e), true);
        }
    }
}
