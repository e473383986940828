package org.partnerfinance.ui.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;

/**
 * The frame around every signed-in page: header with the application name, the user and sign-out; a side menu built
 * from the screens the user may see. While attached it is registered with {@link PortalShell}, which tells it (through
 * {@code UI.access} and push) when screens, widgets or toggles change.
 */
public class MainLayout extends AppLayout {

    static final String APP_NAME = "Partner Finance Portal";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MainLayout.class);

    private final transient PortalShell shell;
    private final Caller caller;
    private final VerticalLayout navigation = new VerticalLayout();
    private HasElement content;
    private transient Registration registration;

    public MainLayout() {
        this.shell = ShellAccess.shell();
        this.caller = SessionCaller.require();
        setPrimarySection(Section.DRAWER);
        addToNavbar(header());
        navigation.setPadding(false);
        navigation.setSpacing(true);
        navigation.getStyle().set("padding", "var(--lumo-space-s)");
        Scroller scroller = new Scroller(navigation);
        scroller.setId("main-menu");
        addToDrawer(scroller);
        rebuildMenu();
    }

    private HorizontalLayout header() {
        H1 appName = new H1(APP_NAME);
        appName.setId("app-name");
        appName.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        Span user = new Span(caller.displayName());
        user.setId("current-user");
        user.getStyle().set("font-weight", "600");
        Span roles = new Span(roleText(caller));
        roles.setId("current-roles");
        roles.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div who = new Div(user, new Span(" · "), roles);

        Button changePassword = new Button("Change password", VaadinIcon.KEY.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(ChangePasswordView.class)));
        changePassword.setId("change-password");
        changePassword.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Button apiTokens = new Button("API tokens", VaadinIcon.CONNECT.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(ApiTokensView.class)));
        apiTokens.setId("api-tokens-link");
        apiTokens.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Button notificationSettings = new Button("Notifications", VaadinIcon.ENVELOPE_O.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(NotificationSettingsView.class)));
        notificationSettings.setId("notification-settings-link");
        notificationSettings.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> signOut());
        signOut.setId("logout");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), appName, who);
        // the bell, while the notifications service runs (it is part of the platform feature)
        shell.notifications().ifPresent(n -> header.add(new NotificationBell(n, shell.liveUpdates(), caller)));
        header.add(changePassword, apiTokens, notificationSettings, signOut);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(appName);
        header.setWidthFull();
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        return header;
    }

    static String roleText(Caller caller) {
        return caller.roles().stream().map(Role::id).collect(Collectors.joining(", "));
    }

    /** Rebuilds the side menu from the screens the user may see now. */
    private void rebuildMenu() {
        navigation.removeAll();
        SideNav main = new SideNav();
        main.setWidthFull();
        SideNavItem dashboard = new SideNavItem("Dashboard", DashboardView.class, VaadinIcon.DASHBOARD.create());
        dashboard.setId("nav-home");
        main.addItem(dashboard);
        navigation.add(main);
        List<MenuGroup> groups = shell.menu(caller);
        for (MenuGroup group : groups) {
            SideNav nav = group.section() == MenuSection.HOME ? main : new SideNav(group.section().label());
            nav.setWidthFull();
            for (MenuItem item : group.items()) {
                SideNavItem entry = new SideNavItem(item.title(), item.path(), Icons.create(item.icon()));
                entry.setId("nav-" + item.path().replace('/', '-'));
                nav.addItem(entry);
            }
            if (nav != main) {
                navigation.add(nav);
            }
        }
    }

    @Override
    public void showRouterLayoutContent(HasElement newContent) {
        super.showRouterLayoutContent(newContent);
        this.content = newContent;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        registration = new Registration(attachEvent.getUI());
        shell.register(registration);
        // the menu may have changed between construction and attach
        rebuildMenu();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (registration != null) {
            shell.unregister(registration);
            registration = null;
        }
        super.onDetach(detachEvent);
    }

    /** Runs on the UI thread after the shell changed. */
    private void shellChanged(UI ui, RouteDiff diff) {
        rebuildMenu();
        if (content instanceof ScreenHost host && host.path() != null) {
            for (ScreenEntry gone : diff.gone()) {
                if (gone.path().equals(host.path()) && gone.serviceId() == host.serviceId()) {
                    ui.navigate(DashboardView.class);
                    Notification notification = Notification.show(gone.title() + " is no longer available", 6000,
                            Notification.Position.TOP_CENTER);
                    notification.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
                    return;
                }
            }
        }
        if (content instanceof LiveContent live) {
            live.refresh();
        }
    }

    /**
     * Runs on the UI thread when the periodic check found the user's record changed: a disabled user's session ends
     * (the browser goes to the login page, which says why); otherwise the session takes the new record and the page
     * is rebuilt, so menus, screens and the caller they hand to services all follow the new roles.
     */
    private void userChanged(UI ui, Optional<Caller> stored) {
        VaadinSession session = ui.getSession();
        Caller current = SessionCaller.of(session).orElse(null);
        if (current == null) {
            ui.getPage().setLocation("login");
            return;
        }
        switch (SessionCheck.compare(current, stored)) {
            case ENDED:
                LOG.info("Session of '{}' ends: the account is disabled or gone", current.username());
                SessionCaller.signOut(session);
                ui.getPage().setLocation("login?" + SessionCheck.SIGNED_OUT_PARAMETER + "="
                        + SessionCheck.SIGNED_OUT_DISABLED);
                break;
            case CHANGED:
                LOG.info("Session of '{}' takes the user's changed record", current.username());
                SessionCaller.signIn(session, stored.get());
                ui.getPage().reload();
                break;
            default:
                if (!SessionCheck.compare(caller, stored).equals(SessionCheck.Outcome.UNCHANGED)) {
                    // another tab of this session already took the change: rebuild this one too
                    ui.getPage().reload();
                }
        }
    }

    private void signOut() {
        UI ui = UI.getCurrent();
        VaadinSession session = VaadinSession.getCurrent();
        LOG.info("User '{}' signed out", caller.username());
        SessionCaller.signOut(session);
        // relative to the application's base URL, so it works wherever the servlet is mounted
        ui.getPage().setLocation("login");
        session.getSession().invalidate();
    }

    /** This layout's entry in the shell's registry of open UIs. */
    private final class Registration implements OpenView {

        private final UI ui;

        Registration(UI ui) {
            this.ui = ui;
        }

        @Override
        public String username() {
            return caller.username();
        }

        @Override
        public boolean userChecked(Optional<Caller> stored) {
            if (ui.isClosing()) {
                return false;
            }
            if (SessionCheck.compare(caller, stored) == SessionCheck.Outcome.UNCHANGED) {
                // the common case costs no UI access and no push
                return true;
            }
            try {
                ui.access(() -> MainLayout.this.userChanged(ui, stored));
                return true;
            } catch (UIDetachedException e) {
                return false;
            }
        }

        @Override
        public boolean shellChanged(RouteDiff diff) {
            if (ui.isClosing()) {
                return false;
            }
            try {
                ui.access(() -> MainLayout.this.shellChanged(ui, diff));
                return true;
            } catch (UIDetachedException e) {
                return false;
            }
        }
    }
}
