package org.partnerfinance.ui.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.QueryParameters;

/** The {@link ScreenContext} handed to screens and widgets. */
final class ShellScreenContext implements ScreenContext {

    private final Caller caller;
    private final UI ui;
    private final Map<String, List<String>> queryParameters;

    ShellScreenContext(Caller caller, UI ui, QueryParameters queryParameters) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters.getParameters());
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public UI ui() {
        return ui;
    }

    @Override
    public Map<String, List<String>> queryParameters() {
        return queryParameters;
    }

    @Override
    public void navigate(String pathAndQuery) {
        String target = pathAndQuery == null ? "" : pathAndQuery.trim();
        int question = target.indexOf('?');
        String path = ScreenEntry.normalisePath(question < 0 ? target : target.substring(0, question));
        QueryParameters query = question < 0 ? QueryParameters.empty()
                : QueryParameters.fromString(target.substring(question + 1));
        ui.navigate(path, query);
    }

    @Override
    public void notify(String message, boolean error) {
        if (UI.getCurrent() == ui) {
            show(message, error);
        } else {
            // called from a background thread: hand over to the UI (pushed to the browser)
            ui.access(() -> show(message, error));
        }
    }

    /** Shows a notification in the current UI (call on the UI thread). */
    static void show(String message, boolean error) {
        Notification notification = new Notification(message, error ? 8000 : 4000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
        notification.open();
    }
}
