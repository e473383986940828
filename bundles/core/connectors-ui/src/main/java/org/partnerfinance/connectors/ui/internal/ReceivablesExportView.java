package org.partnerfinance.connectors.ui.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.partnerfinance.connectors.api.ConnectorInfo;
import org.partnerfinance.connectors.api.ExportRun;
import org.partnerfinance.connectors.api.ExportService;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The E-invoices screen: receivables (newest first, narrowed by words in number, reference or lines) with checkboxes;
 * "Download as Peppol UBL" exports the selection with the chosen document export connector and offers the file (one
 * document: its XML; several: a zip); a refusal lists every document and every missing setting or master data at
 * fault. Earlier document exports below, each with its file.
 */
final class ReceivablesExportView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReceivablesExportView.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    /** Receivables shown at once; the search narrows them. */
    static final int SHOWN = 200;

    private final transient Caller caller;
    private final transient ExportService exports;
    private final transient DocumentService documents;

    final Select<ConnectorInfo> connector = new Select<>();
    final TextField search = new TextField();
    final Grid<Document> receivables = new Grid<>();
    final Span selection = new Span();
    final Button export = new Button("Download as Peppol UBL");
    final VerticalLayout result = new VerticalLayout();
    final Grid<ExportRun> runs = new Grid<>();

    ReceivablesExportView(ScreenContext context, ExportService exports, DocumentService documents) {
        this.caller = context.caller();
        this.exports = exports;
        this.documents = documents;
        setId("e-invoices-view");
        setSizeFull();
        setPadding(false);

        connector.setId("e-invoices-connector");
        connector.setLabel("Format");
        connector.setItemLabelGenerator(c -> c.name() + " (" + String.join(", ", c.formats()) + ")");
        List<ConnectorInfo> installed = exports.documentConnectors(caller).stream().filter(ConnectorInfo::enabled)
                .toList();
        connector.setItems(installed);
        installed.stream().filter(c -> c.id().equals("peppol-ubl")).findFirst()
                .or(() -> installed.stream().findFirst()).ifPresent(connector::setValue);
        connector.addValueChangeListener(e -> showSelection());

        search.setId("e-invoices-search");
        search.setPlaceholder("Number, reference or line text");
        search.setClearButtonVisible(true);
        Button find = new Button("Search", e -> reload());
        find.setId("e-invoices-find");
        HorizontalLayout filter = new HorizontalLayout(search, find);
        filter.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        receivables.setId("e-invoices-documents");
        receivables.setSelectionMode(Grid.SelectionMode.MULTI);
        receivables.addColumn(Document::number).setHeader("Number").setAutoWidth(true).setFlexGrow(0);
        receivables.addColumn(d -> d.kind() == DocumentKind.CREDIT_NOTE ? "Credit note" : "Invoice")
                .setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        receivables.addColumn(d -> d.partnerId() + " " + d.partnerName()).setHeader("Partner").setFlexGrow(1);
        receivables.addColumn(Document::issueDate).setHeader("Issued").setAutoWidth(true).setFlexGrow(0);
        receivables.addColumn(d -> d.gross().format()).setHeader("Gross").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        receivables.addSelectionListener(e -> showSelection());
        receivables.setHeight("22em");

        selection.setId("e-invoices-selection");
        export.setId("e-invoices-export");
        export.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        export.addClickListener(e -> exportSelection());
        result.setId("e-invoices-result");
        result.setPadding(false);

        runs.setId("e-invoices-runs");
        runs.addColumn(r -> WHEN.format(r.createdAt())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(ExportRun::connector).setHeader("Format").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(r -> r.documentIds().size()).setHeader("Documents").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(r -> ExportOutcome.totals(r.totals())).setHeader("Total").setFlexGrow(1);
        runs.addColumn(ExportRun::createdBy).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        runs.addComponentColumn(r -> ExportOutcome.download(exports, caller, r, r.fileName())).setHeader("File")
                .setAutoWidth(true).setFlexGrow(0);
        runs.setHeight("16em");

        Span none = new Span("No e-invoicing connector is installed or switched on (feature pf-connector-peppol).");
        none.setId("e-invoices-none");
        none.setVisible(installed.isEmpty());
        add(new H3("Invoices and credit notes to partners"), none, connector, filter, receivables,
                new HorizontalLayout(selection, export), result, new H3("Earlier e-invoice downloads"), runs);
        reload();
    }

    private void reload() {
        String text = search.getValue() == null || search.getValue().isBlank() ? null : search.getValue().strip();
        receivables.setItems(documents.search(caller, new DocumentQuery(null, Direction.RECEIVABLE, null, null, null,
                null, text, null, DocumentQuery.Sort.ISSUE_DATE, false, 0, SHOWN)).items());
        receivables.deselectAll();
        runs.setItems(exports.recent(caller, null, 50).stream().filter(ExportRun::documentExport).toList());
        showSelection();
    }

    private void showSelection() {
        int count = receivables.getSelectedItems().size();
        selection.setText(count == 0 ? "No document selected"
                : count == 1 ? "1 document: one XML file" : count + " documents: one zip with a file each");
        export.setEnabled(count > 0 && connector.getValue() != null);
    }

    private void exportSelection() {
        result.removeAll();
        List<Long> ids = receivables.getSelectedItems().stream()
                .sorted(Comparator.comparing(Document::issueDate).thenComparing(Document::id))
                .map(Document::id).toList();
        ExportOutcome.attempt(result, "e-invoices-refused", "Nothing was written. Fix these and try again:",
                "The documents could not be written. The portal's log has the details.",
                () -> exports.exportDocuments(caller, connector.getValue().id(), ids),
                e -> LOG.error("E-invoice export of documents {} failed", ids, e))
                .ifPresent(run -> {
                    Span done = new Span("Written: " + run.documentIds().size()
                            + (run.documentIds().size() == 1 ? " document, " : " documents, ")
                            + ExportOutcome.totals(run.totals()) + ".");
                    done.setId("e-invoices-done");
                    Anchor file = ExportOutcome.download(exports, caller, run, "Download " + run.fileName());
                    file.setId("e-invoices-download");
                    result.add(done, file);
                    runs.setItems(exports.recent(caller, null, 50).stream().filter(ExportRun::documentExport)
                            .toList());
                });
    }
}
