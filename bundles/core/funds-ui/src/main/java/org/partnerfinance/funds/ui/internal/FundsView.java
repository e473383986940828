package org.partnerfinance.funds.ui.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

import org.partnerfinance.funds.api.AllocationStatus;
import org.partnerfinance.funds.api.Budget;
import org.partnerfinance.funds.api.FundAllocation;
import org.partnerfinance.funds.api.FundProgram;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;

/**
 * Finance's funds screen: programmes, their budgets per period, and the allocations to partners with their buckets
 * as bars. Finance managers and administrators create and edit programmes, budgets and allocations and run the expiry;
 * reviewers read. Every rule (budget never over-allocated, allocation never below what is used) is the service's.
 */
final class FundsView extends VerticalLayout {

    private final ScreenContext context;
    private final FundService funds;
    private final Caller caller;
    private final Clock clock;
    private final Span message = FundsUi.text("funds-message", "");

    final Grid<FundProgram> programs = new Grid<>();
    final Grid<Budget> budgets = new Grid<>();
    final Grid<FundAllocation> allocations = new Grid<>();

    final TextField programId = new TextField("Programme id");
    final TextField programName = new TextField("Name");
    final TextField programTypes = new TextField("Claim types funded (comma separated)");
    final TextField programCurrency = new TextField("Currency");
    final TextField programAccount = new TextField("Expense account");
    final Checkbox programActive = new Checkbox("Active", true);
    final Button saveProgram = new Button("Save programme");

    final TextField budgetPeriod = new TextField("Period");
    final DatePicker budgetStart = new DatePicker("Start");
    final DatePicker budgetEnd = new DatePicker("End");
    final BigDecimalField budgetAmount = new BigDecimalField("Budget");
    final Button saveBudget = new Button("Save budget");

    final ComboBox<Budget> allocationBudget = new ComboBox<>("Budget");
    final TextField allocationPartner = new TextField("Partner id");
    final BigDecimalField allocationAmount = new BigDecimalField("Amount");
    final DatePicker allocationExpiry = new DatePicker("Expiry date");
    final Button allocate = new Button("Allocate");
    final Button updateAllocation = new Button("Update selected allocation");

    final DatePicker expiryAsOf = new DatePicker("Expire allocations as of");
    final Button runExpiry = new Button("Run expiry");

