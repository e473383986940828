package org.partnerfinance.ui.internal;

import java.net.URL;

import java.util.stream.Stream;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;

/**
 * Serves the {@code META-INF/resources/**} content of the embedded Vaadin jars (e.g.
 * {@code /VAADIN/static/push/vaadinPush-min.js} from flow-push), which a servlet container would serve for jars in
 * WEB-INF/lib but the OSGi whiteboard does not. Looked up through this bundle's class loader, which sees all embedded
 * jars on the Bundle-ClassPath.
 */
class PortalServletService extends VaadinServletService {

    private static final long serialVersionUID = 1L;

    PortalServletService(VaadinServlet servlet, DeploymentConfiguration configuration) {
        super(servlet, configuration);
    }

    /** Vaadin's default instantiator, plus the shell's service init listener (no ServiceLoader scanning in OSGi). */
    @Override
    protected Instantiator createInstantiator() throws ServiceException {
        return new DefaultInstantiator(this) {
            private static final long serialVersionUID = 1L;

            @Override
            public Stream<VaadinServiceInitListener> getServiceInitListeners() {
                return Stream.concat(super.getServiceInitListeners(), Stream.of(new ShellServiceInit()));
            }
        };
    }

    @Override
    public URL getStaticResource(String path) {
        return metaInfResource(path);
    }

    /** {@code META-INF/resources/<path>} of the embedded jars; null for directories and paths climbing up. */
    static URL metaInfResource(String path) {
        if (path == null || path.contains("..")) {
            return null;
        }
        String name = "META-INF/resources" + (path.startsWith("/") ? path : "/" + path);
        ClassLoader loader = PortalServletService.class.getClassLoader();
        if (name.endsWith("/") || loader.getResource(name + "/") != null) {
            return null; // a directory
        }
        return loader.getResource(name);
    }
}
