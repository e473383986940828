package org.partnerfinance.ui.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.ApiToken;
import org.partnerfinance.security.api.ApiTokens;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.CreatedApiToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * "API tokens" (header of every page): the signed-in user creates personal tokens for the REST API, sees their own
 * (never the secrets) and revokes them. A new token's secret is shown once, in a dialog that says so; the portal keeps
 * only its hash. Every rule (who may, name, expiry, how many) is the token service's; its refusals are shown as they
 * come.
 */
@Route(value = ApiTokensView.PATH, layout = MainLayout.class)
@PageTitle("API tokens · " + MainLayout.APP_NAME)
public class ApiTokensView extends VerticalLayout implements BeforeEnterObserver {

    static final String PATH = "api-tokens";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiTokensView.class);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final transient PortalShell shell;
    private final Grid<ApiToken> grid = new Grid<>();
    private final TextField name = new TextField("Name");
    private final DatePicker expiry = new DatePicker("Expires after (optional)");
    private final Paragraph error = new Paragraph();
    private final Paragraph empty = new Paragraph("You have no API tokens.");

    public ApiTokensView() {
        this.shell = ShellAccess.shell();
        setId("api-tokens");
        setMaxWidth("70rem");
        H2 title = new H2("API tokens");
        title.getStyle().set("margin", "0");
        Paragraph intro = new Paragraph("A token lets a program use the portal's REST API (/api/v1) as you, with "
                + "your roles: send it as the header \"Authorization: Bearer <token>\". Create one token per "
                + "program, so that you can revoke each on its own. Treat a token like a password.");

        name.setId("token-name");
        name.setPlaceholder("e.g. ERP export");
        name.setMaxLength(100);
        name.setWidth("20rem");
        expiry.setId("token-expiry");
        expiry.setHelperText("The token works until the end of this day (UTC). Empty: it does not expire.");
        Button create = new Button("Create token", e -> create());
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        HorizontalLayout form = new HorizontalLayout(name, expiry, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        error.setId("token-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("margin", "0");
        error.setVisible(false);

        grid.setId("token-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ApiToken::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(t -> t.prefix() + "…").setHeader("Token").setAutoWidth(true);
        grid.addColumn(t -> minute(t.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : minute(t.lastUsedAt())).setHeader("Last used")
                .setAutoWidth(true);
        grid.addColumn(t -> expires(t, Clock.systemUTC().instant())).setHeader("Expires").setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        empty.setId("token-empty");

        add(title, intro, form, error, grid, empty);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        expiry.setMin(today);
        refresh();
    }

    private Optional<ApiTokens> tokens() {
        Optional<ApiTokens> tokens = shell.apiTokens();
        if (tokens.isEmpty()) {
            showError("API tokens are not available right now: the user directory is not running.");
        }
        return tokens;
    }

    private void refresh() {
        Caller caller = SessionCaller.require();
        tokens().ifPresent(t -> {
            List<ApiToken> own = t.listOwn(caller);
            grid.setItems(own);
            grid.setVisible(!own.isEmpty());
            empty.setVisible(own.isEmpty());
        });
    }

    private void create() {
        Caller caller = SessionCaller.require();
        Optional<ApiTokens> tokens = tokens();
        if (tokens.isEmpty()) {
            return;
        }
        try {
            CreatedApiToken created = tokens.get().create(caller, name.getValue(), expiresAt(expiry.getValue()));
            name.clear();
            expiry.clear();
            error.setVisible(false);
            refresh();
            showSecret(created);
        } catch (IllegalArgumentException | AccessDeniedException e) {
            showError(e.getMessage());
        } catch (RuntimeException e) {
            String reference = ErrorReference.create();
            LOG.error("API token of '{}' not created [reference {}]", caller.username(), reference, e);
            showError("The token could not be created right now (reference " + reference + ").");
        }
    }

    /** The secret, once. It is not kept in the view: closing the dialog drops the last reference to it. */
    private void showSecret(CreatedApiToken created) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Copy your new token now");
        Span secret = new Span(created.secret());
        secret.setId("api-token-secret");
        secret.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-m)")
                .set("user-select", "all").set("word-break", "break-all")
                .set("background", "var(--lumo-contrast-5pct)").set("padding", "var(--lumo-space-s)");
        Paragraph once = new Paragraph("This is the only time the token is shown: select it and copy it (Ctrl+C) "
                + "into the program that needs it. The portal keeps only a fingerprint and cannot show it again; if "
                + "it is lost, revoke it and create a new one.");
        once.setId("api-token-once");
        Paragraph usage = new Paragraph("Use it as: curl -H \"Authorization: Bearer <token>\" "
                + "https://<portal>/api/v1/me");
        usage.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Button done = new Button("I have copied it", e -> dialog.close());
        done.setId("api-token-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(secret, once, usage));
        dialog.getFooter().add(done);
        dialog.setCloseOnOutsideClick(false);
        dialog.setWidth("36rem");
        dialog.open();
    }

    private Component revokeButton(ApiToken token) {
        Button revoke = new Button("Revoke", e -> confirmRevoke(token));
        revoke.setId("token-revoke-" + token.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return revoke;
    }

    private void confirmRevoke(ApiToken token) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Revoke \"" + token.name() + "\"?");
        confirm.add(new Paragraph("Programs using " + token.prefix() + "… are refused from now on. This cannot be "
                + "undone."));
        Button revoke = new Button("Revoke", e -> {
            confirm.close();
            Caller caller = SessionCaller.require();
            tokens().ifPresent(t -> {
                try {
                    boolean found = t.revoke(caller, token.id()).isPresent();
                    Notification n = Notification.show(found ? "Token \"" + token.name() + "\" revoked."
                            : "That token no longer exists.");
                    n.addThemeVariants(found ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST);
                } catch (AccessDeniedException | IllegalArgumentException ex) {
                    showError(ex.getMessage());
                }
                refresh();
            });
        });
        revoke.setId("token-revoke-confirm");
        revoke.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", e -> confirm.close());
        cancel.setId("token-revoke-cancel");
        confirm.getFooter().add(cancel, revoke);
        confirm.open();
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    /** The moment a token chosen to expire "after" a day stops working: the start of the next day, UTC. */
    static Instant expiresAt(LocalDate lastDay) {
        return lastDay == null ? null : lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static String expires(ApiToken token, Instant now) {
        if (token.expiresAt() == null) {
            return "never";
        }
        return (token.activeAt(now) ? "" : "expired ") + minute(token.expiresAt());
    }

    static String minute(Instant instant) {
        return MINUTE.format(instant);
    }
}
