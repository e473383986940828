package org.partnerfinance.ui.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.extensions.api.ExtensionListener;
import org.partnerfinance.extensions.api.FeatureToggles;
import org.partnerfinance.notifications.api.Notifications;
import org.partnerfinance.security.api.ApiTokens;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.UserDirectory;
import org.partnerfinance.ui.api.DashboardWidget;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.Screen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heart of the shell: follows the {@link Screen} and {@link DashboardWidget} services and the feature toggles,
 * keeps the routes of the running Vaadin application in line with them, and tells every open UI when anything changed
 * so that menus, dashboards and screens update at once (through push).
 *
 * <p>It also re-reads, every few seconds, the stored record of every user with an open UI (one query per user), so
 * that disabling a user or changing their roles reaches their open browsers within seconds, whichever node made the
 * change.
 *
 * <p>All state lives in this component instance; the Vaadin views reach it through the servlet's context
 * ({@link ShellAccess}).
 */
@Component(service = { PortalShell.class, ExtensionListener.class }, immediate = true)
public class PortalShell implements ExtensionListener {

    private static final Logger LOG = LoggerFactory.getLogger(PortalShell.class);
    /** How often open UIs' users are re-read from the database. */
    static final Duration SESSION_CHECK_INTERVAL = Duration.ofSeconds(3);

    private final FeatureToggles toggles;
    private final UserDirectory users;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ApiTokens apiTokens;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Notifications notifications;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LiveUpdates liveUpdates;

    private final Map<Long, ScreenEntry> screens = new ConcurrentHashMap<>();
    private final Map<Long, WidgetEntry> widgets = new ConcurrentHashMap<>();
    private final Set<OpenView> views = ConcurrentHashMap.newKeySet();

    /** Guards {@link #routable} and {@link #routeTable} so that route changes are applied in order. */
    private final Object lock = new Object();
    private volatile Map<String, ScreenEntry> routable = Map.of();
    private RouteTable routeTable;
    private final ScheduledExecutorService sessionChecks;

    @Activate
    public PortalShell(@Reference FeatureToggles toggles, @Reference UserDirectory users) {
        this(toggles, users, SESSION_CHECK_INTERVAL);
    }

