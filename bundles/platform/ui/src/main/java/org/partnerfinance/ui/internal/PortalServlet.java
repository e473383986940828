package org.partnerfinance.ui.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's Vaadin servlet, published to the Jakarta Servlet Whiteboard (Felix HTTP Jetty 12) in the portal's own
 * context ({@link PortalServletContextHelper}). Properties {@code servlet.init.*} become servlet init parameters.
 *
 * <p>Under the whiteboard Vaadin's ServletContainerInitializers never run, so {@link #init(ServletConfig)} does their
 * work by hand before Vaadin starts: the {@link Lookup} with Vaadin's default services, the app shell
 * ({@link PortalAppShell}: push, theme, title), the shell's own routes and error views. Then the screens' routes are
 * handed to {@link PortalShell}, which keeps them in line with the installed and enabled screens.
 *
 * <p>Prototype scope: a {@code VaadinServlet} cannot be initialised again after {@code destroy()} (it keeps its first
 * {@code ServletConfig} and destroyed service), but the whiteboard destroys and re-initialises its servlets whenever
 * the HTTP service restarts (e.g. when {@code org.apache.felix.http} is configured at boot). With a prototype service
 * the whiteboard takes a fresh instance for every registration.
 */
@Component(service = Servlet.class, scope = ServiceScope.PROTOTYPE, property = {
        "osgi.http.whiteboard.servlet.pattern=/*",
        "osgi.http.whiteboard.servlet.name=vaadin",
        "osgi.http.whiteboard.servlet.asyncSupported=true",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=" + PortalServletContextHelper.NAME
                + ")",
        "servlet.init.productionMode=true",
        // heartbeats and push keep a UI open, but only user interaction keeps it from being idle: an idle session
        // ends after the session timeout (set by HttpSecurityFilter) although the browser tab stays open
        "servlet.init.closeIdleSessions=true" })
public class PortalServlet extends VaadinServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PortalServlet.class);

    private final transient PortalShell shell;
    private transient VaadinRouteTable routeTable;

    @Activate
    public PortalServlet(@Reference PortalShell shell) {
        this.shell = shell;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // Atmosphere and ServiceLoader look classes up through the thread context class loader
        Thread.currentThread().setContextClassLoader(PortalServlet.class.getClassLoader());
        try {
            VaadinServletContext context = new VaadinServletContext(config.getServletContext());
            initialiseVaadin(context);
            ShellAccess.install(context, shell);
            // NB: VaadinServlet.init returns silently, without a service, when the Lookup attribute is missing
            super.init(config);
            VaadinRouteTable table = new VaadinRouteTable(context);
            shell.attachRoutes(table);
            synchronized (this) {
                routeTable = table;
            }
            LOG.info("Partner Finance Portal UI started");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** What Vaadin's ServletContainerInitializers would do in a WAR. */
    private static void initialiseVaadin(VaadinServletContext context) throws ServletException {
        if (context.getAttribute(Lookup.class) == null) {
            // as LookupServletContainerInitializer: Vaadin's default ResourceProvider, StaticFileHandlerFactory,
            // AppShellPredicate, ApplicationConfigurationFactory, RoutePathProvider
            new LookupInitializer().initialize(context, new HashMap<>(),
                    lookup -> context.setAttribute(Lookup.class, lookup));
        }
        VaadinAppShellInitializer.init(Set.of(PortalAppShell.class), context);

        ApplicationRouteRegistry registry = ApplicationRouteRegistry.getInstance(context);
        RouteConfiguration routes = RouteConfiguration.forRegistry(registry);
        registry.update(() -> {
            if (!routes.isRouteRegistered(LoginView.class)) {
                routes.setAnnotatedRoute(LoginView.class);
            }
            if (!routes.isRouteRegistered(DashboardView.class)) {
                routes.setAnnotatedRoute(DashboardView.class);
            }
            if (!routes.isRouteRegistered(ChangePasswordView.class)) {
                routes.setAnnotatedRoute(ChangePasswordView.class);
            }
            if (!routes.isRouteRegistered(ApiTokensView.class)) {
                routes.setAnnotatedRoute(ApiTokensView.class);
            }
            if (!routes.isRouteRegistered(NotificationSettingsView.class)) {
                routes.setAnnotatedRoute(NotificationSettingsView.class);
            }
        });
        // as ErrorNavigationTargetInitializer: the shell's error views replace Vaadin's defaults
        registry.setErrorNavigationTargets(Set.of(ErrorView.class, NotFoundView.class, AccessDeniedView.class));
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration)
            throws ServiceException {
        VaadinServletService service = new PortalServletService(this, configuration);
        // runs the shell's ShellServiceInit (error handler, sign-in guard, session expiry, CSP nonce)
        service.init();
        return service;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(PortalServlet.class.getClassLoader());
        try {
            super.service(request, response);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * Stops maintaining this servlet's routes. The routes and the shell attribute stay in the servlet context: a
     * servlet started in the same context meanwhile (the whiteboard may start the next before destroying this one)
     * has already taken them over, and {@link PortalShell#attachRoutes} reconciles the routes of the next start.
     */
    @Override
    public void destroy() {
        VaadinRouteTable table;
        synchronized (this) {
            table = routeTable;
            routeTable = null;
        }
        if (table != null) {
            shell.detachRoutes(table);
        }
        super.destroy();
        LOG.info("Partner Finance Portal UI stopped");
    }
}
