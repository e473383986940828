package org.partnerfinance.documents.ui.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Dispute;
import org.partnerfinance.documents.api.DisputeDraft;
import org.partnerfinance.documents.api.DisputeService;
import org.partnerfinance.documents.api.DisputeStatus;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentFormats;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentLine;
import org.partnerfinance.documents.api.DocumentRenderer;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.HistoryEntry;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.TaxTotal;
import org.partnerfinance.documents.ui.internal.common.Badges;
import org.partnerfinance.documents.ui.internal.common.FileDownload;
import org.partnerfinance.documents.ui.internal.common.Formats;
import org.partnerfinance.documents.ui.internal.common.LiveView;
import org.partnerfinance.documents.ui.internal.common.Messages;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * One invoice or credit note: header, lines, taxes, totals, what is open and how its payment stands, the payments
 * that settled it, its disputes with their trail, its history, the PDF, and — for the partner — "Dispute"; for finance
 * managers the decision on an open dispute. Re-reads everything when the partner's documents change.
 */
final class DocumentDetailView extends VerticalLayout {

    private final transient DocumentService documents;
    private final transient DisputeService disputes;
    private final transient DocumentRenderer renderer;
    private final transient PartnerService partners;
    private final transient Supplier<Optional<String>> publicKey;
    private final transient Supplier<List<DocumentFormats>> formats;
    /** Files written in another format on this page, by format id: their links stay when the page is redrawn. */
    private final Map<String, FileDownload.File> written = new HashMap<>();
    private final ScreenContext context;
    private final Caller caller;
    private final long documentId;
    private final Div body = new Div();
    private final Span message = new Span();
    private DisputeForm disputeForm;

    DocumentDetailView(ScreenContext context, DocumentService documents, DisputeService disputes,
            DocumentRenderer renderer, PartnerService partners, LiveUpdates updates,
            Supplier<Optional<String>> publicKey, Supplier<List<DocumentFormats>> formats) {
        this.context = context;
        this.publicKey = publicKey;
        this.formats = formats;
        this.documents = documents;
        this.disputes = disputes;
        this.renderer = renderer;
        this.partners = partners;
        this.caller = context.caller();
        this.documentId = parseId(context.parameter("id"));
        setPadding(false);
        message.setId("document-message");
        body.setWidthFull();
        add(message, body);
        Optional<Document> first = render();
        String partnerId = caller.isPartner() ? caller.partnerId() : first.map(Document::partnerId).orElse(null);
        if (first.isPresent()) {
            LiveView.follow(this, updates, partnerId, this::refresh);
        }
    }

