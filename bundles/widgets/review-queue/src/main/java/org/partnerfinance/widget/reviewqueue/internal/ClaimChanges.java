package org.partnerfinance.widget.reviewqueue.internal;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.partnerfinance.claims.api.ClaimChange;
import org.partnerfinance.claims.api.ClaimListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;

/**
 * Hands claim changes to the widget cards open in browsers: each card subscribes while attached and refreshes itself
 * in its own UI. Called by the claims core after commit on the thread that made the change; the hand-over runs on a
 * thread of this component so that the caller does not wait for other people's screens.
 */
@Component(service = { ClaimListener.class, ClaimChanges.class })
public class ClaimChanges implements ClaimListener {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimChanges.class);

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

    /** Synchronous until activated (unit tests), a single background thread when active. */
    private volatile Executor dispatcher = Runnable::run;
    private volatile ExecutorService ownExecutor;

    @Activate
    void activate() {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "pf-widget-updates");
            thread.setDaemon(true);
            return thread;
        });
        ownExecutor = executor;
        dispatcher = executor;
    }

    public Registration subscribe(UI ui, Predicate<ClaimChange> filter, Runnable refresh) {
        Subscription s = new Subscription(Objects.requireNonNull(ui), Objects.requireNonNull(filter),
                Objects.requireNonNull(refresh));
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    int subscriptionCount() {
        return subscriptions.size();
    }

    @Override
    public void claimChanged(ClaimChange change) {
        try {
            dispatcher.execute(() -> deliver(change));
        } catch (RejectedExecutionException e) {
            LOG.debug("Widget updates stopped; change not forwarded");
        }
    }

    private void deliver(ClaimChange change) {
        for (Subscription s : subscriptions) {
            if (!s.filter.test(change)) {
                continue;
            }
            try {
                s.ui.access(() -> {
                    try {
                        s.refresh.run();
                    } catch (RuntimeException e) {
                        LOG.warn("Refreshing the review-queue widget failed", e);
                    }
                });
            } catch (UIDetachedException e) {
                subscriptions.remove(s);
            }
        }
    }

    @Deactivate
    void deactivate() {
        dispatcher = Runnable::run;
        ExecutorService executor = ownExecutor;
        ownExecutor = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        subscriptions.clear();
    }

    private static final class Subscription {
        final UI ui;
        final Predicate<ClaimChange> filter;
        final Runnable refresh;

        Subscription(UI ui, Predicate<ClaimChange> filter, Runnable refresh) {
            this.ui = ui;
            this.filter = filter;
            this.refresh = refresh;
        }
    }
}
