package org.partnerfinance.rest.internal;

import java.net.URL;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.servlet.context.ServletContextHelper;

/**
 * The API's own whiteboard context at {@code /api/v1}, apart from the UI's: none of the UI's filters (sessions,
 * cookies, the page CSP) apply here, and the API never creates a session. It exposes no resources of the bundle.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE, property = {
        "osgi.http.whiteboard.context.name=" + ApiContext.NAME,
        "osgi.http.whiteboard.context.path=" + ApiContext.PATH })
public class ApiContext extends ServletContextHelper {

    static final String NAME = "pf-rest";
    static final String PATH = "/api/v1";

    @Override
    public URL getResource(String name) {
        return null;
    }

    @Override
    public String getMimeType(String name) {
        return null;
    }
}
