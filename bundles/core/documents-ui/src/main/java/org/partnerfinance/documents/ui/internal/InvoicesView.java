package org.partnerfinance.documents.ui.internal;

import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.Page;
import org.partnerfinance.documents.ui.internal.common.Badges;
import org.partnerfinance.documents.ui.internal.common.Formats;
import org.partnerfinance.documents.ui.internal.common.LiveView;
import org.partnerfinance.documents.ui.internal.common.Messages;
import org.partnerfinance.documents.ui.internal.common.PagedDataProvider;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * Invoices and credit notes in both directions, read page by page from the database (sorting and filtering happen
 * there too, so tens of thousands of documents list as fast as a few). Partner users see their own partner's; finance
 * sees every partner's and may narrow to one. The list follows changes live.
 */
final class InvoicesView extends VerticalLayout {

    private final transient DocumentService documents;
    private final Caller caller;
    private final Grid<Document> grid = new Grid<>();
    private final Select<Direction> direction = new Select<>();
    private final Select<DocumentKind> kind = new Select<>();
    private final Select<DocumentStatus> status = new Select<>();
    private final DatePicker from = new DatePicker("Issued from");
    private final DatePicker to = new DatePicker("Issued to");
    private final TextField search = new TextField("Search");
    private final TextField partner = new TextField("Partner id");
    private final Span message = new Span();
    private final PagedDataProvider<Document> provider;
    private final LocalDate today = LocalDate.now();

    InvoicesView(ScreenContext context, DocumentService documents, LiveUpdates updates) {
        this.documents = documents;
        this.caller = context.caller();
        setSizeFull();
        setPadding(false);

        configureFilters(context);
        provider = new PagedDataProvider<>(this::fetch);
        configureGrid(context);

        HorizontalLayout filters = new HorizontalLayout(direction, kind, status, from, to, search);
        if (!caller.isPartner()) {
            filters.add(partner);
        }
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        message.setId("documents-message");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        add(filters, message, grid);
        setFlexGrow(1, grid);

        LiveView.follow(this, updates, caller.isPartner() ? caller.partnerId() : null, provider::refreshAll);
    }

    private void configureFilters(ScreenContext context) {
        direction.setId("documents-direction");
        direction.setLabel("Direction");
        direction.setItems(Direction.values());
        direction.setItemLabelGenerator(d -> d == null ? "All" : d == Direction.RECEIVABLE
                ? "Receivable (" + (caller.isPartner() ? "you owe" : "partner owes") + ")"
                : "Payable (" + (caller.isPartner() ? "owed to you" : "we owe") + ")");
        direction.setEmptySelectionAllowed(true);
        direction.setEmptySelectionCaption("All");

        kind.setId("documents-kind");
        kind.setLabel("Kind");
        kind.setItems(DocumentKind.values());
        kind.setItemLabelGenerator(k -> k == null ? "All" : Formats.words(k));
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption("All");

        status.setId("documents-status");
        status.setLabel("Status");
        status.setItems(DocumentStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "All" : Formats.words(s));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All");

        from.setId("documents-from");
        to.setId("documents-to");
        search.setId("documents-search");
        search.setPlaceholder("Number, reference, line text");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        partner.setId("documents-partner");
        partner.setClearButtonVisible(true);
        partner.setValueChangeMode(ValueChangeMode.LAZY);
        String requested = context.parameter("partner");
        if (requested != null && !caller.isPartner()) {
            partner.setValue(requested);
        }

        direction.addValueChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());
        partner.addValueChangeListener(e -> refresh());
    }

    private void configureGrid(ScreenContext context) {
        grid.setId("documents-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setMultiSort(false);
        grid.addColumn(Document::number).setHeader("Number").setAutoWidth(true).setKey("number")
                .setSortProperty(DocumentQuery.Sort.NUMBER.name());
        grid.addColumn(d -> Formats.words(d.kind())).setHeader("Kind").setAutoWidth(true).setKey("kind");
        grid.addColumn(d -> d.direction().id()).setHeader("Direction").setAutoWidth(true).setKey("direction");
        if (!caller.isPartner()) {
            grid.addColumn(d -> d.partnerName() + " (" + d.partnerId() + ")").setHeader("Partner")
                    .setAutoWidth(true).setKey("partner").setSortProperty(DocumentQuery.Sort.PARTNER.name());
        }
        grid.addColumn(d -> Formats.date(d.issueDate())).setHeader("Issued").setAutoWidth(true).setFlexGrow(0)
                .setKey("issued").setSortProperty(DocumentQuery.Sort.ISSUE_DATE.name());
        grid.addColumn(d -> Formats.date(d.dueDate())).setHeader("Due").setAutoWidth(true).setFlexGrow(0)
                .setKey("due").setSortProperty(DocumentQuery.Sort.DUE_DATE.name());
        grid.addColumn(d -> Formats.money(d.gross())).setHeader("Total").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setKey("gross").setSortProperty(DocumentQuery.Sort.GROSS.name());
        grid.addColumn(d -> Formats.money(d.open())).setHeader("Open").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setKey("open").setSortProperty(DocumentQuery.Sort.OPEN.name());
        grid.addComponentColumn(d -> Badges.status(d.status())).setHeader("Status").setAutoWidth(true)
                .setFlexGrow(0).setKey("status");
        grid.addComponentColumn(this::settlement).setHeader("Payment").setAutoWidth(true).setKey("settlement");
        grid.setItems(provider);
        grid.addItemClickListener(e -> context.navigate(DocumentScreens.detail(e.getItem().id())));
    }

    private HorizontalLayout settlement(Document d) {
        HorizontalLayout cell = new HorizontalLayout(Badges.settlement(d, today));
        if (d.disputed()) {
            cell.add(Badges.badge("Disputed", List.of("warning")));
        }
        cell.setSpacing(true);
        return cell;
    }

    private void refresh() {
        message.setText("");
        provider.refreshAll();
    }

    private Page<Document> fetch(int offset, int limit, List<QuerySortOrder> sortOrders) {
        DocumentQuery.Sort sort = DocumentQuery.Sort.ISSUE_DATE;
        boolean ascending = false;
        if (!sortOrders.isEmpty()) {
            QuerySortOrder order = sortOrders.get(0);
            sort = DocumentQuery.Sort.valueOf(order.getSorted());
            ascending = order.getDirection() == SortDirection.ASCENDING;
        }
        LocalDate fromDate = from.getValue();
        LocalDate toDate = to.getValue();
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            message.setText("The first issue date is after the last one: nothing to show.");
            return new Page<>(List.of(), 0);
        }
        String partnerId = caller.isPartner() ? null : LiveView.partnerOf(caller, partner.getValue());
        try {
            DocumentQuery query = new DocumentQuery(partnerId, direction.getValue(), kind.getValue(),
                    status.getValue(), fromDate, toDate, blankToNull(search.getValue()), null, sort, ascending,
                    offset, limit);
            return documents.search(caller, query);
        } catch (RuntimeException e) {
            message.setText(Messages.of(e));
            return new Page<>(List.of(), 0);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
