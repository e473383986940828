package org.partnerfinance.ui.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.osgi.framework.Constants;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;

/**
 * What the shell knows about one registered {@link Screen} service: its description, read once when the service
 * arrives, plus the service properties that matter (id, ranking, extension id). A screen is described by its typed
 * service properties ({@code pf.ui.screen.path} and the others, see {@link ContributionProperties}), which the shell
 * reads without creating the service; only a screen registered without {@code pf.ui.screen.path} (built against the
 * UI API before the properties existed) is created at once and asked through its getters.
 *
 * @param serviceId   {@code service.id} of the registration
 * @param ranking     {@code service.ranking} (higher wins when two screens claim one path)
 * @param path        normalised route path (no leading or trailing slash, never empty)
 * @param title       menu and page title
 * @param icon        VaadinIcon constant name (may be invalid; the menu falls back to a default icon)
 * @param section     menu section; {@code null} only for a screen without a menu entry
 * @param order       position within the section
 * @param roles       roles that may see the screen
 * @param inMenu      whether the screen has a menu entry
 * @param extensionId {@code pf.extension.id}, or {@code null} for a screen that cannot be switched off
 * @param service     the service object, got when first needed (that activates a delayed component)
 */
record ScreenEntry(long serviceId, int ranking, String path, String title, String icon, MenuSection section, int order,
        Set<Role> roles, boolean inMenu, String extensionId, Supplier<Screen> service) {

    /** Paths the shell itself owns; a screen cannot take them over. */
    static final Set<String> RESERVED_PATHS = Set.of("", "login", "change-password");

    ScreenEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(title, "title");
        if (inMenu) {
            Objects.requireNonNull(section, "section");
        }
        Objects.requireNonNull(service, "service");
        roles = roles == null || roles.isEmpty() ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /**
     * Reads a screen service from its properties; asks the service itself only when it has no
     * {@code pf.ui.screen.path}.
     *
     * @param service the service object, got only when called
     * @throws IllegalArgumentException when the screen's path is missing, reserved or malformed, its title is
     *                                  missing, a menu screen has no section, or a property has a wrong value
     */
    static ScreenEntry of(Map<String, ?> properties, Supplier<Screen> service) {
        ContributionProperties typed = new ContributionProperties(properties);
        String path = typed.text(ContributionProperties.SCREEN_PATH);
        if (path == null) {
            return described(service.get(), properties, service);
        }
        MenuSection section = typed.constant(ContributionProperties.SECTION, MenuSection.class);
        return validated(properties, path, typed.text(ContributionProperties.TITLE),
                typed.text(ContributionProperties.ICON), section, typed.integer(ContributionProperties.ORDER, 0),
                typed.roles(), section != null, service);
    }

    /** Reads a screen that describes itself through its getters (registered without typed properties). */
    @SuppressWarnings("deprecation")
    static ScreenEntry of(Screen screen, Map<String, ?> properties) {
        return described(screen, properties, () -> screen);
    }

    @SuppressWarnings("deprecation")
    private static ScreenEntry described(Screen screen, Map<String, ?> properties, Supplier<Screen> service) {
        return validated(properties, screen.path(), screen.title(), screen.icon(), screen.section(), screen.order(),
                screen.roles(), screen.inMenu(), service);
    }

    private static ScreenEntry validated(Map<String, ?> properties, String declaredPath, String title, String icon,
            MenuSection section, int order, Set<Role> roles, boolean inMenu, Supplier<Screen> service) {
        String path = normalisePath(declaredPath);
        if (path.isEmpty() || RESERVED_PATHS.contains(path)) {
            throw new IllegalArgumentException("Screen path '" + declaredPath + "' is empty or reserved by the shell");
        }
        if (!path.matches("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*")
                || path.matches("(.*/)?\\.{1,2}(/.*)?")) {
            throw new IllegalArgumentException("Screen path '" + declaredPath
                    + "' must be plain segments of letters, digits, '.', '_', '~', '-' (not '.' or '..')");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Screen '" + path + "' has no title");
        }
        if (inMenu && section == null) {
            throw new IllegalArgumentException("Screen '" + path + "' has no menu section");
        }
        return new ScreenEntry(serviceIdOf(properties), rankingOf(properties), path, title.trim(), icon, section,
                order, roles, inMenu, text(properties.get(ExtensionConstants.EXTENSION_ID)), service);
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
