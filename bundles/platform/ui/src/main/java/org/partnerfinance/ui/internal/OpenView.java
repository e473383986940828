package org.partnerfinance.ui.internal;

import java.util.Optional;

import org.partnerfinance.security.api.Caller;

/**
 * An open browser UI showing the main layout, registered with {@link PortalShell} while attached. Implementations hand
 * the work to the UI's own thread ({@code UI.access}) and return at once.
 */
interface OpenView {

    /**
     * The screens, widgets or toggles changed.
     *
     * @param diff how the routed screens changed (possibly not at all, e.g. when only widgets changed)
     * @return {@code false} when this view is gone for good and should be forgotten
     */
    boolean shellChanged(RouteDiff diff);

    /** The signed-in user this view was built for; {@code null} if it has none to check. */
    default String username() {
        return null;
    }

    /**
     * The user's record as stored now (empty: disabled or gone), re-read periodically by the shell.
     *
     * @return {@code false} when this view is gone for good and should be forgotten
     */
    default boolean userChecked(Optional<Caller> stored) {
        return true;
    }
}
