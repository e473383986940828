package org.partnerfinance.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.OneTimePassword;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserAccount;
import org.partnerfinance.security.api.UserDirectory;
import org.partnerfinance.ui.api.ScreenContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Lists the users the caller may manage, adds new ones and manages them: edit name and role, disable/enable, reset the
 * password (the one-time password is shown once), unlock a throttled account. Partner administrators manage partner
 * users and partner administrators of their own organisation (the partner is fixed); administrators everyone. The
 * directory enforces the same rules: refusals and invalid input come back from it as messages shown to the user. A new
 * user without an initial password gets a one-time password.
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
        grid.addColumn(a -> a.email() == null ? "" : a.email()).setHeader("E-mail").setAutoWidth(true);
        grid.addComponentColumn(UsersView::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);

        username.setId("user-username");
        username.setHelperText("2 to 64 characters: a-z, 0-9, dot, dash, underscore");
        displayName.setId("user-name");
        password.setId("user-password");
        password.setHelperText("Leave empty to generate a one-time password: the user chooses their own at the first "
                + "sign-in.");
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

    static String statusText(UserAccount a) {
        List<String> parts = new ArrayList<>();
        parts.add(a.enabled() ? "Active" : "Disabled");
        if (a.locked()) {
            parts.add("Locked");
        }
        if (a.passwordChangeRequired()) {
            parts.add("One-time password");
        }
        return String.join(" · ", parts);
    }

    private static Span status(UserAccount a) {
        Span badge = new Span(statusText(a));
        badge.setId("user-status-" + a.username());
        badge.getElement().getThemeList().add("badge");
        badge.getElement().getThemeList().add(a.enabled() && !a.locked() ? "success" : "contrast");
        return badge;
    }

    private HorizontalLayout actions(UserAccount a) {
        Button edit = new Button("Edit", e -> edit(a));
        edit.setId("user-edit-" + a.username());
        Button toggle = new Button(a.enabled() ? "Disable" : "Enable", e -> act(
                () -> users.setEnabled(context.caller(), a.username(), !a.enabled()),
                "User " + a.username() + (a.enabled() ? " disabled." : " enabled.")));
        toggle.setId((a.enabled() ? "user-disable-" : "user-enable-") + a.username());
        Button reset = new Button("Reset password", e -> confirmReset(a));
        reset.setId("user-reset-" + a.username());
        HorizontalLayout row = new HorizontalLayout(edit, toggle, reset);
        if (a.locked()) {
            Button unlock = new Button("Unlock", e -> act(() -> users.unlock(context.caller(), a.username()),
                    "User " + a.username() + " unlocked."));
            unlock.setId("user-unlock-" + a.username());
            row.add(unlock);
        }
        for (Component c : row.getChildren().toList()) {
            ((Button) c).addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        row.setSpacing(false);
        return row;
    }

    /** Runs a management action; the directory's refusal is shown, never a stack trace. */
    private boolean act(Runnable action, String done) {
        try {
            action.run();
            context.notify(done, false);
            error.setVisible(false);
            refresh();
            return true;
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException e) {
            context.notify(e.getMessage(), true);
            error.setText(e.getMessage());
            error.setVisible(true);
            refresh();
            return false;
        }
    }

    private void edit(UserAccount a) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Edit " + a.username());
        TextField name = new TextField("Full name");
        name.setId("edit-name");
        name.setValue(a.displayName());
        Select<Role> editRole = new Select<>();
        editRole.setId("edit-role");
        editRole.setLabel("Role");
        List<Role> choices = new ArrayList<>(assignableRoles(context.caller()));
        if (a.partnerId() != null) {
            choices.removeIf(r -> !r.partnerScoped());
        } else {
            choices.removeIf(Role::partnerScoped);
        }
        editRole.setItems(choices);
        editRole.setItemLabelGenerator(Role::id);
        editRole.setValue(mainRole(a.roles()));
        TextField email = new TextField("E-mail (for notifications)");
        email.setId("edit-email");
        email.setValue(a.email() == null ? "" : a.email());
        Button save = new Button("Save", e -> {
            Role chosen = editRole.getValue();
            Set<Role> roles = rolesFor(chosen);
            String newEmail = email.getValue() == null ? "" : email.getValue().trim();
            if (act(() -> {
                users.update(context.caller(), a.username(), name.getValue(), roles);
                if (!newEmail.equals(a.email() == null ? "" : a.email())) {
                    users.setEmail(context.caller(), a.username(), newEmail);
                }
            }, "User " + a.username() + " saved.")) {
                dialog.close();
            }
        });
        save.setId("edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(name, editRole, email));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    /** The role shown for a user in the single-role editor: partner administrators also hold partner-user. */
    static Role mainRole(Set<Role> roles) {
        if (roles.contains(Role.PARTNER_ADMIN)) {
            return Role.PARTNER_ADMIN;
        }
        return roles.stream().findFirst().orElse(null);
    }

    /** The roles stored for the role chosen in a form (one role per user in this screen). */
    static Set<Role> rolesFor(Role chosen) {
        return chosen == null ? Set.of() : Set.of(chosen);
    }

    private void confirmReset(UserAccount a) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Reset the password of " + a.username() + "?");
        confirm.add(new Paragraph("Their current password stops working. You get a one-time password to hand over; "
                + "they choose their own at the next sign-in."));
        Button reset = new Button("Reset password", e -> {
            confirm.close();
            try {
                OneTimePassword otp = users.resetPassword(context.caller(), a.username());
                showOneTimePassword(otp);
                refresh();
            } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException ex) {
                context.notify(ex.getMessage(), true);
            }
        });
        reset.setId("reset-confirm");
        reset.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.getFooter().add(new Button("Cancel", e -> confirm.close()), reset);
        confirm.open();
    }

    /** Shows a one-time password once; it is not kept anywhere in the view afterwards. */
    private void showOneTimePassword(OneTimePassword otp) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("One-time password for " + otp.account().username());
        Span secret = new Span(otp.password());
        secret.setId("one-time-password");
        secret.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-xl)")
                .set("user-select", "all");
        Paragraph hint = new Paragraph("It is shown only now: select it and copy it (Ctrl+C), then hand it over "
                + "safely. " + (otp.expiresAt() == null ? "" : "It works until " + otp.expiresAt() + ". ")
                + "At the first sign-in the user must choose a new password.");
        Button close = new Button("Done", e -> dialog.close());
        close.setId("one-time-password-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(secret, hint));
        dialog.getFooter().add(close);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
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
            UserAccount created;
            if (secret.length == 0) {
                OneTimePassword otp = users.createWithOneTimePassword(caller, username.getValue().trim(),
                        displayName.getValue().trim(), rolesFor(chosen), partner);
                created = otp.account();
                showOneTimePassword(otp);
            } else {
                created = users.create(caller, username.getValue().trim(), displayName.getValue().trim(), secret,
                        rolesFor(chosen), partner);
            }
            LOG.info("{} created user {} ({})", caller.username(), created.username(), created.roles());
            context.notify("User " + created.username() + " added.", false);
            error.setVisible(false);
            username.clear();
            displayName.clear();
            password.clear();
            refresh();
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