    /** With {@code sessionCheckInterval} {@code null} nothing is scheduled (tests call {@link #checkUsers()}). */
    PortalShell(FeatureToggles toggles, UserDirectory users, Duration sessionCheckInterval) {
        this.toggles = toggles;
        this.users = users;
        if (sessionCheckInterval == null) {
            this.sessionChecks = null;
        } else {
            this.sessionChecks = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "pf-session-check");
                t.setDaemon(true);
                return t;
            });
            long millis = sessionCheckInterval.toMillis();
            sessionChecks.scheduleWithFixedDelay(this::checkUsersSafely, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @Deactivate
    void deactivate() {
        if (sessionChecks != null) {
            sessionChecks.shutdownNow();
        }
        views.clear();
        synchronized (lock) {
            routeTable = null;
        }
    }

    // --- screens and widgets -------------------------------------------------------------------------------------

    // Screens and widgets are bound as service objects that are got only when first shown: menus, routes and
    // dashboards are built from the typed service properties, so a contribution's component is activated when
    // someone opens it, not when it is installed.

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedScreen")
    void bindScreen(ComponentServiceObjects<Screen> screen, Map<String, Object> properties) {
        addScreen(properties, new LazyService<>(screen));
    }

    void updatedScreen(ComponentServiceObjects<Screen> screen, Map<String, Object> properties) {
        updateScreen(properties, new LazyService<>(screen));
    }

    void unbindScreen(ComponentServiceObjects<Screen> screen, Map<String, Object> properties) {
        removeScreen(properties);
    }

    void addScreen(Map<String, Object> properties, Supplier<Screen> screen) {
        try {
            ScreenEntry entry = ScreenEntry.of(properties, screen);
            screens.put(entry.serviceId(), entry);
            LOG.info("Screen '{}' ({}) registered at /{}", entry.title(), extensionLabel(entry.extensionId()),
                    entry.path());
            warnContested();
        } catch (IllegalArgumentException e) {
            LOG.error("Screen service {} is ignored: {}", ScreenEntry.serviceIdOf(properties), e.getMessage());
            return;
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Screen service {} is ignored: it failed to describe itself",
                    ScreenEntry.serviceIdOf(properties), e);
            return;
        }
        refresh();
    }

    void updateScreen(Map<String, Object> properties, Supplier<Screen> screen) {
        long id = ScreenEntry.serviceIdOf(properties);
        screens.remove(id);
        addScreen(properties, screen);
        if (!screens.containsKey(id)) {
            // no longer valid: its route goes
            refresh();
        }
    }

    void removeScreen(Map<String, Object> properties) {
        ScreenEntry entry = screens.remove(ScreenEntry.serviceIdOf(properties));
        if (entry != null) {
            LOG.info("Screen '{}' at /{} went away", entry.title(), entry.path());
            refresh();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedWidget")
    void bindWidget(ComponentServiceObjects<DashboardWidget> widget, Map<String, Object> properties) {
        addWidget(properties, new LazyService<>(widget));
    }

    void updatedWidget(ComponentServiceObjects<DashboardWidget> widget, Map<String, Object> properties) {
        updateWidget(properties, new LazyService<>(widget));
    }

    void unbindWidget(ComponentServiceObjects<DashboardWidget> widget, Map<String, Object> properties) {
        removeWidget(properties);
    }

    void addWidget(Map<String, Object> properties, Supplier<DashboardWidget> widget) {
        try {
            WidgetEntry entry = WidgetEntry.of(properties, widget);
            widgets.put(entry.serviceId(), entry);
            LOG.info("Dashboard widget '{}' ({}) registered", entry.title(), extensionLabel(entry.extensionId()));
        } catch (IllegalArgumentException e) {
            LOG.error("Dashboard widget service {} is ignored: {}", ScreenEntry.serviceIdOf(properties),
                    e.getMessage());
            return;
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Dashboard widget service {} is ignored: it failed to describe itself",
                    ScreenEntry.serviceIdOf(properties), e);
            return;
        }
        refresh();
    }

    void updateWidget(Map<String, Object> properties, Supplier<DashboardWidget> widget) {
        long id = ScreenEntry.serviceIdOf(properties);
        widgets.remove(id);
        addWidget(properties, widget);
        if (!widgets.containsKey(id)) {
            refresh();
        }
    }

    void removeWidget(Map<String, Object> properties) {
        WidgetEntry entry = widgets.remove(ScreenEntry.serviceIdOf(properties));
        if (entry != null) {
            LOG.info("Dashboard widget '{}' went away", entry.title());
            refresh();
        }
    }

    /** Toggles switched or extensions came and went: recompute routes and tell every open UI. */
    @Override
    public void extensionsChanged() {
        refresh();
    }

    // --- the running Vaadin application ----------------------------------------------------------------------------

    /**
     * Called when a Vaadin servlet is initialised: from now on its route registry holds exactly the routes of the
     * routable screens.
     */
    void attachRoutes(RouteTable table) {
        synchronized (lock) {
            routeTable = table;
            table.reset(routable.keySet());
        }
    }

    /** Called when a Vaadin servlet is destroyed: its routes are no longer maintained. */
    void detachRoutes(RouteTable table) {
        synchronized (lock) {
            if (routeTable == table) {
                routeTable = null;
            }
        }
    }

    void register(OpenView view) {
        views.add(view);
    }

    void unregister(OpenView view) {
        views.remove(view);
    }

    int openViews() {
        return views.size();
    }

    /** Recomputes the routable screens, applies the route changes and tells every open UI. */
    void refresh() {
        RouteDiff diff;
        synchronized (lock) {
            Map<String, ScreenEntry> next = ShellModel.routable(screens.values(), this::enabled);
            diff = ShellModel.diff(routable, next);
            routable = next;
            if (routeTable != null && !diff.isEmpty()) {
                try {
                    routeTable.apply(diff);
                } catch (RuntimeException e) {
                    LOG.error("Routes could not be updated (added {}, removed {})", diff.added(), diff.removed(), e);
                }
            }
        }
        if (!diff.isEmpty()) {
            LOG.debug("Routes added {}, removed {}", diff.added(), diff.removed());
        }
        for (OpenView view : views) {
            try {
                if (!view.shellChanged(diff)) {
                    views.remove(view);
                }
            } catch (RuntimeException e) {
                LOG.warn("An open UI could not be updated; it is forgotten", e);
                views.remove(view);
            }
        }
    }

    /**
     * Re-reads the stored record of every user with an open UI (once per user) and hands it to their views, which
     * end or update their sessions when it changed.
     */
    void checkUsers() {
        Map<String, List<OpenView>> byUser = new HashMap<>();
        for (OpenView view : views) {
            String name = view.username();
            if (name != null) {
                byUser.computeIfAbsent(name, k -> new ArrayList<>()).add(view);
            }
        }
        for (Map.Entry<String, List<OpenView>> e : byUser.entrySet()) {
            Optional<Caller> stored;
            try {
                stored = users.find(e.getKey());
            } catch (RuntimeException ex) {
                LOG.warn("Could not re-read user '{}'; their open views keep their state", e.getKey(), ex);
                continue;
            }
            for (OpenView view : e.getValue()) {
                try {
                    if (!view.userChecked(stored)) {
                        views.remove(view);
                    }
                } catch (RuntimeException ex) {
                    LOG.warn("An open UI could not be checked; it is forgotten", ex);
                    views.remove(view);
                }
            }
        }
    }

    private void checkUsersSafely() {
        try {
            checkUsers();
        } catch (RuntimeException | Error e) {
            // a scheduled task that throws is never run again
            LOG.error("Checking the users of open UIs failed", e);
        }
    }

    // --- queries for the views -------------------------------------------------------------------------------------

    /** The routed screen at a path, if any (regardless of the caller's roles). */
    Optional<ScreenEntry> screen(String path) {
        return Optional.ofNullable(routable.get(ScreenEntry.normalisePath(path)));
    }

    List<MenuGroup> menu(Caller caller) {
        return ShellModel.menu(routable.values(), caller.roles());
    }

    List<WidgetEntry> widgets(Caller caller) {
        return ShellModel.widgets(widgets.values(), caller.roles(), this::enabled);
    }

    UserDirectory users() {
        return users;
    }

    /** The API token service, while the user directory offers it. */
    Optional<ApiTokens> apiTokens() {
        return Optional.ofNullable(apiTokens);
    }

    /** The notifications service (the bell), while it runs. */
    Optional<Notifications> notifications() {
        return Optional.ofNullable(notifications);
    }

    /** The live-update facility, while it runs. */
    Optional<LiveUpdates> liveUpdates() {
        return Optional.ofNullable(liveUpdates);
    }

    private boolean enabled(String extensionId) {
        try {
            return toggles.isEnabled(extensionId);
        } catch (RuntimeException e) {
            // the toggles are not a security boundary: an unreadable toggle leaves the extension on
            LOG.warn("Toggle of '{}' could not be read; treating it as switched on", extensionId, e);
            return true;
        }
    }

    private void warnContested() {
        for (String path : ShellModel.contestedPaths(screens.values())) {
            LOG.warn("Several screens claim /{}; the one with the highest service.ranking (then the oldest) is served",
                    path);
        }
    }

    private static String extensionLabel(String extensionId) {
        return extensionId == null ? "platform" : "extension " + extensionId;
    }
}
