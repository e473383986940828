package org.partnerfinance.ui.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.DashboardWidget;

/**
 * What the shell knows about one registered {@link DashboardWidget} service, read once when it arrives: from its typed
 * service properties ({@code pf.ui.widget.id} and the others, see {@link ContributionProperties}) without creating the
 * service, or, for a widget registered without {@code pf.ui.widget.id}, through its getters.
 *
 * @param serviceId   {@code service.id}
 * @param id          widget id
 * @param title       card title
 * @param roles       roles that see the widget
 * @param size        width in grid columns, clamped to 1..3
 * @param order       position on the dashboard
 * @param extensionId {@code pf.extension.id}, or {@code null} for a widget that cannot be switched off
 * @param service     the service object, got when first needed (that activates a delayed component)
 */
record WidgetEntry(long serviceId, String id, String title, Set<Role> roles, int size, int order, String extensionId,
        Supplier<DashboardWidget> service) {

    WidgetEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(service, "service");
        roles = roles == null || roles.isEmpty() ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        size = Math.max(1, Math.min(3, size));
    }

    /**
     * Reads a widget service from its properties; asks the service itself only when it has no {@code pf.ui.widget.id}.
     *
     * @param service the service object, got only when called
     * @throws IllegalArgumentException when the widget has no id or title, or a property has a wrong value
     */
    static WidgetEntry of(Map<String, ?> properties, Supplier<DashboardWidget> service) {
        ContributionProperties typed = new ContributionProperties(properties);
        String id = typed.text(ContributionProperties.WIDGET_ID);
        if (id == null) {
            return described(service.get(), properties, service);
        }
        return validated(properties, id, typed.text(ContributionProperties.TITLE), typed.roles(),
                typed.integer(ContributionProperties.WIDGET_SIZE, 1), typed.integer(ContributionProperties.ORDER, 0),
                service);
    }

    /** Reads a widget that describes itself through its getters (registered without typed properties). */
    static WidgetEntry of(DashboardWidget widget, Map<String, ?> properties) {
        return described(widget, properties, () -> widget);
    }

    @SuppressWarnings("deprecation")
    private static WidgetEntry described(DashboardWidget widget, Map<String, ?> properties,
            Supplier<DashboardWidget> service) {
        String id = widget.id();
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("Dashboard widget " + widget.getClass().getName() + " has no id");
        }
        return validated(properties, id, widget.title(), widget.roles(), widget.size(), widget.order(), service);
    }

    private static WidgetEntry validated(Map<String, ?> properties, String id, String title, Set<Role> roles, int size,
            int order, Supplier<DashboardWidget> service) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Dashboard widget '" + id.trim() + "' has no title");
        }
        return new WidgetEntry(ScreenEntry.serviceIdOf(properties), id.trim(), title.trim(), roles, size, order,
                ScreenEntry.text(properties.get(ExtensionConstants.EXTENSION_ID)), service);
    }
}
