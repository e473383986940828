package org.partnerfinance.ui.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.Caller;

import com.vaadin.flow.component.UI;

/**
 * What the shell hands a screen or widget when it creates its component. The platform implements it, extensions only
 * call it: methods may be added in minor versions.
 */
@ProviderType
public interface ScreenContext {

    /** The signed-in user. Pass it to every service call. */
    Caller caller();

    /** The UI the component will be attached to (for {@code ui.access(...)} from background threads). */
    UI ui();

    /** Query parameters of the current location, e.g. {@code id} of {@code claims/detail?id=42}. */
    Map<String, List<String>> queryParameters();

    /** The first value of a query parameter, or {@code null}. */
    default String parameter(String name) {
        List<String> values = queryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Navigates to a route path, with optional query string, e.g. {@code claims/detail?id=42}. */
    void navigate(String pathAndQuery);

    /** Shows a short message. */
    void notify(String message, boolean error);
}
