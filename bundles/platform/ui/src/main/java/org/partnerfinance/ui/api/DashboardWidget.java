package org.partnerfinance.ui.api;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.partnerfinance.security.api.Role;

import com.vaadin.flow.component.Component;

/**
 * A dashboard card contributed by a bundle, described by typed service properties that the shell reads without
 * creating the service:
 *
 * <pre>
 * &#64;Component(service = DashboardWidget.class, property = { "pf.extension.id=my-claims", "pf.extension.kind=widget" })
 * &#64;WidgetId("my-claims") &#64;Title("My claims") &#64;Roles({ Role.PARTNER_USER }) &#64;Order(10) &#64;WidgetSize(2)
 * public class MyClaimsWidget implements DashboardWidget { ... create(context) ... }
 * </pre>
 *
 * <p>The getters below are read only for a widget registered without {@link WidgetId}, as widgets were described
 * before the typed properties; they answer nothing by default.
 */
@ConsumerType
public interface DashboardWidget {

    /** Creates the widget content for the current user. Called on the UI thread. */
    Component create(ScreenContext context);

    /** @deprecated describe the widget with {@link WidgetId} */
    @Deprecated
    default String id() {
        return null;
    }

    /** @deprecated use {@link Title} */
    @Deprecated
    default String title() {
        return null;
    }

    /**
     * Roles that see this widget.
     *
     * @deprecated use {@link Roles}
     */
    @Deprecated
    default Set<Role> roles() {
        return Set.of();
    }

    /**
     * Width in grid columns: 1 (narrow) to 3 (full width).
     *
     * @deprecated use {@link WidgetSize}
     */
    @Deprecated
    default int size() {
        return 1;
    }

    /**
     * Position on the dashboard, low first.
     *
     * @deprecated use {@link Order}
     */
    @Deprecated
    default int order() {
        return 0;
    }
}
