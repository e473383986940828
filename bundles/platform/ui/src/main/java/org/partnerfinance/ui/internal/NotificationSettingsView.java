package org.partnerfinance.ui.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partnerfinance.notifications.api.NotificationKind;
import org.partnerfinance.notifications.api.Notifications;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.UserAccount;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * "Notification settings" (header and bell): the signed-in user's e-mail address and, per kind of notification,
 * whether it also comes by e-mail. The bell always shows every notification. The services check and store; their
 * refusals are shown as they come.
 */
@Route(value = NotificationSettingsView.PATH, layout = MainLayout.class)
@PageTitle("Notification settings · " + MainLayout.APP_NAME)
public class NotificationSettingsView extends VerticalLayout implements BeforeEnterObserver {

    static final String PATH = "notification-settings";

    private static final long serialVersionUID = 1L;

    private final transient PortalShell shell;
    private final EmailField email = new EmailField("My e-mail address");
    private final Paragraph mailState = new Paragraph();
    private final VerticalLayout kinds = new VerticalLayout();
    private final Paragraph error = new Paragraph();

    public NotificationSettingsView() {
        this.shell = ShellAccess.shell();
        setId("notification-settings");
        setMaxWidth("50rem");
        H2 title = new H2("Notification settings");
        title.getStyle().set("margin", "0");
        Paragraph intro = new Paragraph("The bell in the header shows every notification. Choose which of them you "
                + "also get by e-mail.");
        email.setId("settings-email");
        email.setWidth("22rem");
        email.setClearButtonVisible(true);
        Button save = new Button("Save address", e -> saveEmail());
        save.setId("settings-email-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout address = new HorizontalLayout(email, save);
        address.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        mailState.setId("settings-mail-state");
        mailState.getStyle().set("color", "var(--lumo-secondary-text-color)");
        kinds.setId("settings-kinds");
        kinds.setPadding(false);
        kinds.setSpacing(false);
        error.setId("settings-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        add(title, intro, error, address, mailState, new H3("By e-mail"), kinds);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        Caller caller = SessionCaller.require();
        try {
            Optional<UserAccount> me = shell.users().account(caller, caller.username());
            email.setValue(me.map(UserAccount::email).orElse(""));
            kinds.removeAll();
            Optional<Notifications> service = shell.notifications();
            if (service.isEmpty()) {
                mailState.setText("Notifications are not available right now.");
                return;
            }
            Notifications notifications = service.get();
            mailState.setText(notifications.mailEnabled() ? ""
                    : "The portal does not send e-mails at the moment; your choices apply once it does.");
            mailState.setVisible(!notifications.mailEnabled());
            Map<String, Boolean> chosen = notifications.emailPreferences(caller);
            List<NotificationKind> all = notifications.kinds(caller);
            for (NotificationKind kind : all) {
                Checkbox box = new Checkbox(kind.label(), chosen.getOrDefault(kind.id(), true));
                box.setId("email-pref-" + kind.id().replace('.', '-'));
                box.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        choose(kind, e.getValue());
                    }
                });
                kinds.add(box);
            }
        } catch (AccessDeniedException e) {
            showError(e.getMessage());
        }
    }

    private void choose(NotificationKind kind, boolean byEmail) {
        Caller caller = SessionCaller.require();
        try {
            shell.notifications().orElseThrow(() -> new IllegalStateException(
                    "Notifications are not available right now.")).setEmailPreference(caller, kind.id(), byEmail);
            error.setVisible(false);
            show((byEmail ? "You get \"" : "No more e-mails for \"") + kind.label() + "\".", false);
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException e) {
            showError(e.getMessage());
            refresh();
        }
    }

    private void saveEmail() {
        Caller caller = SessionCaller.require();
        try {
            UserAccount saved = shell.users().setEmail(caller, caller.username(), email.getValue());
            email.setValue(saved.email() == null ? "" : saved.email());
            error.setVisible(false);
            show(saved.email() == null ? "E-mail address removed." : "E-mail address saved.", false);
        } catch (IllegalArgumentException | AccessDeniedException e) {
            showError(e.getMessage());
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private static void show(String message, boolean failure) {
        Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(failure ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
    }
}
