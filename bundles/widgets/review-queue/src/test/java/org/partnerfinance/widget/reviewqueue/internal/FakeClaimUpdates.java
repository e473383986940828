package org.partnerfinance.widget.reviewqueue.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.partnerfinance.claims.api.ClaimChange;
import org.partnerfinance.claims.ui.api.ClaimUpdates;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/** Records subscriptions so that tests can check what a card subscribes to and deliver changes by hand. */
final class FakeClaimUpdates implements ClaimUpdates {

    record Subscription(UI ui, Predicate<ClaimChange> filter, Runnable onClaimChange, Runnable onTypesChange) {
    }

    final List<Subscription> subscriptions = new ArrayList<>();

    @Override
    public Registration subscribe(UI ui, Predicate<ClaimChange> filter, Runnable onClaimChange,
            Runnable onTypesChange) {
        Subscription s = new Subscription(ui, filter, onClaimChange, onTypesChange);
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    /** Delivers a change the way the real service does, to every subscriber whose filter accepts it. */
    void deliver(ClaimChange change) {
        for (Subscription s : List.copyOf(subscriptions)) {
            if (s.filter().test(change)) {
                s.onClaimChange().run();
            }
        }
    }
}