    static long parseId(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * What the view shows of the document, its payments and disputes: one change in the documents area often arrives
     * as several events (a credit note issued, applied, the dispute accepted), and rebuilding the page for each would
     * swallow a click on a button that was just replaced. The view is rebuilt only when this changed.
     */
    private String shown;

    private void refresh() {
        Optional<Document> found = documents.find(caller, documentId);
        String now = fingerprint(found);
        if (!now.equals(shown)) {
            render();
        }
    }

    private String fingerprint(Optional<Document> found) {
        return found.map(d -> d.version() + "|" + d.open() + "|" + d.settlement() + "|"
                + disputes.forDocument(caller, d.id()).stream().map(x -> x.id() + ":" + x.version())
                        .collect(java.util.stream.Collectors.joining(","))
                + "|" + documents.paymentsFor(caller, d.id()).stream().map(p -> p.id() + ":" + p.version())
                        .collect(java.util.stream.Collectors.joining(","))).orElse("");
    }

    /** Reads the document again and rebuilds the view (keeps an open dispute form). */
    private Optional<Document> render() {
        Optional<Document> found = documentId < 0 ? Optional.empty() : documents.find(caller, documentId);
        shown = fingerprint(found);
        body.removeAll();
        if (found.isEmpty()) {
            Span missing = new Span("This document does not exist or you may not see it.");
            missing.setId("document-missing");
            body.add(missing);
            return found;
        }
        Document d = found.get();
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.add(header(d), lines(d), taxesAndTotals(d), settlement(d), disputesOf(d), history(d));
        body.add(content);
        return found;
    }

    private Component header(Document d) {
        H2 title = new H2();
        title.setId("document-title");
        title.setText((d.kind() == DocumentKind.INVOICE ? "Invoice " : "Credit note ") + d.number());
        title.getElement().setAttribute("data-document-id", String.valueOf(d.id()));
        HorizontalLayout badges = new HorizontalLayout(Badges.status(d.status()),
                settlementBadge(d));
        if (d.disputed()) {
            badges.add(Badges.badge("Disputed", List.of("warning")));
        }
        Span parties = new Span();
        parties.setText(d.direction() == Direction.RECEIVABLE
                ? "From the company to " + d.partnerName() + " (" + d.partnerId() + ")"
                : "From " + d.partnerName() + " (" + d.partnerId() + ") to the company");
        Span dates = new Span();
        dates.setText("Issued " + Formats.date(d.issueDate()) + " · due " + Formats.date(d.dueDate())
                + (d.sourceSystem() == null || d.sourceSystem().isBlank() ? ""
                        : " · from " + d.sourceSystem() + " " + nullToEmpty(d.sourceReference())));

        Anchor pdf = new Anchor(pdfDownload(), "Download PDF");
        pdf.setId("document-pdf");
        pdf.getElement().setAttribute("download", true);
        HorizontalLayout actions = new HorizontalLayout(pdf);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.add(otherFormats(d));
        if (d.creditedId() != null) {
            Button credited = new Button("Credited invoice", e -> context.navigate(DocumentScreens.detail(d.creditedId())));
            credited.setId("document-credited");
            credited.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(credited);
        }
        if (mayDispute(d)) {
            Button dispute = new Button("Dispute", e -> openDisputeForm(d));
            dispute.setId("document-dispute");
            actions.add(dispute);
        }
        VerticalLayout header = new VerticalLayout(title, badges, parties, dates, actions);
        header.setPadding(false);
        header.setSpacing(false);
        if (disputeForm != null) {
            header.add(disputeForm);
        }
        return header;
    }

    /**
     * A button per format another bundle offers (e.g. "Download as Peppol BIS Billing 3.0 (UBL 2.1)"). Writing can be
     * refused with a reason the reader must see (a company setting the format needs is missing), which a plain link
     * could not show, so the button writes the file first and then offers it as a link.
     */
    private Component[] otherFormats(Document d) {
        List<Component> components = new ArrayList<>();
        for (DocumentFormats provider : formats.get()) {
            for (DocumentFormats.Format format : provider.offered(caller, d)) {
                FileDownload.File file = written.get(format.id());
                if (file != null) {
                    Anchor link = new Anchor(new FileDownload(() -> Optional.of(file)), "Download " + file.name());
                    link.setId("document-format-" + format.id());
                    link.getElement().setAttribute("download", true);
                    components.add(link);
                    continue;
                }
                Button write = new Button("Download as " + format.name(), e -> writeAs(provider, format));
                write.setId("document-format-" + format.id());
                write.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                components.add(write);
            }
        }
        return components.toArray(Component[]::new);
    }

    private void writeAs(DocumentFormats provider, DocumentFormats.Format format) {
        try {
            Optional<DocumentFormats.DocumentFile> file = provider.write(caller, format.id(), documentId);
            if (file.isEmpty()) {
                message.setText("This document does not exist or you may not see it.");
                return;
            }
            DocumentFormats.DocumentFile f = file.get();
            written.put(format.id(), new FileDownload.File(f.fileName(), f.contentType(), f.content()));
            message.setText("");
            render();
        } catch (org.partnerfinance.documents.api.DocumentValidationException e) {
            message.setText(format.name() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            message.setText(Messages.of(e));
        }
    }

    private Span settlementBadge(Document d) {
        Span badge = Badges.settlement(d, LocalDate.now());
        badge.setId("document-settlement");
        return badge;
    }

    private boolean mayDispute(Document d) {
        return caller.isPartner() && d.direction() == Direction.RECEIVABLE && d.kind() == DocumentKind.INVOICE
                && d.open().signum() > 0;
    }

    private void openDisputeForm(Document d) {
        disputeForm = new DisputeForm(d, this::openDispute, () -> {
            disputeForm = null;
            render();
        });
        render();
    }

    private void openDispute(DisputeDraft draft) {
        try {
            Dispute opened = disputes.open(caller, draft);
            disputeForm = null;
            context.notify("Dispute sent: finance will answer here.", false);
            render();
            message.setText("");
            message.getElement().setAttribute("data-dispute", String.valueOf(opened.id()));
        } catch (org.partnerfinance.documents.api.DocumentValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            disputeForm.showAtField(null, Messages.of(e));
        }
    }

    private DownloadHandler pdfDownload() {
        return new FileDownload(() -> documents.find(caller, documentId).map(doc -> new FileDownload.File(
                FileDownload.safeName(doc.number()) + ".pdf", "application/pdf",
                renderer.documentPdf(doc, partners.find(caller, doc.partnerId()).orElse(null)))));
    }

    private Component lines(Document d) {
        Grid<DocumentLine> grid = new Grid<>();
        grid.setId("document-lines");
        grid.setAllRowsVisible(true);
        grid.addColumn(DocumentLine::lineNo).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DocumentLine::description).setHeader("Description").setFlexGrow(1);
        grid.addColumn(l -> l.quantity().stripTrailingZeros().toPlainString()).setHeader("Quantity")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> Formats.amount(l.unitPrice(), d.gross().currency().getCurrencyCode()))
                .setHeader("Unit price").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> l.taxCategory() + " " + l.taxRate().stripTrailingZeros().toPlainString() + "%")
                .setHeader("Tax").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> Formats.money(l.net())).setHeader("Net").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(d.lines());
        return section("Lines", grid);
    }

    private Component taxesAndTotals(Document d) {
        Grid<TaxTotal> taxes = new Grid<>();
        taxes.setId("document-taxes");
        taxes.setAllRowsVisible(true);
        taxes.addColumn(t -> t.category() + " " + t.rate().stripTrailingZeros().toPlainString() + "%")
                .setHeader("Tax").setAutoWidth(true);
        taxes.addColumn(t -> Formats.money(t.taxable())).setHeader("Taxable").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        taxes.addColumn(t -> Formats.money(t.tax())).setHeader("Tax amount").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        taxes.setItems(d.taxes());
        taxes.setWidth("40em");

        VerticalLayout totals = new VerticalLayout(
                figure("Net", Formats.money(d.net()), "document-net"),
                figure("Tax", Formats.money(d.tax()), "document-tax"),
                figure(d.kind() == DocumentKind.INVOICE ? "Total" : "Total credited", Formats.money(d.gross()),
                        "document-gross"),
                figure(d.kind() == DocumentKind.INVOICE ? "Open" : "Not yet applied", Formats.money(d.open()),
                        "document-open"));
        totals.setPadding(false);
        totals.setSpacing(false);
        HorizontalLayout row = new HorizontalLayout(taxes, totals);
        row.setWidthFull();
        return section("Taxes and totals", row);
    }

    static HorizontalLayout figure(String label, String value, String id) {
        Span l = new Span(label);
        l.setWidth("9em");
        Span v = new Span();
        v.setText(value);
        v.setId(id);
        v.getStyle().set("font-weight", "600");
        return new HorizontalLayout(l, v);
    }

    private Component settlement(Document d) {
        Span label = new Span();
        label.setText(Badges.settlementText(d, LocalDate.now()));
        List<Payment> paid = documents.paymentsFor(caller, d.id());
        if (paid.isEmpty()) {
            Span none = new Span("No payment recorded for it yet.");
            return section("Payment", new VerticalLayout(label, none));
        }
        Grid<Payment> grid = new Grid<>();
        grid.setId("document-payments");
        grid.setAllRowsVisible(true);
        grid.addColumn(p -> Formats.date(p.bookingDate() != null ? p.bookingDate() : p.valueDate()))
                .setHeader("Date").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(p -> Badges.payment(p)).setHeader("Status").setAutoWidth(true);
        grid.addColumn(p -> Formats.money(p.amount())).setHeader("Payment").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(p -> p.allocations().stream().filter(a -> a.documentId() == d.id())
                .map(a -> Formats.money(a.amount())).findFirst().orElse("")).setHeader("Applied here")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(p -> nullToEmpty(p.remittance())).setHeader("Remittance information").setFlexGrow(1);
        grid.setItems(paid);
        grid.addItemClickListener(e -> context.navigate(DocumentScreens.paymentDetail(e.getItem().id())));
        VerticalLayout box = new VerticalLayout(label, grid);
        box.setPadding(false);
        return section("Payment", box);
    }

    private Component disputesOf(Document d) {
        List<Dispute> list = disputes.forDocument(caller, d.id());
        VerticalLayout box = new VerticalLayout();
        box.setId("document-disputes");
        box.setPadding(false);
        if (list.isEmpty()) {
            box.add(new Span("No disputes."));
        }
        for (Dispute dispute : list) {
            box.add(disputeCard(dispute));
        }
        return section("Disputes", box);
    }

    private Component disputeCard(Dispute dispute) {
        VerticalLayout card = new VerticalLayout();
        card.setId("dispute-" + dispute.id());
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        Span what = new Span();
        what.setText(switch (dispute.subject()) {
            case INVOICE -> "The invoice";
            case LINE -> "Line " + dispute.lineNo();
            case DEDUCTION -> "A deduction";
        } + " · " + Formats.money(dispute.amount()) + " · opened by " + dispute.openedBy() + " on "
                + Formats.dateTime(dispute.openedAt()));
        Span reason = new Span();
        reason.setText("Reason: " + dispute.reason());
        Span status = Badges.dispute(dispute.status());
        status.setId("dispute-status-" + dispute.id());
        card.add(new HorizontalLayout(status, what), reason);
        if (dispute.attachmentName() != null) {
            Anchor file = new Anchor(attachmentDownload(dispute.id()), "Supporting file: " + dispute.attachmentName());
            file.getElement().setAttribute("download", true);
            card.add(file);
        }
        if (dispute.status() != DisputeStatus.OPEN) {
            Span resolution = new Span();
            resolution.setText((dispute.status() == DisputeStatus.ACCEPTED ? "Accepted" : "Rejected") + " by "
                    + nullToEmpty(dispute.resolvedBy()) + " on " + Formats.dateTime(dispute.resolvedAt())
                    + (dispute.resolution() == null || dispute.resolution().isBlank() ? ""
                            : ": " + dispute.resolution()));
            card.add(resolution);
            if (dispute.creditNoteId() != null) {
                Button credit = new Button("Credit note issued",
                        e -> context.navigate(DocumentScreens.detail(dispute.creditNoteId())));
                credit.setId("dispute-credit-note-" + dispute.id());
                credit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                card.add(credit);
            }
        } else if (caller.has(Role.FINANCE_MANAGER)) {
            card.add(decision(dispute));
        }
        card.add(trail(disputes.history(caller, dispute.id()), "dispute-trail-" + dispute.id(),
                seq -> proofDownload("dispute-" + dispute.id(), () -> disputes.proof(caller, dispute.id(), seq))));
        return card;
    }

    /** Finance managers decide an open dispute here (the dispute queue offers the same across partners). */
    private Component decision(Dispute dispute) {
        BigDecimalField accepted = new BigDecimalField("Accepted amount");
        accepted.setId("dispute-accept-amount-" + dispute.id());
        accepted.setValue(dispute.amount().amount());
        TextField comment = new TextField("Comment or reason");
        comment.setId("dispute-comment-" + dispute.id());
        comment.setWidth("24em");
        Button accept = new Button("Accept and issue credit note", e -> {
            try {
                disputes.accept(caller, dispute.id(), dispute.version(), accepted.getValue(), comment.getValue());
                context.notify("Dispute accepted; the credit note was issued.", false);
                render();
            } catch (org.partnerfinance.documents.api.DocumentValidationException ex) {
                accepted.setErrorMessage(ex.getMessage());
                accepted.setInvalid(true);
            } catch (RuntimeException ex) {
                context.notify(Messages.of(ex), true);
                render();
            }
        });
        accept.setId("dispute-accept-" + dispute.id());
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button("Reject", e -> {
            try {
                disputes.reject(caller, dispute.id(), dispute.version(), comment.getValue());
                context.notify("Dispute rejected.", false);
                render();
            } catch (org.partnerfinance.documents.api.DocumentValidationException ex) {
                comment.setErrorMessage(ex.getMessage());
                comment.setInvalid(true);
            } catch (RuntimeException ex) {
                context.notify(Messages.of(ex), true);
                render();
            }
        });
        reject.setId("dispute-reject-" + dispute.id());
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout row = new HorizontalLayout(accepted, comment, accept, reject);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private DownloadHandler attachmentDownload(long disputeId) {
        // partners' files go out as downloads of an opaque type: a PDF can carry scripts, never open it in the page
        return new FileDownload(() -> disputes.attachment(caller, disputeId).map(a -> new FileDownload.File(
                a.fileName(), "application/octet-stream", a.content())));
    }

    private Component history(Document d) {
        Grid<HistoryEntry> trail = trail(documents.history(caller, d.id()), "document-history",
                seq -> proofDownload("document-" + d.id(), () -> documents.proof(caller, d.id(), seq)));
        // the key the proofs are checked with (docs/audit-trail.md, "How to check a proof"); public information
        Anchor key = new Anchor(new FileDownload(() -> publicKey.get().map(pem -> new FileDownload.File(
                "partner-finance-audit-public-key.pem", "application/x-pem-file",
                pem.getBytes(StandardCharsets.UTF_8)))), "Download the audit trail's public key");
        key.setId("audit-public-key");
        VerticalLayout content = new VerticalLayout(trail, key);
        content.setPadding(false);
        return section("History", content);
    }

    /**
     * The proof of one audit record as a JSON file, produced when asked and authorised again by the service with the
     * viewer's caller: anyone can check it without the portal.
     */
    private static FileDownload proofDownload(String item, Supplier<Optional<String>> proof) {
        return new FileDownload(() -> proof.get().map(json -> new FileDownload.File(
                "audit-proof-" + item + ".json", "application/json", json.getBytes(StandardCharsets.UTF_8))));
    }

    static Grid<HistoryEntry> trail(List<HistoryEntry> entries, String id) {
        return trail(entries, id, null);
    }

    /** A history grid; with {@code proofOf}, each record offers the download of its proof. */
    static Grid<HistoryEntry> trail(List<HistoryEntry> entries, String id,
            java.util.function.LongFunction<FileDownload> proofOf) {
        Grid<HistoryEntry> grid = new Grid<>();
        grid.setId(id);
        grid.setAllRowsVisible(true);
        grid.addColumn(h -> Formats.dateTime(h.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(HistoryEntry::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(HistoryEntry::action).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(HistoryEntry::detail).setHeader("Detail").setFlexGrow(1);
        if (proofOf != null) {
            grid.addComponentColumn(h -> new Anchor(proofOf.apply(h.sequence()), "Proof"))
                    .setHeader("Proof").setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(entries);
        return grid;
    }

    static Component section(String title, Component content) {
        H3 heading = new H3();
        heading.setText(title);
        VerticalLayout section = new VerticalLayout(heading, content);
        section.setPadding(false);
        section.setSpacing(false);
        section.setWidthFull();
        return section;
    }

    static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
