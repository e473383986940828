package org.partnerfinance.ui.internal;

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
}
