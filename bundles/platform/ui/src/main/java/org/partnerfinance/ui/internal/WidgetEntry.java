package org.partnerfinance.ui.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.DashboardWidget;

/**
 * What the shell knows about one registered {@link DashboardWidget} service, read once when it arrives.
 *
 * @param serviceId   {@code service.id}
 * @param id          widget id
 * @param title       card title
 * @param roles       roles that see the widget
 * @param size        width in grid columns, clamped to 1..3
 * @param order       position on the dashboard
 * @param extensionId {@code pf.extension.id}, or {@code null} for a widget that cannot be switched off
 * @param widget      the service object
 */
record WidgetEntry(long serviceId, String id, String title, Set<Role> roles, int size, int order, String extensionId,
        DashboardWidget widget) {

    WidgetEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        roles = roles == null || roles.isEmpty() ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        size = Math.max(1, Math.min(3, size));
    }

    /**
     * Reads a widget service.
     *
     * @throws IllegalArgumentException when the widget has no id or title
     */
    static WidgetEntry of(DashboardWidget widget, Map<String, ?> properties) {
        String id = widget.id();
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("Dashboard widget " + widget.getClass().getName() + " has no id");
        }
        String title = widget.title();
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Dashboard widget '" + id + "' has no title");
        }
        return new WidgetEntry(ScreenEntry.serviceIdOf(properties), id.trim(), title.trim(), widget.roles(),
                widget.size(), widget.order(), ScreenEntry.text(properties.get(ExtensionConstants.EXTENSION_ID)),
                widget);
    }
}
