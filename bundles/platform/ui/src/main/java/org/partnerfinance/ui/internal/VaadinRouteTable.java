package org.partnerfinance.ui.internal;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;

/**
 * Screen routes in the application-scope route registry of one running Vaadin servlet: every screen path is a route
 * to {@link ScreenHost} under {@link MainLayout}. Route changes outside a request use
 * {@code RouteConfiguration.forRegistry} ({@code forApplicationScope()} needs a current Vaadin service).
 */
final class VaadinRouteTable implements RouteTable {

    private static final Logger LOG = LoggerFactory.getLogger(VaadinRouteTable.class);

    private final ApplicationRouteRegistry registry;

    VaadinRouteTable(VaadinContext context) {
        this.registry = ApplicationRouteRegistry.getInstance(context);
    }

    @Override
    public void apply(RouteDiff diff) {
        RouteConfiguration routes = RouteConfiguration.forRegistry(registry);
        // one registry update: route change listeners see a single, consistent change
        registry.update(() -> {
            diff.removed().forEach(path -> remove(routes, path));
            diff.added().forEach(path -> add(routes, path));
        });
    }

    @Override
    public void reset(Set<String> paths) {
        RouteConfiguration routes = RouteConfiguration.forRegistry(registry);
        registry.update(() -> {
            for (RouteData route : registry.getRegisteredRoutes()) {
                if (route.getNavigationTarget() == ScreenHost.class && !paths.contains(route.getTemplate())) {
                    remove(routes, route.getTemplate());
                }
            }
            paths.forEach(path -> add(routes, path));
        });
    }

    private static void add(RouteConfiguration routes, String path) {
        if (routes.isPathAvailable(path)) {
            Class<?> existing = routes.getRoute(path).orElse(null);
            if (existing != ScreenHost.class) {
                LOG.warn("/{} is already the route of {}; the screen there is not routed", path,
                        existing == null ? "another view" : existing.getName());
            }
            return;
        }
        routes.setRoute(path, ScreenHost.class, List.of(MainLayout.class));
    }

    private static void remove(RouteConfiguration routes, String path) {
        routes.removeRoute(path, ScreenHost.class);
    }
}
