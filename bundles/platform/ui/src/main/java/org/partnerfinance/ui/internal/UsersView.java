package org.partnerfinance.ui.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserAccount;
import org.partnerfinance.security.api.UserDirectory;
import org.partnerfinance.ui.api.ScreenContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Lists the users the caller may manage and adds new ones. Partner administrators add partner users and partner
 * administrators of their own organisation (the partner is fixed); administrators add any role and name the partner of
 * partner roles. Refusals and invalid input come back from the directory as messages shown above the form.
 */
final class UsersView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(UsersView.class);

    private final transient UserDirectory users;
    private final transient ScreenContext context;
    private final Grid<UserAccount> grid = new Grid<>();
    private final TextField username = new TextField("User name");
    private final TextField displayName = new TextField("Full name");
    private final PasswordField password = new PasswordField("Initial password");
    private final Select<Role> role = new Select<>();
    private final TextField partnerId = new TextField("Partner");
    private final Paragraph error = new Paragraph();

    UsersView(UserDirectory users, ScreenContext context) {
        this.users = users;
        this.context = context;
        setPadding(false);
        setId("users");
        Caller caller = context.caller();

        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(UserAccount::username).setHeader("User name").setAutoWidth(true);
        grid.addColumn(UserAccount::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(a -> a.roles().stream().map(Role::id).sorted().collect(Collectors.joining(", ")))
                .setHeader("Roles").setAutoWidth(true);
        grid.addColumn(a -> a.partnerId() == null ? "" : a.partnerId()).setHeader("Partner").setAutoWidth(true);
        grid.addComponentColumn(a -> status(a.enabled())).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);

        username.setId("user-username");
        username.setHelperText("2 to 64 characters: a-z, 0-9, dot, dash, underscore");
        displayName.setId("user-name");
        password.setId("user-password");
        role.setId("user-role");
        role.setLabel("Role");
        role.setItems(assignableRoles(caller));
        role.setItemLabelGenerator(Role::id);
        role.setValue(Role.PARTNER_USER);
        partnerId.setId("user-partner");
        if (caller.isPartner()) {
            partnerId.setValue(caller.partnerId());
            partnerId.setReadOnly(true);
        } else {
            partnerId.setHelperText("Required for partner roles, e.g. P-1001; empty for staff");
        }
        error.setId("user-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        Button add = new Button("Add user", e -> create());
        add.setId("user-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FormLayout form = new FormLayout(username, displayName, password, role, partnerId);
        add(new H2("Users"),
                new Paragraph(caller.isPartner()
                        ? "The users of your organisation " + caller.partnerId() + "."
                        : "All users of the portal."),
                grid, new H3("Add a user"), error, form, add);
        refresh();
    }

    /** Roles the caller may hand out; the directory enforces the same rule. */
    static List<Role> assignableRoles(Caller caller) {
        if (caller.has(Role.ADMINISTRATOR) && !caller.isPartner()) {
            return Arrays.asList(Role.values());
        }
        return List.of(Role.PARTNER_USER, Role.PARTNER_ADMIN);
    }

    private static Span status(boolean enabled) {
        Span badge = new Span(enabled ? "Active" : "Disabled");
        badge.getElement().getThemeList().add("badge");
        badge.getElement().getThemeList().add(enabled ? "success" : "contrast");
        return badge;
    }

    private void refresh() {
        grid.setItems(users.list(context.caller()));
    }

    private void create() {
        Caller caller = context.caller();
        Role chosen = role.getValue();
        String partner = partnerId.getValue() == null || partnerId.getValue().isBlank() ? null
                : partnerId.getValue().trim();
        char[] secret = password.getValue() == null ? new char[0] : password.getValue().toCharArray();
        try {
            UserAccount created = users.create(caller, username.getValue().trim(), displayName.getValue().trim(), secret,
                    chosen == null ? Set.of() : Set.of(chosen), partner);
            LOG.info("{} created user {} ({})", caller.username(), created.username(), created.roles());
            context.notify("User " + created.username() + " added.", false);
            error.setVisible(false);
            username.clear();
            displayName.clear();
            password.clear();
            refresh();
        } catch (IllegalArgumentException | AccessDeniedException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
