package org.partnerfinance.documents.ui.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.partnerfinance.documents.api.DocumentRenderer;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.documents.api.StatementLine;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.documents.ui.internal.common.FileDownload;
import org.partnerfinance.documents.ui.internal.common.Formats;
import org.partnerfinance.documents.ui.internal.common.LiveView;
import org.partnerfinance.documents.ui.internal.common.Messages;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * The statement of account of one partner in one currency as of any date: opening balance, every movement with its
 * running balance, closing balance and its aging (a bar and the figures), downloadable as CSV and PDF. The downloads
 * compute the statement again for the chosen partner, currency and dates with the viewer's caller.
 */
final class StatementView extends VerticalLayout {

    private final transient StatementService statements;
    private final transient DocumentRenderer renderer;
    private final transient PartnerService partners;
    private final Caller caller;
    private final TextField partner = new TextField("Partner id");
    private final Select<String> currency = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker asOf = new DatePicker("As of");
    private final Span message = new Span();
    private final Div body = new Div();

    StatementView(ScreenContext context, StatementService statements, DocumentRenderer renderer,
            PartnerService partners, LiveUpdates updates) {
        this.statements = statements;
        this.renderer = renderer;
        this.partners = partners;
        this.caller = context.caller();
        setPadding(false);

        partner.setId("statement-partner");
        partner.setValueChangeMode(ValueChangeMode.LAZY);
        String requested = context.parameter("partner");
        if (requested != null && !caller.isPartner()) {
            partner.setValue(requested);
        }
        currency.setId("statement-currency");
        currency.setLabel("Currency");
        from.setId("statement-from");
        from.setHelperText("Empty: twelve months back");
        asOf.setId("statement-as-of");
        asOf.setValue(LocalDate.now());
        message.setId("statement-message");
        body.setWidthFull();

        HorizontalLayout controls = new HorizontalLayout();
        if (!caller.isPartner()) {
            controls.add(partner);
        }
        controls.add(currency, from, asOf);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        add(controls, message, body);

        loadCurrencies(context.parameter("currency"));
        partner.addValueChangeListener(e -> loadCurrencies(null));
        currency.addValueChangeListener(e -> render());
        from.addValueChangeListener(e -> render());
        asOf.addValueChangeListener(e -> render());
        render();

        // finance following a partner chosen in the field: every partner's change may concern it
        LiveView.follow(this, updates, caller.isPartner() ? caller.partnerId() : null, this::refresh);
    }

    private String partnerId() {
        return LiveView.partnerOf(caller, partner.getValue());
    }

    private void refresh() {
        String chosen = currency.getValue();
        List<String> codes = currencies();
        if (!codes.equals(currency.getListDataView().getItems().toList())) {
            currency.setItems(codes);
            currency.setValue(chosen != null && codes.contains(chosen) ? chosen : codes.isEmpty() ? null : codes.get(0));
        }
        render();
    }

