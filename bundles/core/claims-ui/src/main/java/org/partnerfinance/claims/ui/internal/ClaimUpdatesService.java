package org.partnerfinance.claims.ui.internal;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.partnerfinance.claims.api.ClaimChange;
import org.partnerfinance.claims.api.ClaimListener;
import org.partnerfinance.claims.ui.api.ClaimUpdates;
import org.partnerfinance.extensions.api.ExtensionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;

/**
 * Pushes claim changes (and changes of the installed extensions, e.g. a claim type coming or going) to the claim views
 * and extension components (dashboard widgets) that are open in browsers. They subscribe while attached; a change is
 * handed to each subscriber's own UI through {@link UI#access}, where it re-reads the data with its own caller. The
 * claims core calls {@link #claimChanged} after commit, on the thread that made the change: the hand-over to the
 * subscribers happens on a thread of this component, so that the caller never waits for other people's screens to
 * refresh.
 */
@Component(service = { ClaimListener.class, ExtensionListener.class, ClaimUpdates.class })
public class ClaimUpdatesService implements ClaimUpdates, ClaimListener, ExtensionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimUpdatesService.class);

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

    /**
     * Extension changes are forwarded a moment later: the listener may be told while the claims core is still
     * unbinding or binding the claim type whose service changed.
     */
    static final long EXTENSION_SETTLE_MILLIS = 500;

    /** Runs the hand-over; synchronous until activated (unit tests), a single background thread when active. */
    private volatile Executor dispatcher = Runnable::run;
    private volatile ScheduledExecutorService ownExecutor;

    @Activate
    void activate() {
        ownExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pf-claims-ui-updates");
            thread.setDaemon(true);
            return thread;
        });
        dispatcher = ownExecutor;
    }

    @Override
    public Registration subscribe(UI ui, Predicate<ClaimChange> filter, Runnable onClaimChange, Runnable onTypesChange) {
        Subscription subscription = new Subscription(Objects.requireNonNull(ui), Objects.requireNonNull(filter),
                Objects.requireNonNull(onClaimChange), onTypesChange);
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    /** Number of open subscriptions (for diagnostics and tests). */
    public int subscriptionCount() {
        return subscriptions.size();
    }

    @Override
    public void claimChanged(ClaimChange change) {
        dispatch(() -> deliverClaimChange(change));
    }

    @Override
    public void extensionsChanged() {
        ScheduledExecutorService scheduler = ownExecutor;
        if (scheduler == null) {
            dispatch(this::deliverExtensionsChange);
            return;
        }
        try {
            scheduler.schedule(this::deliverExtensionsChange, EXTENSION_SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Claim view updates stopped; extension change not forwarded");
        }
    }

    private void dispatch(Runnable work) {
        try {
            dispatcher.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.debug("Claim view updates stopped; change not forwarded");
        }
    }

    private void deliverClaimChange(ClaimChange change) {
        for (Subscription s : subscriptions) {
            boolean concerned;
            try {
                concerned = s.filter.test(change);
            } catch (RuntimeException e) {
                LOG.warn("Claim change filter failed for claim {}", change.claimId(), e);
                continue;
            }
            if (concerned) {
                deliver(s, s.onClaimChange);
            }
        }
    }

    private void deliverExtensionsChange() {
        for (Subscription s : subscriptions) {
            if (s.onTypesChange != null) {
                deliver(s, s.onTypesChange);
            }
        }
    }

    private void deliver(Subscription s, Runnable work) {
        try {
            s.ui.access(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("Refreshing a component after a claim or extension change failed", e);
                }
            });
        } catch (UIDetachedException e) {
            subscriptions.remove(s);
        }
    }

    @Deactivate
    void deactivate() {
        dispatcher = Runnable::run;
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
            ownExecutor = null;
        }
        subscriptions.clear();
    }

    private record Subscription(UI ui, Predicate<ClaimChange> filter, Runnable onClaimChange, Runnable onTypesChange) {
        // identity semantics: two views with equal lambdas are still two subscriptions
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
