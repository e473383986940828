package org.partnerfinance.claims.ui.internal;

import java.util.function.Predicate;

import org.partnerfinance.claims.api.ClaimChange;
import org.partnerfinance.claims.ui.api.ClaimUpdates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

/** Keeps a view subscribed to {@link ClaimUpdates} exactly while it is attached to a UI. */
final class LiveView {

    private Registration registration;

    private LiveView() {
    }

    static void bind(Component view, ClaimUpdates updates, Predicate<ClaimChange> filter, Runnable onClaimChange,
            Runnable onTypesChange) {
        LiveView live = new LiveView();
        view.addAttachListener(e -> {
            live.unsubscribe();
            live.registration = updates.subscribe(e.getUI(), filter, onClaimChange, onTypesChange);
        });
        view.addDetachListener(e -> live.unsubscribe());
    }

    private void unsubscribe() {
        if (registration != null) {
            registration.remove();
            registration = null;
        }
    }
}
