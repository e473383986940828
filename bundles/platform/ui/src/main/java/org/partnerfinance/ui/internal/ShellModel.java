package org.partnerfinance.ui.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;

/**
 * The shell's composition rules as pure functions: which screens are routed, what a user's menu and dashboard hold,
 * and how routes change when screens come and go. Everything Vaadin- or OSGi-specific stays outside.
 */
final class ShellModel {

    /** When two screens claim one path: higher {@code service.ranking} wins, then the older registration. */
    static final Comparator<ScreenEntry> PATH_PRECEDENCE = Comparator.comparingInt(ScreenEntry::ranking).reversed()
            .thenComparingLong(ScreenEntry::serviceId);

    static final Comparator<ScreenEntry> MENU_ORDER = Comparator.comparingInt(ScreenEntry::order)
            .thenComparing(ScreenEntry::title).thenComparing(ScreenEntry::path);

    static final Comparator<WidgetEntry> WIDGET_ORDER = Comparator.comparingInt(WidgetEntry::order)
            .thenComparing(WidgetEntry::title).thenComparing(WidgetEntry::id)
            .thenComparingLong(WidgetEntry::serviceId);

    private ShellModel() {
    }

    /** Whether a user holding {@code held} may see something meant for {@code required}: they must share a role. */
    static boolean allowed(Set<Role> required, Set<Role> held) {
        return held != null && !Collections.disjoint(required, held);
    }

    /**
     * The screens that get a route: those whose extension is switched on, one per path.
     *
     * @param screens all registered screens
     * @param enabled tells whether an extension id is switched on (screens without an id always are)
     * @return path to screen, sorted by path
     */
    static Map<String, ScreenEntry> routable(Collection<ScreenEntry> screens, Predicate<String> enabled) {
        Map<String, ScreenEntry> result = new TreeMap<>();
        for (ScreenEntry screen : screens) {
            if (screen.extensionId() != null && !enabled.test(screen.extensionId())) {
                continue;
            }
            result.merge(screen.path(), screen, (a, b) -> PATH_PRECEDENCE.compare(a, b) <= 0 ? a : b);
        }
        return Collections.unmodifiableMap(result);
    }

    /** Paths that two or more of the given screens claim (reported, since only one of them can be served). */
    static Set<String> contestedPaths(Collection<ScreenEntry> screens) {
        Set<String> seen = new HashSet<>();
        Set<String> contested = new TreeSet<>();
        for (ScreenEntry screen : screens) {
            if (!seen.add(screen.path())) {
                contested.add(screen.path());
            }
        }
        return contested;
    }

    /**
     * Compares two routable states.
     *
     * @param before routable screens before the change
     * @param after  routable screens after it
     */
    static RouteDiff diff(Map<String, ScreenEntry> before, Map<String, ScreenEntry> after) {
        Set<String> added = new TreeSet<>(after.keySet());
        added.removeAll(before.keySet());
        Set<String> removed = new TreeSet<>(before.keySet());
        removed.removeAll(after.keySet());
        List<ScreenEntry> gone = new ArrayList<>();
        for (ScreenEntry old : before.values()) {
            ScreenEntry now = after.get(old.path());
            if (now == null || now.serviceId() != old.serviceId()) {
                gone.add(old);
            }
        }
        if (added.isEmpty() && removed.isEmpty() && gone.isEmpty()) {
            return RouteDiff.NONE;
        }
        return new RouteDiff(added, removed, gone);
    }

    /**
     * The menu of a user: routable screens that have a menu entry and share a role with the user, grouped by section
     * (in {@link MenuSection} order, empty sections left out) and ordered by {@code Screen.order()}, then title.
     */
    static List<MenuGroup> menu(Collection<ScreenEntry> routable, Set<Role> roles) {
        Map<MenuSection, List<ScreenEntry>> bySection = new EnumMap<>(MenuSection.class);
        for (ScreenEntry screen : routable) {
            if (screen.inMenu() && allowed(screen.roles(), roles)) {
                bySection.computeIfAbsent(screen.section(), s -> new ArrayList<>()).add(screen);
            }
        }
        List<MenuGroup> groups = new ArrayList<>();
        bySection.forEach((section, screens) -> {
            screens.sort(MENU_ORDER);
            groups.add(new MenuGroup(section,
                    screens.stream().map(s -> new MenuItem(s.path(), s.title(), s.icon())).toList()));
        });
        return List.copyOf(groups);
    }

    /** The dashboard widgets of a user: switched on, sharing a role with the user, in dashboard order. */
    static List<WidgetEntry> widgets(Collection<WidgetEntry> widgets, Set<Role> roles, Predicate<String> enabled) {
        return widgets.stream()
                .filter(w -> w.extensionId() == null || enabled.test(w.extensionId()))
                .filter(w -> allowed(w.roles(), roles))
                .sorted(WIDGET_ORDER)
                .toList();
    }
}
