package org.partnerfinance.ui.api;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.partnerfinance.security.api.Role;

import com.vaadin.flow.component.Component;

/**
 * A dashboard card contributed by a bundle. Register as a service with the properties {@code pf.extension.id},
 * {@code pf.extension.kind=widget}.
 */
@ConsumerType
public interface DashboardWidget {

    String id();

    String title();

    /** Roles that see this widget. */
    Set<Role> roles();

    /** Width in grid columns: 1 (narrow) to 3 (full width). */
    default int size() {
        return 1;
    }

    /** Position on the dashboard, low first. */
    int order();

    /** Creates the widget content for the current user. Called on the UI thread. */
    Component create(ScreenContext context);
}
