package org.partnerfinance.ui.internal;

import java.util.Set;

/**
 * Where the shell registers the routes of screens: the application-scope route registry of the running Vaadin servlet
 * ({@link VaadinRouteTable}).
 */
interface RouteTable {

    /** Adds and removes routes as one change. */
    void apply(RouteDiff diff);

    /**
     * Makes the screen routes exactly {@code paths}: adds the missing ones and removes screen routes left from an
     * earlier start of the servlet whose screens are gone.
     */
    void reset(Set<String> paths);
}