    FundsView(ScreenContext context, FundService funds, Clock clock) {
        this.context = context;
        this.funds = funds;
        this.caller = context.caller();
        this.clock = clock;
        setSizeFull();
        setPadding(false);
        boolean manages = FundsUi.manages(caller);

        programs.setId("fund-programs");
        programs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        programs.setAllRowsVisible(true);
        programs.addColumn(FundProgram::id).setHeader("Id").setAutoWidth(true).setKey("id");
        programs.addColumn(FundProgram::name).setHeader("Name").setAutoWidth(true).setKey("name");
        programs.addColumn(p -> String.join(", ", p.claimTypes())).setHeader("Claim types").setKey("types");
        programs.addColumn(p -> p.currency().getCurrencyCode()).setHeader("Currency").setAutoWidth(true);
        programs.addColumn(FundProgram::expenseAccount).setHeader("Account").setAutoWidth(true);
        programs.addColumn(p -> p.active() ? "Active" : "Inactive").setHeader("State").setAutoWidth(true);
        programs.addSelectionListener(e -> programSelected(e.getFirstSelectedItem().orElse(null)));

        budgets.setId("fund-budgets");
        budgets.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        budgets.setAllRowsVisible(true);
        budgets.addColumn(Budget::programId).setHeader("Programme").setAutoWidth(true);
        budgets.addColumn(Budget::period).setHeader("Period").setAutoWidth(true).setKey("period");
        budgets.addColumn(b -> b.start() + " – " + b.end()).setHeader("Dates").setAutoWidth(true);
        budgets.addColumn(b -> FundsUi.amount(b.amount())).setHeader("Budget").setAutoWidth(true).setKey("amount");
        budgets.addColumn(b -> FundsUi.amount(b.allocated())).setHeader("Allocated").setAutoWidth(true)
                .setKey("allocated");
        budgets.addColumn(b -> FundsUi.amount(b.unallocated())).setHeader("Not allocated").setAutoWidth(true);
        budgets.addSelectionListener(e -> budgetSelected(e.getFirstSelectedItem().orElse(null)));

        allocations.setId("fund-allocations");
        allocations.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        allocations.addColumn(FundAllocation::partnerId).setHeader("Partner").setAutoWidth(true).setKey("partner");
        allocations.addColumn(FundAllocation::label).setHeader("Programme and period").setAutoWidth(true)
                .setKey("label");
        allocations.addColumn(a -> a.expiryDate().toString()).setHeader("Expires").setAutoWidth(true)
                .setKey("expiry");
        allocations.addColumn(a -> a.status() == AllocationStatus.ACTIVE ? "Active" : "Expired").setHeader("State")
                .setAutoWidth(true).setKey("state");
        allocations.addComponentColumn(a -> FundsUi.bar(a.balance())).setHeader("Use").setWidth("12em")
                .setFlexGrow(1);
        allocations.addColumn(a -> FundsUi.amount(a.balance().allocated())).setHeader("Allocated").setAutoWidth(true)
                .setKey("allocated");
        allocations.addColumn(a -> FundsUi.amount(a.balance().reserved())).setHeader("Reserved").setAutoWidth(true)
                .setKey("reserved");
        allocations.addColumn(a -> FundsUi.amount(a.balance().approved())).setHeader("Approved").setAutoWidth(true)
                .setKey("approved");
        allocations.addColumn(a -> FundsUi.amount(a.balance().paid())).setHeader("Paid").setAutoWidth(true)
                .setKey("paid");
        allocations.addColumn(a -> FundsUi.amount(a.balance().expired())).setHeader("Expired").setAutoWidth(true)
                .setKey("expired");
        allocations.addColumn(a -> FundsUi.amount(a.balance().available())).setHeader("Available")
                .setAutoWidth(true).setKey("available");
        allocations.addSelectionListener(e -> allocationSelected(e.getFirstSelectedItem().orElse(null)));

        add(message, new H3("Programmes"), programs);
        if (manages) {
            programId.setId("program-id");
            programName.setId("program-name");
            programTypes.setId("program-types");
            programCurrency.setId("program-currency");
            programCurrency.setValue("EUR");
            programAccount.setId("program-account");
            programAccount.setValue(Accounts.MARKETING_FUNDS);
            saveProgram.setId("program-save");
            saveProgram.addClickListener(e -> saveProgram());
            add(row(programId, programName, programTypes, programCurrency, programAccount, programActive,
                    saveProgram));
        }
        add(new H3("Budgets"), budgets);
        if (manages) {
            budgetPeriod.setId("budget-period");
            budgetStart.setId("budget-start");
            budgetEnd.setId("budget-end");
            budgetAmount.setId("budget-amount");
            saveBudget.setId("budget-save");
            saveBudget.addClickListener(e -> saveBudget());
            add(row(budgetPeriod, budgetStart, budgetEnd, budgetAmount, saveBudget));
        }
        add(new H3("Allocations"), FundsUi.legend(), allocations);
        setFlexGrow(1, allocations);
        if (manages) {
            allocationBudget.setId("allocation-budget");
            allocationBudget.setItemLabelGenerator(b -> b.programId() + " " + b.period());
            allocationPartner.setId("allocation-partner");
            allocationAmount.setId("allocation-amount");
            allocationExpiry.setId("allocation-expiry");
            allocate.setId("allocation-create");
            allocate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            allocate.addClickListener(e -> allocate());
            updateAllocation.setId("allocation-update");
            updateAllocation.setEnabled(false);
            updateAllocation.addClickListener(e -> updateAllocation());
            add(row(allocationBudget, allocationPartner, allocationAmount, allocationExpiry, allocate,
                    updateAllocation));
            expiryAsOf.setId("expiry-as-of");
            expiryAsOf.setValue(LocalDate.now(clock));
            runExpiry.setId("expiry-run");
            runExpiry.addClickListener(e -> runExpiry());
            add(row(expiryAsOf, runExpiry));
        }
        refresh();
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private void programSelected(FundProgram p) {
        if (p == null) {
            return;
        }
        programId.setValue(p.id());
        programName.setValue(p.name());
        programTypes.setValue(String.join(", ", p.claimTypes()));
        programCurrency.setValue(p.currency().getCurrencyCode());
        programAccount.setValue(p.expenseAccount());
        programActive.setValue(p.active());
        refreshBudgets();
    }

    private void budgetSelected(Budget b) {
        if (b == null) {
            return;
        }
        budgetPeriod.setValue(b.period());
        budgetStart.setValue(b.start());
        budgetEnd.setValue(b.end());
        budgetAmount.setValue(b.amount().amount());
        allocationBudget.setValue(b);
    }

    private void allocationSelected(FundAllocation a) {
        updateAllocation.setEnabled(a != null && a.status() == AllocationStatus.ACTIVE);
        if (a == null) {
            return;
        }
        allocationPartner.setValue(a.partnerId());
        allocationAmount.setValue(a.balance().allocated().amount());
        allocationExpiry.setValue(a.expiryDate());
    }

    private FundProgram selectedProgram() {
        return programs.getSelectedItems().stream().findFirst().orElse(null);
    }

    void saveProgram() {
        run(() -> {
            FundProgram selected = selectedProgram();
            boolean editing = selected != null && selected.id().equals(programId.getValue().strip());
            Set<String> types = Arrays.stream(programTypes.getValue().split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            Currency currency = Money.currency(programCurrency.getValue().strip());
            FundProgram saved = funds.saveProgram(caller, new FundProgram(programId.getValue(),
                    programName.getValue(), types, currency, programAccount.getValue(), programActive.getValue(),
                    editing ? selected.version() : 0));
            refresh();
            programs.select(saved);
            return "Programme " + saved.id() + " saved.";
        });
    }

    void saveBudget() {
        run(() -> {
            FundProgram program = selectedProgram();
            if (program == null) {
                throw new IllegalArgumentException("Choose the programme of the budget first.");
            }
            Budget selected = budgets.getSelectedItems().stream().findFirst().orElse(null);
            boolean editing = selected != null && selected.period().equals(budgetPeriod.getValue().strip());
            Budget saved = funds.saveBudget(caller, new Budget(editing ? selected.id() : 0, program.id(),
                    budgetPeriod.getValue(), budgetStart.getValue(), budgetEnd.getValue(),
                    money(budgetAmount.getValue(), program.currency()), null, editing ? selected.version() : 0));
            refreshBudgets();
            return "Budget " + saved.programId() + " " + saved.period() + " saved.";
        });
    }

    void allocate() {
        run(() -> {
            Budget budget = allocationBudget.getValue();
            if (budget == null) {
                throw new IllegalArgumentException("Choose the budget to allocate from.");
            }
            FundAllocation a = funds.allocate(caller, budget.id(), allocationPartner.getValue(),
                    money(allocationAmount.getValue(), budget.amount().currency()), allocationExpiry.getValue());
            refresh();
            return a.balance().allocated().format() + " of " + a.label() + " allocated to " + a.partnerId() + ".";
        });
    }

    void updateAllocation() {
        run(() -> {
            FundAllocation selected = allocations.getSelectedItems().stream().findFirst().orElseThrow(() ->
                    new IllegalArgumentException("Choose the allocation to change."));
            FundAllocation a = funds.updateAllocation(caller, selected.id(), selected.version(),
                    money(allocationAmount.getValue(), selected.balance().currency()), allocationExpiry.getValue());
            refresh();
            return "The allocation of " + a.label() + " to " + a.partnerId() + " is now "
                    + a.balance().allocated().format() + ", expiring " + a.expiryDate() + ".";
        });
    }

    void runExpiry() {
        run(() -> {
            if (expiryAsOf.getValue() == null) {
                throw new IllegalArgumentException("Choose the date to expire allocations as of.");
            }
            List<FundAllocation> expired = funds.expire(caller, expiryAsOf.getValue());
            refresh();
            return expired.isEmpty() ? "No allocation was due to expire."
                    : expired.size() + " allocation(s) expired; what was left of them is released.";
        });
    }

    private static Money money(BigDecimal amount, Currency currency) {
        if (amount == null) {
            throw new IllegalArgumentException("Enter the amount.");
        }
        return new Money(amount, currency);
    }

    private interface Action {
        String run();
    }

    private void run(Action action) {
        try {
            say(action.run(), false);
        } catch (RuntimeException e) {
            say(FundsUi.messageOf(e), true);
            refresh();
        }
    }

    private void say(String text, boolean error) {
        message.setText(text);
        context.notify(text, error);
    }

    void refresh() {
        try {
            FundProgram selected = selectedProgram();
            programs.setItems(funds.programs(caller));
            if (selected != null) {
                funds.programs(caller).stream().filter(p -> p.id().equals(selected.id())).findFirst()
                        .ifPresent(programs::select);
            }
            refreshBudgets();
            allocations.setItems(funds.allocations(caller, null, null));
            allocationSelected(null);
        } catch (RuntimeException e) {
            message.setText(FundsUi.messageOf(e));
        }
    }

    private void refreshBudgets() {
        FundProgram program = selectedProgram();
        List<Budget> all = funds.budgets(caller, null);
        budgets.setItems(program == null ? all : all.stream().filter(b -> b.programId().equals(program.id()))
                .toList());
        allocationBudget.setItems(all);
    }
}
