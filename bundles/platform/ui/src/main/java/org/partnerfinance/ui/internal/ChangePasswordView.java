package org.partnerfinance.ui.internal;

import java.util.Arrays;

import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;

/**
 * "Choose a new password": reachable by every signed-in user from the header, and the only view a user who signed in
 * with a one-time password can reach until they have chosen their own ({@link AuthGuard} holds them here). It stands
 * outside the main layout, so a user who must change their password sees no menu.
 */
@Route("change-password")
@PageTitle("Choose a new password · " + MainLayout.APP_NAME)
public class ChangePasswordView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ChangePasswordView.class);

    private final transient PortalShell shell;
    private final Paragraph intro = new Paragraph();
    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField next = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("New password again");
    private final Paragraph error = new Paragraph();
    private final Button cancel = new Button("Back to the portal");
    private final Button signOut = new Button("Sign out");

    public ChangePasswordView() {
        this.shell = ShellAccess.shell();
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        current.setId("password-current");
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        current.setWidthFull();
        next.setId("password-new");
        next.setAutocomplete(Autocomplete.NEW_PASSWORD);
        next.setHelperText("At least 12 characters; a few unrelated words are easy to remember and hard to guess.");
        next.setWidthFull();
        repeat.setId("password-repeat");
        repeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeat.setWidthFull();
        error.setId("password-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("margin", "0");
        error.setVisible(false);
        intro.setId("password-intro");

        Button save = new Button("Save new password", e -> save());
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        cancel.setId("password-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> UI.getCurrent().navigate(DashboardView.class));
        // a user held here by a one-time password can still leave
        signOut.setId("password-sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.addClickListener(e -> signOut());

        H2 title = new H2("Choose a new password");
        title.setId("password-title");
        VerticalLayout form = new VerticalLayout(title, intro, current, next, repeat, error,
                new HorizontalLayout(save, cancel, signOut));
        form.setPadding(true);
        form.setMaxWidth("26rem");
        form.getStyle().set("box-shadow", "var(--lumo-box-shadow-m)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-base-color)");
        add(form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Caller caller = SessionCaller.current().orElse(null);
        if (caller == null) {
            event.forwardTo(LoginView.class);
            return;
        }
        boolean forced = caller.mustChangePassword();
        intro.setText(forced
                ? "You signed in with a one-time password. Choose your own password to continue."
                : "Enter your current password and the new one.");
        current.setLabel(forced ? "One-time password" : "Current password");
        cancel.setVisible(!forced);
        signOut.setVisible(forced);
        current.focus();
    }

    private void save() {
        Caller caller = SessionCaller.current().orElse(null);
        if (caller == null) {
            UI.getCurrent().navigate(LoginView.class);
            return;
        }
        char[] old = chars(current.getValue());
        char[] wanted = chars(next.getValue());
        char[] again = chars(repeat.getValue());
        current.clear();
        next.clear();
        repeat.clear();
        try {
            if (!Arrays.equals(wanted, again)) {
                showError("The two new passwords differ.");
                return;
            }
            Caller updated = shell.users().changeOwnPassword(caller, old, wanted);
            SessionCaller.signIn(VaadinSession.getCurrent(), updated);
            LOG.info("User '{}' chose a new password", caller.username());
            UI.getCurrent().navigate(DashboardView.class);
        } catch (IllegalArgumentException | AccessDeniedException | IllegalStateException e) {
            // messages of the directory are meant for the user (policy, wrong current password, busy)
            showError(e.getMessage());
        } catch (RuntimeException e) {
            String reference = ErrorReference.create();
            LOG.error("Password change of '{}' failed [reference {}]", caller.username(), reference, e);
            showError("The password could not be changed right now (reference " + reference + ").");
        } finally {
            Arrays.fill(old, '\0');
            Arrays.fill(wanted, '\0');
            Arrays.fill(again, '\0');
        }
    }

    private void signOut() {
        UI ui = UI.getCurrent();
        VaadinSession session = VaadinSession.getCurrent();
        SessionCaller.signOut(session);
        ui.getPage().setLocation("login");
        session.getSession().invalidate();
    }

    private static char[] chars(String value) {
        return value == null ? new char[0] : value.toCharArray();
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
