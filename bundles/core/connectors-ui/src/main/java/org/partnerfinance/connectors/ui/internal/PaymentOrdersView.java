package org.partnerfinance.connectors.ui.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.partnerfinance.connectors.api.ConnectorInfo;
import org.partnerfinance.connectors.api.ExportRefusedException;
import org.partnerfinance.connectors.api.ExportRun;
import org.partnerfinance.connectors.api.ExportService;
import org.partnerfinance.connectors.api.UnknownConnectorException;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentQuery;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.AccessDeniedException;
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
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * The Payment orders screen: the scheduled payments to partners with checkboxes and the total of the selection per
 * currency; "Create payment order" exports the selection with the chosen connector (pain.001), offers the file and
 * shows the run; a refusal lists every payment or partner at fault and nothing is sent. Earlier orders below, each
 * with its file.
 */
final class PaymentOrdersView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PaymentOrdersView.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    /** Scheduled payments shown; finance exports in batches the bank accepts anyway. */
    static final int SHOWN = 500;

    private final transient Caller caller;
    private final transient ExportService exports;
    private final transient DocumentService documents;
    private final Map<String, String> partnerNames;

    final Select<ConnectorInfo> connector = new Select<>();
    final Grid<Payment> payments = new Grid<>();
    final Span selection = new Span();
    final Button create = new Button("Create payment order");
    final VerticalLayout result = new VerticalLayout();
    final Grid<ExportRun> runs = new Grid<>();

    PaymentOrdersView(ScreenContext context, ExportService exports, DocumentService documents,
            PartnerService partners) {
        this.caller = context.caller();
        this.exports = exports;
        this.documents = documents;
        this.partnerNames = partners.list(caller).stream()
                .collect(Collectors.toMap(Partner::id, Partner::name, (a, b) -> a));
        setId("payment-orders-view");
        setSizeFull();
        setPadding(false);

        connector.setId("payment-orders-connector");
        connector.setLabel("Format");
        connector.setItemLabelGenerator(c -> c.name() + " (" + String.join(", ", c.formats()) + ")");
        List<ConnectorInfo> installed = exports.connectors(caller).stream().filter(ConnectorInfo::enabled).toList();
        connector.setItems(installed);
        installed.stream().filter(c -> c.id().equals("pain001")).findFirst()
                .or(() -> installed.stream().findFirst()).ifPresent(connector::setValue);

        payments.setId("payment-orders-payments");
        payments.setSelectionMode(Grid.SelectionMode.MULTI);
        payments.addColumn(p -> p.partnerId() + " " + partnerNames.getOrDefault(p.partnerId(), ""))
                .setHeader("Partner").setFlexGrow(1);
        payments.addColumn(p -> p.amount().format()).setHeader("Amount").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        payments.addColumn(Payment::valueDate).setHeader("Value date").setAutoWidth(true).setFlexGrow(0);
        payments.addColumn(p -> p.endToEndId() == null ? "" : p.endToEndId()).setHeader("End-to-end reference")
                .setAutoWidth(true).setFlexGrow(0);
        payments.addColumn(Payment::remittance).setHeader("Remittance").setFlexGrow(1);
        payments.addSelectionListener(e -> showSelection());
        payments.setHeight("22em");

        selection.setId("payment-orders-total");
        create.setId("payment-orders-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> createOrder());
        result.setId("payment-orders-result");
        result.setPadding(false);

        runs.setId("payment-orders-runs");
        runs.addColumn(r -> WHEN.format(r.createdAt())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(ExportRun::messageId).setHeader("Message id").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(ExportRun::count).setHeader("Payments").setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setFlexGrow(0);
        runs.addColumn(r -> totals(r.totals())).setHeader("Total").setFlexGrow(1);
        runs.addColumn(ExportRun::createdBy).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        runs.addComponentColumn(r -> download(r, r.fileName())).setHeader("File").setAutoWidth(true).setFlexGrow(0);
        runs.setHeight("16em");

        add(new H3("Scheduled payments to partners"), connector, payments,
                new HorizontalLayout(selection, create), result, new H3("Earlier payment orders"), runs);
        reload();
    }

    private void reload() {
        payments.setItems(documents.payments(caller, new PaymentQuery(null, Direction.PAYABLE,
                PaymentStatus.SCHEDULED, null, null, 0, Math.min(SHOWN, DocumentQuery.MAX_LIMIT))).items());
        payments.deselectAll();
        runs.setItems(exports.recent(caller, null, 50).stream().filter(r -> !r.documentExport()).toList());
        showSelection();
    }

    private void showSelection() {
        List<Money> sums = sum(new ArrayList<>(payments.getSelectedItems()));
        int count = payments.getSelectedItems().size();
        selection.setText(count == 0 ? "No payment selected"
                : count + (count == 1 ? " payment, " : " payments, ") + totals(sums));
        create.setEnabled(count > 0 && connector.getValue() != null);
    }

    /** The sum per currency, in currency order. */
    static List<Money> sum(List<Payment> selected) {
        Map<String, Money> byCurrency = new TreeMap<>();
        for (Payment p : selected) {
            byCurrency.merge(p.amount().currency().getCurrencyCode(), p.amount(), Money::plus);
        }
        return List.copyOf(byCurrency.values());
    }

    static String totals(List<Money> totals) {
        return totals.stream().map(Money::format).collect(Collectors.joining(" + "));
    }

    private void createOrder() {
        result.removeAll();
        List<Long> ids = payments.getSelectedItems().stream()
                .sorted(Comparator.comparing(Payment::valueDate).thenComparing(Payment::id))
                .map(Payment::id).toList();
        try {
            ExportRun run = exports.export(caller, connector.getValue().id(), ids);
            Span done = new Span("Payment order " + run.messageId() + " created: " + run.count()
                    + (run.count() == 1 ? " payment, " : " payments, ") + totals(run.totals())
                    + ". The payments are now sent to the bank until its statement confirms them.");
            done.setId("payment-orders-done");
            Anchor file = download(run, "Download " + run.fileName());
            file.setId("payment-orders-download");
            result.add(done, file);
            reload();
        } catch (ExportRefusedException e) {
            Span refused = new Span("Nothing was sent. Fix these and try again:");
            refused.setId("payment-orders-refused");
            refused.getStyle().set("color", "var(--lumo-error-text-color)");
            result.add(refused);
            for (String reason : e.reasons()) {
                result.add(new Span(reason));
            }
        } catch (UnknownConnectorException | AccessDeniedException e) {
            Span refused = new Span(e.getMessage());
            refused.setId("payment-orders-refused");
            result.add(refused);
        } catch (RuntimeException e) {
            LOG.error("Payment order of payments {} failed", ids, e);
            Span refused = new Span("The payment order could not be created; nothing was sent. The portal's log has "
                    + "the details.");
            refused.setId("payment-orders-refused");
            result.add(refused);
        }
    }

    private Anchor download(ExportRun run, String text) {
        Anchor anchor = new Anchor(new FileDownload(() -> exports.file(caller, run.id())), text);
        anchor.setTarget("_blank");
        return anchor;
    }

    /** Serves an export's file as it was handed out; a run that is gone (or not readable) is a 404. */
    static final class FileDownload implements DownloadHandler {

        private static final long serialVersionUID = 1L;
        private final transient Supplier<Optional<ExportRun.ExportFile>> file;

        FileDownload(Supplier<Optional<ExportRun.ExportFile>> file) {
            this.file = file;
        }

        @Override
        public void handleDownloadRequest(DownloadEvent event) throws IOException {
            event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
            event.getResponse().setHeader("Cache-Control", "private, no-store");
            Optional<ExportRun.ExportFile> found;
            try {
                found = file.get();
            } catch (AccessDeniedException e) {
                event.getResponse().setStatus(403);
                return;
            }
            if (found.isEmpty()) {
                event.getResponse().setStatus(404);
                return;
            }
            ExportRun.ExportFile f = found.get();
            String ascii = f.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
            event.getResponse().setContentType(f.contentType());
            event.getResponse().setHeader("Content-Disposition", "attachment; filename=\"" + ascii
                    + "\"; filename*=UTF-8''" + URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8));
            event.getResponse().setContentLengthLong(f.content().length);
            try (OutputStream out = event.getOutputStream()) {
                out.write(f.content());
            }
        }
    }
}