    private List<String> currencies() {
        String id = partnerId();
        if (id == null) {
            return List.of();
        }
        try {
            return statements.currencies(caller, id);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private void loadCurrencies(String preferred) {
        List<String> codes = currencies();
        currency.setItems(codes);
        if (!codes.isEmpty()) {
            currency.setValue(preferred != null && codes.contains(preferred) ? preferred : codes.get(0));
        }
        render();
    }

    private Optional<Statement> compute() {
        String id = partnerId();
        String code = currency.getValue();
        if (id == null || code == null || asOf.getValue() == null) {
            return Optional.empty();
        }
        return Optional.of(statements.statement(caller, id, code, from.getValue(), asOf.getValue()));
    }

    private void render() {
        body.removeAll();
        message.setText("");
        if (partnerId() == null) {
            message.setText("Enter a partner id to see its statement.");
            return;
        }
        if (currency.getValue() == null) {
            message.setText("There are no documents or payments for this partner yet.");
            return;
        }
        Statement s;
        try {
            Optional<Statement> computed = compute();
            if (computed.isEmpty()) {
                message.setText("Choose the date of the statement.");
                return;
            }
            s = computed.get();
        } catch (RuntimeException e) {
            message.setText(Messages.of(e));
            return;
        }
        String code = s.currency();
        Span title = new Span();
        title.setId("statement-title");
        title.setText(s.partnerName() + " · " + code + " · " + Formats.date(s.from()) + " to " + Formats.date(s.asOf()));
        title.getStyle().set("font-weight", "600");

        VerticalLayout figures = new VerticalLayout(
                DocumentDetailView.figure("Opening balance", Formats.amountWithCurrency(s.opening(), code),
                        "statement-opening"),
                DocumentDetailView.figure("Closing balance", Formats.amountWithCurrency(s.closing(), code),
                        "statement-closing"),
                DocumentDetailView.figure("Overdue", Formats.amountWithCurrency(s.aging().overdue(), code),
                        "statement-overdue"));
        figures.setPadding(false);
        figures.setSpacing(false);
        Span sign = new Span("Positive: you owe the company; negative: the company owes you.");
        if (!caller.isPartner()) {
            sign.setText("Positive: the partner owes the company; negative: the company owes the partner.");
        }
        sign.getStyle().set("color", "var(--lumo-secondary-text-color)");

        Anchor csv = new Anchor(download(true), "Download CSV");
        csv.setId("statement-csv");
        csv.getElement().setAttribute("download", true);
        Anchor pdf = new Anchor(download(false), "Download PDF");
        pdf.setId("statement-pdf");
        pdf.getElement().setAttribute("download", true);

        Svg chart = new Svg(AgingChart.svg(s.aging(), code));
        chart.setId("statement-aging-chart");
        chart.getStyle().set("width", "100%").set("max-width", "600px");
        Grid<AgingChart.Segment> agingFigures = new Grid<>();
        agingFigures.setId("statement-aging");
        agingFigures.setAllRowsVisible(true);
        agingFigures.setWidth("24em");
        agingFigures.addColumn(AgingChart.Segment::label).setHeader("Days overdue");
        agingFigures.addColumn(seg -> Formats.amount(seg.amount(), code)).setHeader(code)
                .setTextAlign(ColumnTextAlign.END);
        agingFigures.setItems(AgingChart.segments(s.aging()));

        Grid<StatementLine> lines = new Grid<>();
        lines.setId("statement-lines");
        lines.setAllRowsVisible(s.lines().size() <= 50);
        if (s.lines().size() > 50) {
            lines.setHeight("40em");
        }
        lines.addColumn(l -> Formats.date(l.date())).setHeader("Date").setAutoWidth(true).setFlexGrow(0);
        lines.addColumn(StatementView::kind).setHeader("Movement").setAutoWidth(true);
        lines.addColumn(StatementLine::number).setHeader("Number").setAutoWidth(true);
        lines.addColumn(l -> l.debit().signum() == 0 ? "" : Formats.amount(l.debit(), code)).setHeader("Debit")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        lines.addColumn(l -> l.credit().signum() == 0 ? "" : Formats.amount(l.credit(), code)).setHeader("Credit")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        lines.addColumn(l -> Formats.amount(l.balance(), code)).setHeader("Balance").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        lines.setItems(s.lines());

        VerticalLayout content = new VerticalLayout(title, figures, sign, new HorizontalLayout(csv, pdf),
                DocumentDetailView.section("Aging", new VerticalLayout(chart, agingFigures)),
                DocumentDetailView.section("Movements", lines));
        content.setPadding(false);
        body.add(content);
    }

    static String kind(StatementLine line) {
        return switch (line.kind()) {
            case "invoice" -> "Invoice";
            case "credit-note" -> "Credit note";
            case "payment-received" -> "Payment received";
            case "payment-sent" -> "Payment sent";
            default -> line.kind();
        } + (line.direction() == null ? "" : " (" + line.direction().id() + ")");
    }

    private FileDownload download(boolean csv) {
        String id = partnerId();
        String code = currency.getValue();
        LocalDate fromDate = from.getValue();
        LocalDate asOfDate = asOf.getValue();
        return new FileDownload(() -> {
            Statement s = statements.statement(caller, id, code, fromDate, asOfDate);
            String name = "statement-" + FileDownload.safeName(id) + "-" + code + "-" + asOfDate;
            if (csv) {
                return Optional.of(new FileDownload.File(name + ".csv", "text/csv; charset=UTF-8",
                        renderer.statementCsv(s)));
            }
            return Optional.of(new FileDownload.File(name + ".pdf", "application/pdf",
                    renderer.statementPdf(s, partners.find(caller, id).orElse(null))));
        });
    }
}
