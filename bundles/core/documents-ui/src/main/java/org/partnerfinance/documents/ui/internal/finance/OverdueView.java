package org.partnerfinance.documents.ui.internal.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DunningLevel;
import org.partnerfinance.documents.api.OverdueItem;
import org.partnerfinance.documents.api.Reminder;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.documents.ui.internal.common.Badges;
import org.partnerfinance.documents.ui.internal.common.Formats;
import org.partnerfinance.documents.ui.internal.common.Messages;
import org.partnerfinance.documents.ui.internal.common.PagedDataProvider;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * Overdue receivables in one currency, most overdue first (read page by page from the service), the dunning level each
 * is due for against the last one recorded; beside it the selected document's reminders and, for finance staff, the
 * form to record the next one.
 */
final class OverdueView extends HorizontalLayout {

    private final ScreenContext context;
    private final StatementService statements;
    private final Caller caller;
    private final Clock clock;
    private final Grid<OverdueItem> grid = new Grid<>();
    private final Span message = Views.text("overdue-message", "");
    private final VerticalLayout detail = new VerticalLayout();
    private final H3 detailTitle = new H3();
    private final Span detailFacts = Views.text("overdue-detail-facts", "");
    private final Grid<Reminder> reminders = new Grid<>();
    private final Select<DunningLevel> level = new Select<>();
    private final TextArea note = new TextArea("Note");
    private final Span formError = Views.text("overdue-reminder-error", "");
    private Select<String> currency;
    private PagedDataProvider<OverdueItem> provider;
    private OverdueItem selected;

    OverdueView(ScreenContext context, StatementService statements, List<Partner> partners, LiveUpdates live,
            Clock clock) {
        this.context = context;
        this.statements = statements;
        this.caller = context.caller();
        this.clock = clock;
        setSizeFull();
        setPadding(false);
        List<String> codes = Finance.currencies(partners);
        if (codes.isEmpty()) {
            message.setText("No partners yet.");
            add(message);
            return;
        }
        currency = Views.currencySelect("overdue-currency", codes,
                Finance.initialCurrency(partners, context.parameter("currency")), c -> reload());

        grid.setId("overdue-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(i -> i.document().number()).setHeader("Document").setKey("number").setAutoWidth(true);
        grid.addColumn(i -> i.document().partnerId() + " " + nz(i.document().partnerName())).setHeader("Partner")
                .setKey("partner").setAutoWidth(true);
        grid.addColumn(i -> Formats.date(i.document().dueDate())).setHeader("Due").setKey("due").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(OverdueItem::daysOverdue).setHeader("Days overdue").setKey("days").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        Views.amountColumn(grid, i -> Formats.money(i.document().open()), "Open", "open");
        grid.addComponentColumn(i -> {
            String status = Dunning.status(i);
            return status.isEmpty() ? new Span()
                    : Badges.badge(status, Dunning.behind(i) ? List.of("error") : List.of("contrast"));
        }).setHeader("Dunning").setKey("dunning").setAutoWidth(true);
        grid.addColumn(i -> i.lastReminder() == null ? "" : i.lastReminder().note()).setHeader("Last note")
                .setKey("note").setFlexGrow(1);
        grid.setEmptyStateText("Nothing is overdue in this currency.");
        grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        VerticalLayout left = new VerticalLayout(currency, message, grid);
        left.setPadding(false);
        left.setSizeFull();
        left.setFlexGrow(1, grid);

        buildDetail();
        add(left, detail);
        setFlexGrow(1, left);
        provider = new PagedDataProvider<>(Views.guarded((offset, limit, sort) -> statements.overdue(caller,
                currency.getValue(), Finance.today(clock), offset, limit), message));
        grid.setItems(provider);
        live.subscribe(this, LiveUpdates.DOCUMENTS, p -> true, this::reload);
    }

    private void buildDetail() {
        detail.setId("overdue-detail");
        detail.setPadding(false);
        detail.setWidth("380px");
        detail.getStyle().set("flex-shrink", "0");
        detailTitle.setId("overdue-detail-title");
        Button openDocument = new Button("Open document", e -> {
            if (selected != null) {
                context.navigate(Finance.DOCUMENT_DETAIL + selected.document().id());
            }
        });
        openDocument.setId("overdue-open-document");
        openDocument.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button openStatement = new Button("Statement", e -> {
            if (selected != null) {
                context.navigate(Finance.statementLink(selected.document().partnerId(),
                        selected.document().open().currency().getCurrencyCode()));
            }
        });
        openStatement.setId("overdue-open-statement");
        openStatement.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        reminders.setId("overdue-reminders");
        reminders.addThemeVariants(GridVariant.LUMO_COMPACT);
        reminders.addColumn(r -> Formats.dateTime(r.recordedAt())).setHeader("Recorded").setAutoWidth(true)
                .setFlexGrow(0);
        reminders.addColumn(r -> Dunning.label(r.level())).setHeader("Level").setAutoWidth(true).setFlexGrow(0);
        reminders.addColumn(Reminder::note).setHeader("Note").setFlexGrow(1);
        reminders.addColumn(Reminder::recordedBy).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        reminders.setEmptyStateText("No reminders yet.");
        reminders.setHeight("220px");

        level.setId("overdue-level");
        level.setLabel("Level");
        level.setItems(Dunning.RECORDABLE);
        level.setItemLabelGenerator(Dunning::label);
        note.setId("overdue-note");
        note.setMaxLength(2000);
        note.setWidthFull();
        note.setPlaceholder("Who was contacted, what they promised");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        Button record = new Button("Record reminder", e -> recordReminder());
        record.setId("overdue-record");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(level, note, formError, record);
        form.setPadding(false);
        form.setVisible(Finance.isFinanceStaff(caller));
        detail.add(detailTitle, detailFacts, new HorizontalLayout(openDocument, openStatement), reminders, form);
        detail.setVisible(false);
    }

    private void select(OverdueItem item) {
        selected = item;
        formError.setText("");
        if (item == null) {
            detail.setVisible(false);
            return;
        }
        Document d = item.document();
        detailTitle.setText(d.number() + " · " + d.partnerId() + " " + nz(d.partnerName()));
        detailFacts.setText("Due " + Formats.date(d.dueDate()) + ", " + item.daysOverdue() + " days overdue, open "
                + Formats.money(d.open()) + " of " + Formats.money(d.gross()) + ".");
        level.setValue(Dunning.suggested(item));
        note.clear();
        showReminders(d.id());
        detail.setVisible(true);
    }

    private void showReminders(long documentId) {
        try {
            reminders.setItems(statements.reminders(caller, documentId));
        } catch (RuntimeException e) {
            reminders.setItems(List.of());
            formError.setText(Messages.of(e));
        }
    }

    private void recordReminder() {
        if (selected == null) {
            return;
        }
        formError.setText("");
        long documentId = selected.document().id();
        try {
            Reminder reminder = statements.recordReminder(caller, documentId, level.getValue(), note.getValue());
            context.notify(Dunning.label(reminder.level()) + " recorded for " + selected.document().number() + ".",
                    false);
        } catch (RuntimeException e) {
            formError.setText(Messages.of(e));
            return;
        }
        note.clear();
        showReminders(documentId);
        reload();
    }

    /** Reads the list again (after a change, or another currency); keeps the detail when the document is still there. */
    void reload() {
        message.setText("");
        if (provider != null) {
            provider.refreshAll();
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
