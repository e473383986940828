package org.partnerfinance.ui.internal;

import java.net.URL;
import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.servlet.context.ServletContextHelper;

/**
 * The portal's own whiteboard context. The Felix whiteboard's default context answers
 * {@code ServletContext.getMimeType()} with null for ".js"; Vaadin's static file server would then send the
 * pre-compiled frontend without Content-Type and browsers refuse to run its ES modules (blank page). It also never
 * exposes this bundle's own entries (the default would serve e.g. {@code /lib/*.jar}).
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE, property = {
        "osgi.http.whiteboard.context.name=" + PortalServletContextHelper.NAME,
        "osgi.http.whiteboard.context.path=/" })
public class PortalServletContextHelper extends ServletContextHelper {

    static final String NAME = "partnerfinance";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("js", "text/javascript"),
            Map.entry("mjs", "text/javascript"),
            Map.entry("css", "text/css"),
            Map.entry("html", "text/html"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain"));

    /** Behaves like a servlet container: {@code META-INF/resources} of the (embedded) jars, nothing else. */
    @Override
    public URL getResource(String name) {
        return PortalServletService.metaInfResource(name);
    }

    @Override
    public String getMimeType(String name) {
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            String type = TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
            if (type != null) {
                return type;
            }
        }
        return URLConnection.guessContentTypeFromName(name);
    }
}
