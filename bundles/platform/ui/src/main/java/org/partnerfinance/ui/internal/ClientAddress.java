package org.partnerfinance.ui.internal;

import com.vaadin.flow.server.VaadinRequest;

/**
 * The address of the client behind the current request, as {@link HttpSecurityFilter} resolved it: the TCP peer, or,
 * when the peer is a configured trusted proxy, the address that proxy reports in {@code Forwarded} /
 * {@code X-Forwarded-For}. Sign-in throttling and the audit trail use this address, never a header read directly.
 */
public final class ClientAddress {

    /** Request attribute holding the resolved address (a String). */
    static final String ATTRIBUTE = ClientAddress.class.getName();

    private ClientAddress() {
    }

    /** The client address of the current Vaadin request, or {@code "unknown"} outside a request. */
    public static String current() {
        return of(VaadinRequest.getCurrent());
    }

    /** The client address of a Vaadin request, or {@code "unknown"} for none. */
    public static String of(VaadinRequest request) {
        if (request == null) {
            return "unknown";
        }
        Object resolved = request.getAttribute(ATTRIBUTE);
        if (resolved instanceof String address) {
            return address;
        }
        // only when the filter did not run (it serves every path of the portal's context)
        String remote = request.getRemoteAddr();
        return remote == null ? "unknown" : remote;
    }
}
