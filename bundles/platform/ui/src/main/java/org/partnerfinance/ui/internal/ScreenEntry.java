package org.partnerfinance.ui.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.osgi.framework.Constants;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;

/**
 * What the shell knows about one registered {@link Screen} service: its answers read once when the service arrives,
 * plus the service properties that matter (id, ranking, extension id).
 *
 * @param serviceId   {@code service.id} of the registration
 * @param ranking     {@code service.ranking} (higher wins when two screens claim one path)
 * @param path        normalised route path (no leading or trailing slash, never empty)
 * @param title       menu and page title
 * @param icon        VaadinIcon constant name (may be invalid; the menu falls back to a default icon)
 * @param section     menu section
 * @param order       position within the section
 * @param roles       roles that may see the screen
 * @param inMenu      whether the screen has a menu entry
 * @param extensionId {@code pf.extension.id}, or {@code null} for a screen that cannot be switched off
 * @param screen      the service object
 */
record ScreenEntry(long serviceId, int ranking, String path, String title, String icon, MenuSection section, int order,
        Set<Role> roles, boolean inMenu, String extensionId, Screen screen) {

    /** Paths the shell itself owns; a screen cannot take them over. */
    static final Set<String> RESERVED_PATHS = Set.of("", "login", "change-password");

    ScreenEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(section, "section");
        roles = roles == null || roles.isEmpty() ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /**
     * Reads a screen service.
     *
     * @throws IllegalArgumentException when the screen's path is missing, reserved or malformed, or its title or
     *                                  section is missing
     */
    static ScreenEntry of(Screen screen, Map<String, ?> properties) {
        String path = normalisePath(screen.path());
        if (path.isEmpty() || RESERVED_PATHS.contains(path)) {
            throw new IllegalArgumentException("Screen path '" + screen.path() + "' is empty or reserved by the shell");
        }
        if (!path.matches("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*")
                || path.matches("(.*/)?\\.{1,2}(/.*)?")) {
            throw new IllegalArgumentException(
                    "Screen path '" + screen.path() + "' must be plain segments of letters, digits, '.', '_', '~', '-' (not '.' or '..')");
        }
        String title = screen.title();
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Screen '" + path + "' has no title");
        }
        if (screen.section() == null) {
            throw new IllegalArgumentException("Screen '" + path + "' has no menu section");
        }
        return new ScreenEntry(serviceIdOf(properties), rankingOf(properties), path, title.trim(), screen.icon(),
                screen.section(), screen.order(), screen.roles(), screen.inMenu(),
                text(properties.get(ExtensionConstants.EXTENSION_ID)), screen);
    }

    /** Strips surrounding blanks and slashes: {@code /claims/new/} becomes {@code claims/new}. */
    static String normalisePath(String path) {
        if (path == null) {
            return "";
        }
        String p = path.trim();
        int start = 0;
        int end = p.length();
        while (start < end && p.charAt(start) == '/') {
            start++;
        }
        while (end > start && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(start, end);
    }

    static long serviceIdOf(Map<String, ?> properties) {
        Object id = properties.get(Constants.SERVICE_ID);
        return id instanceof Number n ? n.longValue() : 0L;
    }

    static int rankingOf(Map<String, ?> properties) {
        Object r = properties.get(Constants.SERVICE_RANKING);
        return r instanceof Integer i ? i : 0;
    }

    /** A property value as trimmed text (a String or the first element of a String array); null when blank. */
    static String text(Object value) {
        Object single = value;
        if (value instanceof String[] array) {
            single = array.length == 0 ? null : array[0];
        }
        if (single == null) {
            return null;
        }
        String text = single.toString().trim();
        return text.isEmpty() ? null : text;
    }
}
