package org.partnerfinance.documents.ui.internal.common;

import java.util.Objects;

import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

/** How a documents view follows changes: its own partner's for partner users, every partner's for finance. */
public final class LiveView {

    private LiveView() {
    }

    /**
     * Refreshes {@code view} when documents of {@code partnerId} change ({@code null}: of any partner, for views over
     * all partners).
     */
    public static Registration follow(Component view, LiveUpdates updates, String partnerId, Runnable refresh) {
        return updates.subscribe(view, LiveUpdates.DOCUMENTS,
                partnerId == null ? p -> true : p -> p == null || Objects.equals(p, partnerId), refresh);
    }

    /** The partner a view shows for this caller: a partner user's own, else the one asked for (may be null). */
    public static String partnerOf(Caller caller, String requested) {
        if (caller.isPartner()) {
            return caller.partnerId();
        }
        return requested == null || requested.isBlank() ? null : requested.strip();
    }
}
