package org.partnerfinance.ledger.ui.internal;

import java.util.List;

import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountType;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The chart of accounts: every account with its type and state. Finance managers and administrators open accounts,
 * rename the selected one and deactivate or reactivate it; accounts are never deleted.
 */
final class AccountsView extends VerticalLayout {

    private final ScreenContext context;
    private final LedgerService ledger;
    private final Caller caller;
    private final Grid<Account> grid = new Grid<>();
    private final Span message = LedgerUi.text("accounts-message", "");

    final TextField code = new TextField("Code");
    final TextField name = new TextField("Name");
    final Select<AccountType> type = new Select<>();
    final Button open = new Button("Open account");
    final TextField newName = new TextField("New name");
    final Button rename = new Button("Rename");
    final Button toggle = new Button("Deactivate");

    AccountsView(ScreenContext context, LedgerService ledger) {
        this.context = context;
        this.ledger = ledger;
        this.caller = context.caller();
        setSizeFull();
        setPadding(false);
        configureGrid();
        add(message, grid);
        setFlexGrow(1, grid);
        if (LedgerUi.keepsChart(caller)) {
            add(openForm(), editForm());
        }
        refresh();
    }

    private void configureGrid() {
        grid.setId("accounts-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(Account::code).setHeader("Code").setAutoWidth(true).setFlexGrow(0).setKey("code");
        grid.addColumn(Account::name).setHeader("Name").setKey("name");
        grid.addColumn(a -> label(a.type())).setHeader("Type").setAutoWidth(true).setKey("type");
        grid.addColumn(a -> a.active() ? "Active" : "Inactive").setHeader("State").setAutoWidth(true)
                .setKey("state");
        grid.addSelectionListener(e -> selected(e.getFirstSelectedItem().orElse(null)));
    }

    private HorizontalLayout openForm() {
        code.setId("account-code");
        code.setMaxLength(10);
        code.setHelperText("1 to 10 digits or capital letters");
        name.setId("account-name");
        name.setMaxLength(100);
        type.setId("account-type");
        type.setLabel("Type");
        type.setItems(AccountType.values());
        type.setItemLabelGenerator(AccountsView::label);
        open.setId("account-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.addClickListener(e -> openAccount());
        HorizontalLayout form = new HorizontalLayout(new H3("Open an account"), code, name, type, open);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private HorizontalLayout editForm() {
        newName.setId("account-new-name");
        newName.setMaxLength(100);
        rename.setId("account-rename");
        rename.addClickListener(e -> renameSelected());
        toggle.setId("account-toggle");
        toggle.addClickListener(e -> toggleSelected());
        selected(null);
        HorizontalLayout form = new HorizontalLayout(new H3("Selected account"), newName, rename, toggle);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    static String label(AccountType type) {
        String n = type.name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private void selected(Account account) {
        boolean any = account != null;
        newName.setEnabled(any);
        rename.setEnabled(any);
        toggle.setEnabled(any);
        newName.setValue(any ? account.name() : "");
        toggle.setText(any && !account.active() ? "Activate" : "Deactivate");
    }

    void openAccount() {
        try {
            Account opened = ledger.openAccount(caller, code.getValue(), name.getValue(), type.getValue());
            code.clear();
            name.clear();
            type.clear();
            refresh();
            say("Account " + opened.code() + " " + opened.name() + " is open.", false);
        } catch (RuntimeException e) {
            say(LedgerUi.messageOf(e), true);
        }
    }

    void renameSelected() {
        grid.getSelectedItems().stream().findFirst().ifPresent(a -> {
            try {
                Account renamed = ledger.renameAccount(caller, a.code(), newName.getValue());
                refresh();
                say("Account " + renamed.code() + " is now called " + renamed.name() + ".", false);
            } catch (RuntimeException e) {
                say(LedgerUi.messageOf(e), true);
            }
        });
    }

    void toggleSelected() {
        grid.getSelectedItems().stream().findFirst().ifPresent(a -> {
            try {
                Account changed = ledger.setAccountActive(caller, a.code(), !a.active());
                refresh();
                say("Account " + changed.code() + (changed.active() ? " is active again."
                        : " is inactive: nothing can be posted to it any more."), false);
            } catch (RuntimeException e) {
                say(LedgerUi.messageOf(e), true);
            }
        });
    }

    private void say(String text, boolean error) {
        message.setText(text);
        context.notify(text, error);
    }

    void refresh() {
        List<Account> accounts = ledger.accounts();
        grid.setItems(accounts);
        grid.deselectAll();
        selected(null);
    }

    Grid<Account> grid() {
        return grid;
    }
}
