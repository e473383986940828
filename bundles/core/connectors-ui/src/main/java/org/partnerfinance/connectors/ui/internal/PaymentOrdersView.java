package org.partnerfinance.connectors.ui.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.partnerfinance.connectors.api.ConnectorInfo;
import org.partnerfinance.connectors.api.ExportRun;
import org.partnerfinance.connectors.api.ExportService;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentQuery;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
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
        runs.addColumn(r -> ExportOutcome.totals(r.totals())).setHeader("Total").setFlexGrow(1);
        runs.addColumn(ExportRun::createdBy).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        runs.addComponentColumn(r -> ExportOutcome.download(exports, caller, r, r.fileName())).setHeader("File")
                .setAutoWidth(true).setFlexGrow(0);
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
                : count + (count == 1 ? " payment, " : " payments, ") + ExportOutcome.totals(sums));
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


    private void createOrder() {
        result.removeAll();
        List<Long> ids = payments.getSelectedItems().stream()
                .sorted(Comparator.comparing(Payment::valueDate).thenComparing(Payment::id))
                .map(Payment::id).toList();
        ExportOutcome.attempt(result, "payment-orders-refused", "Nothing was sent. Fix these and try again:",
                "The payment order could not be created; nothing was sent. The portal's log has the details.",
                () -> exports.export(caller, connector.getValue().id(), ids),
                e -> LOG.error("Payment order of payments {} failed", ids, e))
                .ifPresent(run -> {
                    Span done = new Span("Payment order " + run.messageId() + " created: " + run.count()
                            + (run.count() == 1 ? " payment, " : " payments, ")
                            + ExportOutcome.totals(run.totals())
                            + ". The payments are now sent to the bank until its statement confirms them.");
                    done.setId("payment-orders-done");
                    Anchor file = ExportOutcome.download(exports, caller, run, "Download " + run.fileName());
                    file.setId("payment-orders-download");
                    result.add(done, file);
                    reload();
                });
    }
}
