package org.partnerfinance.ui.internal;

import java.util.Arrays;
import java.util.List;

import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.LoginResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;

/**
 * Sign-in against the portal's own users ({@code UserDirectory.login}). On success the HTTP session id is renewed
 * before the caller is stored in the session, so a session id known before sign-in is worthless afterwards. The
 * client's address (the request's remote address) goes to the directory, which throttles by user name and by address.
 * A user who signed in with a one-time password goes on to choose a new one.
 */
@Route("login")
@PageTitle("Sign in · " + MainLayout.APP_NAME)
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LoginView.class);

    private final transient PortalShell shell;
    private final TextField username = new TextField("User name");
    private final PasswordField password = new PasswordField("Password");
    private final Button signIn = new Button("Sign in");
    private final Paragraph error = new Paragraph();

    public LoginView() {
        this.shell = ShellAccess.shell();
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        H1 title = new H1(MainLayout.APP_NAME);
        title.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("margin", "0");

        username.setId("login-username");
        username.setAutofocus(true);
        username.setAutocomplete(Autocomplete.USERNAME);
        username.setWidthFull();
        password.setId("login-password");
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        password.setWidthFull();
        signIn.setId("login-submit");
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.setWidthFull();
        signIn.addClickShortcut(Key.ENTER);
        signIn.addClickListener(e -> signIn());
        error.setId("login-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("margin", "0");
        error.setVisible(false);

        VerticalLayout form = new VerticalLayout(title, username, password, error, signIn);
        form.setPadding(true);
        form.setMaxWidth("24rem");
        form.getStyle().set("box-shadow", "var(--lumo-box-shadow-m)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-base-color)");
        add(form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean disabled = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault(SessionCheck.SIGNED_OUT_PARAMETER, List.of())
                .contains(SessionCheck.SIGNED_OUT_DISABLED);
        if (disabled) {
            showError(SessionCheck.DISABLED_MESSAGE);
        }
    }

    private void signIn() {
        String name = username.getValue() == null ? "" : username.getValue().trim();
        char[] secret = password.getValue() == null ? new char[0] : password.getValue().toCharArray();
        password.clear();
        if (name.isEmpty() || secret.length == 0) {
            showError("Enter your user name and password.");
            return;
        }
        // the client as the security filter resolved it (behind a trusted proxy: the address the proxy reports)
        String address = ClientAddress.current();
        LoginResult result;
        try {
            result = shell.users().login(name, secret, address);
        } catch (RuntimeException e) {
            String reference = ErrorReference.create();
            LOG.error("Sign-in of '{}' failed [reference {}]", name, reference, e);
            showError("Signing in is not possible right now (reference " + reference + ").");
            return;
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (!result.succeeded()) {
            LOG.info("Sign-in of '{}' refused: {}", name, result.message());
            showError(result.message() == null || result.message().isBlank() ? "Wrong user name or password."
                    : result.message());
            password.focus();
            return;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null) {
            // without an HTTP request the session id cannot be renewed: refuse rather than keep the old id
            LOG.error("Sign-in of '{}' outside an HTTP request; refused", name);
            showError("Signing in is not possible right now. Please reload the page.");
            return;
        }
        Caller caller = result.caller().orElseThrow();
        VaadinService.reinitializeSession(request);
        SessionCaller.signIn(VaadinSession.getCurrent(), caller);
        LOG.info("User '{}' signed in", caller.username());
        if (caller.mustChangePassword()) {
            UI.getCurrent().navigate(ChangePasswordView.class);
        } else {
            UI.getCurrent().navigate(DashboardView.class);
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
