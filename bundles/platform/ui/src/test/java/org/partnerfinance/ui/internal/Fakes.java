package org.partnerfinance.ui.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.osgi.framework.Constants;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.FeatureToggles;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.DashboardWidget;
import org.partnerfinance.ui.api.Icon;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Order;
import org.partnerfinance.ui.api.Roles;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.api.ScreenPath;
import org.partnerfinance.ui.api.Section;
import org.partnerfinance.ui.api.Title;

import com.vaadin.flow.component.Component;

/** Test doubles for the shell's collaborators. */
final class Fakes {

    private Fakes() {
    }

    static Map<String, Object> props(long serviceId, String extensionId) {
        return props(serviceId, extensionId, 0);
    }

    static Map<String, Object> props(long serviceId, String extensionId, int ranking) {
        Map<String, Object> p = new HashMap<>();
        p.put(Constants.SERVICE_ID, serviceId);
        p.put(Constants.SERVICE_RANKING, ranking);
        if (extensionId != null) {
            p.put(ExtensionConstants.EXTENSION_ID, extensionId);
            p.put(ExtensionConstants.EXTENSION_KIND, "screen");
        }
        return p;
    }

    /**
     * The base properties plus the typed properties that describe the screen, in the form DS writes them from the
     * annotations ({@code @ScreenPath}, {@code @Roles}, ...): enums as their names, role arrays as string arrays.
     */
    static Map<String, Object> typed(FakeScreen screen, Map<String, Object> base) {
        Map<String, Object> p = new HashMap<>(base);
        p.put(ContributionProperties.SCREEN_PATH, screen.path());
        p.put(ContributionProperties.TITLE, screen.title());
        p.put(ContributionProperties.ICON, screen.icon());
        if (screen.inMenu()) {
            p.put(ContributionProperties.SECTION, screen.section().name());
        }
        p.put(ContributionProperties.ORDER, screen.order());
        p.put(ContributionProperties.ROLES, screen.roles().stream().map(Role::name).toArray(String[]::new));
        return p;
    }

    /** The base properties plus the typed properties that describe the widget. */
    static Map<String, Object> typed(FakeWidget widget, Map<String, Object> base) {
        Map<String, Object> p = new HashMap<>(base);
        p.put(ContributionProperties.WIDGET_ID, widget.id());
        p.put(ContributionProperties.TITLE, widget.title());
        p.put(ContributionProperties.WIDGET_SIZE, widget.size());
        p.put(ContributionProperties.ORDER, widget.order());
        p.put(ContributionProperties.ROLES, widget.roles().stream().map(Role::name).toArray(String[]::new));
        return p;
    }

    /**
     * The typed properties a screen or widget class declares with the UI API's annotations, named as DS names them
     * (prefix {@code pf.ui.} and the annotation's name in dotted lower case; enums as their names).
     */
    static Map<String, Object> declared(Class<?> type, Map<String, Object> base) {
        Map<String, Object> p = new HashMap<>(base);
        ScreenPath path = type.getAnnotation(ScreenPath.class);
        if (path != null) {
            p.put("pf.ui.screen.path", path.value());
        }
        Title title = type.getAnnotation(Title.class);
        if (title != null) {
            p.put("pf.ui.title", title.value());
        }
        Icon icon = type.getAnnotation(Icon.class);
        if (icon != null) {
            p.put("pf.ui.icon", icon.value().name());
        }
        Section section = type.getAnnotation(Section.class);
        if (section != null) {
            p.put("pf.ui.section", section.value().name());
        }
        Order order = type.getAnnotation(Order.class);
        if (order != null) {
            p.put("pf.ui.order", order.value());
        }
        Roles roles = type.getAnnotation(Roles.class);
        if (roles != null) {
            p.put("pf.ui.roles", java.util.Arrays.stream(roles.value()).map(Role::name).toArray(String[]::new));
        }
        return p;
    }

    /** A service object the shell must not get: typed contributions are described by their properties alone. */
    static <S> Supplier<S> notCreated() {
        return () -> {
            throw new AssertionError("the service object was got although its properties describe it");
        };
    }

    static Caller caller(Role... roles) {
        return new Caller("u", "User", roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles), null);
    }

    record FakeScreen(String path, String title, String icon, MenuSection section, int order, Set<Role> roles,
            boolean inMenu) implements Screen {

        FakeScreen(String path, String title, MenuSection section, int order, Role... roles) {
            this(path, title, "FILE", section, order, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles),
                    true);
        }

        FakeScreen hidden() {
            return new FakeScreen(path, title, icon, section, order, roles, false);
        }

        @Override
        public Component create(ScreenContext context) {
            throw new UnsupportedOperationException("not rendered in unit tests");
        }
    }

    record FakeWidget(String id, String title, Set<Role> roles, int size, int order) implements DashboardWidget {

        @Override
        public Component create(ScreenContext context) {
            throw new UnsupportedOperationException("not rendered in unit tests");
        }
    }

    static final class Toggles implements FeatureToggles {
        final Set<String> off = new HashSet<>();

        @Override
        public boolean isEnabled(String extensionId) {
            return !off.contains(extensionId);
        }

        @Override
        public Set<String> disabled() {
            return Set.copyOf(off);
        }

        @Override
        public void setEnabled(Caller caller, String extensionId, boolean enabled) {
            if (enabled) {
                off.remove(extensionId);
            } else {
                off.add(extensionId);
            }
        }
    }

    /** Records what the shell asked the route registry to do and the routes it holds. */
    static final class Routes implements RouteTable {
        final Set<String> routes = new HashSet<>();
        final List<RouteDiff> applied = new ArrayList<>();

        @Override
        public void apply(RouteDiff diff) {
            applied.add(diff);
            routes.removeAll(diff.removed());
            for (String path : diff.added()) {
                if (!routes.add(path)) {
                    throw new IllegalStateException("route added twice: " + path);
                }
            }
        }

        @Override
        public void reset(Set<String> paths) {
            routes.clear();
            routes.addAll(paths);
        }
    }

    /** An open UI that records what it was told. */
    static final class View implements OpenView {
        final List<RouteDiff> changes = new ArrayList<>();
        boolean alive = true;

        @Override
        public boolean shellChanged(RouteDiff diff) {
            changes.add(diff);
            return alive;
        }

        RouteDiff last() {
            return changes.get(changes.size() - 1);
        }
    }

    /** A screen context for the given caller that ignores navigation and notifications. */
    static ScreenContext context(Caller caller) {
        return new ScreenContext() {
            @Override
            public Caller caller() {
                return caller;
            }

            @Override
            public com.vaadin.flow.component.UI ui() {
                return null;
            }

            @Override
            public Map<String, List<String>> queryParameters() {
                return Map.of();
            }

            @Override
            public void navigate(String pathAndQuery) {
            }

            @Override
            public void notify(String message, boolean error) {
            }
        };
    }
}
