package org.partnerfinance.ui.internal;

import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;

/**
 * The one route target behind every contributed screen: the shell registers it at each screen's path under
 * {@link MainLayout}. On navigation it finds the screen for the path, checks the caller's roles and shows what the
 * screen creates. Vaadin reuses the instance when navigating between two screen paths, so every navigation rebuilds
 * the content.
 */
public class ScreenHost extends Div implements BeforeEnterObserver, HasDynamicTitle, LiveContent {

    private static final long serialVersionUID = 1L;

    private String path;
    private long serviceId = -1;
    private String title = MainLayout.APP_NAME;
    private Component content;

    public ScreenHost() {
        setWidthFull();
        getStyle().set("box-sizing", "border-box").set("padding", "var(--lumo-space-m)");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String requested = ScreenEntry.normalisePath(event.getLocation().getPath());
        Caller caller = SessionCaller.current().orElse(null);
        if (caller == null) {
            event.forwardTo(LoginView.class);
            return;
        }
        ScreenEntry screen = ShellAccess.shell().screen(requested).orElse(null);
        if (screen == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        if (!ShellModel.allowed(screen.roles(), caller.roles())) {
            event.rerouteToError(new AccessDeniedException("You are not allowed to open " + screen.title() + "."),
                    "You are not allowed to open " + screen.title() + ".");
            return;
        }
        removeAll();
        content = null;
        path = screen.path();
        serviceId = screen.serviceId();
        title = screen.title();
        Component created = screen.service().get()
                .create(new ShellScreenContext(caller, event.getUI(), event.getLocation().getQueryParameters()));
        if (created == null) {
            throw new IllegalStateException("Screen '" + screen.path() + "' created no component");
        }
        content = created;
        add(created);
    }

    /** Path of the screen shown, or {@code null} before the first navigation. */
    String path() {
        return path;
    }

    /** {@code service.id} of the screen shown. */
    long serviceId() {
        return serviceId;
    }

    String title() {
        return title;
    }

    @Override
    public String getPageTitle() {
        return title.equals(MainLayout.APP_NAME) ? title : title + " · " + MainLayout.APP_NAME;
    }

    @Override
    public void refresh() {
        if (content instanceof LiveContent live) {
            live.refresh();
        }
    }
}
