package org.partnerfinance.ui.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.partnerfinance.security.api.Role;

/**
 * Reads the typed whiteboard properties of screens and widgets ({@code org.partnerfinance.ui.api.ScreenPath},
 * {@code Title}, ...) from a service's properties. Annotated components get them as DS writes them (strings, integers,
 * string arrays for enum arrays); bundles that register services by hand may use any of the usual forms (a single
 * string or an array or collection for a list, a number or its text for an integer).
 */
final class ContributionProperties {

    static final String SCREEN_PATH = "pf.ui.screen.path";
    static final String TITLE = "pf.ui.title";
    static final String ICON = "pf.ui.icon";
    static final String SECTION = "pf.ui.section";
    static final String ORDER = "pf.ui.order";
    static final String ROLES = "pf.ui.roles";
    static final String WIDGET_ID = "pf.ui.widget.id";
    static final String WIDGET_SIZE = "pf.ui.widget.size";

    private final Map<String, ?> properties;

    ContributionProperties(Map<String, ?> properties) {
        this.properties = properties;
    }

    /** A property as trimmed text (a String or the first element of an array); {@code null} when absent or blank. */
    String text(String name) {
        return ScreenEntry.text(properties.get(name));
    }

    /** An integer property, or {@code fallback} when absent. */
    int integer(String name, int fallback) {
        Object value = properties.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        String text = ScreenEntry.text(value);
        try {
            return text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + text + "'");
        }
    }

    /** An enum property by constant name, or {@code null} when absent. */
    <E extends Enum<E>> E constant(String name, Class<E> type) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " '" + text + "' is not one of " + EnumSet.allOf(type));
        }
    }

    /**
     * The roles of {@link #ROLES}: role constant names (as DS writes an annotation's {@code Role[]}) or role ids such
     * as {@code finance-reviewer}. An unknown role makes the whole contribution invalid rather than silently visible to
     * fewer people than meant.
     */
    Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : list(properties.get(ROLES))) {
            Role role = Role.byId(value).orElseGet(() -> {
                try {
                    return Role.valueOf(value.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(ROLES + " names an unknown role '" + value + "'");
                }
            });
            roles.add(role);
        }
        return roles;
    }

    private static List<String> list(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof Object[] array) {
            for (Object element : array) {
                add(result, element);
            }
        } else if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                add(result, element);
            }
        } else {
            add(result, value);
        }
        return result;
    }

    private static void add(List<String> result, Object element) {
        if (element != null && !element.toString().isBlank()) {
            result.add(element.toString().trim());
        }
    }
}
