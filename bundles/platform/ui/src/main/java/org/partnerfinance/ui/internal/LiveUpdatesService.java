package org.partnerfinance.ui.internal;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.partnerfinance.ui.api.LiveUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.shared.Registration;

/**
 * The live-update facility of the UI API. Subscriptions are held only while their view is attached (a view that is
 * navigated away from and dropped leaves nothing behind here); a published change is matched on a thread of this
 * component and handed to each concerned view's UI, so the publisher never waits for other people's screens.
 */
@Component(service = LiveUpdates.class)
public class LiveUpdatesService implements LiveUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(LiveUpdatesService.class);

    private final Set<Subscription> active = ConcurrentHashMap.newKeySet();

    /** Runs the matching; the caller's thread until activated (unit tests), a single own thread when active. */
    private volatile java.util.concurrent.Executor dispatcher = Runnable::run;
    private ExecutorService ownExecutor;

    /** Hands a refresh to a UI; {@link UI#access} in the portal, replaceable in unit tests. */
    private final BiConsumer<UI, Command> access;

    public LiveUpdatesService() {
        this(UI::access);
    }

    LiveUpdatesService(BiConsumer<UI, Command> access) {
        this.access = access;
    }

    @Activate
    void activate() {
        ownExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "pf-ui-live-updates");
            thread.setDaemon(true);
            return thread;
        });
        dispatcher = ownExecutor;
    }

    @Deactivate
    void deactivate() {
        dispatcher = Runnable::run;
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
            ownExecutor = null;
        }
        active.clear();
    }

    @Override
    public void publish(String topic, String partnerId) {
        Objects.requireNonNull(topic, "topic");
        try {
            dispatcher.execute(() -> deliver(topic, partnerId));
        } catch (RejectedExecutionException e) {
            LOG.debug("Live updates stopped; change of {} not forwarded", topic);
        }
    }

    @Override
    public Registration subscribe(com.vaadin.flow.component.Component view, String topic, Predicate<String> partners,
            Runnable refresh) {
        Subscription subscription = new Subscription(Objects.requireNonNull(topic, "topic"),
                Objects.requireNonNull(partners, "partners"), Objects.requireNonNull(refresh, "refresh"));
        Registration onAttach = view.addAttachListener(e -> subscription.attach(e.getUI()));
        Registration onDetach = view.addDetachListener(e -> subscription.detach());
        view.getUI().ifPresent(subscription::attach);
        return () -> {
            onAttach.remove();
            onDetach.remove();
            subscription.detach();
        };
    }

    /** Number of subscriptions of attached views (diagnostics and tests). */
    int activeCount() {
        return active.size();
    }

    private void deliver(String topic, String partnerId) {
        for (Subscription s : active) {
            if (!s.topic.equals(topic)) {
                continue;
            }
            boolean concerned;
            try {
                concerned = s.partners.test(partnerId);
            } catch (RuntimeException e) {
                LOG.warn("A live-update filter failed for topic {}", topic, e);
                continue;
            }
            if (concerned) {
                s.schedule();
            }
        }
    }

    /** One view's interest; identity semantics (two views with equal lambdas are two subscriptions). */
    private final class Subscription {
        final String topic;
        final Predicate<String> partners;
        final Runnable refresh;
        private volatile UI ui;
        /** A refresh is queued in the UI and has not run yet: further changes until then need no second one. */
        private final AtomicBoolean pending = new AtomicBoolean();

        Subscription(String topic, Predicate<String> partners, Runnable refresh) {
            this.topic = topic;
            this.partners = partners;
            this.refresh = refresh;
        }

        void attach(UI attachedTo) {
            ui = attachedTo;
            // a refresh queued in a UI that went away never ran: do not let it block the next one
            pending.set(false);
            active.add(this);
        }

        void detach() {
            active.remove(this);
            ui = null;
        }

        void schedule() {
            UI target = ui;
            if (target == null || !pending.compareAndSet(false, true)) {
                return;
            }
            try {
                access.accept(target, () -> {
                    pending.set(false);
                    try {
                        refresh.run();
                    } catch (RuntimeException e) {
                        LOG.warn("Refreshing a view after a change of {} failed", topic, e);
                    }
                });
            } catch (UIDetachedException e) {
                // the browser tab is gone; Vaadin detaches the view later, until then nothing is delivered
                pending.set(false);
                detach();
            }
        }
    }
}
