package org.partnerfinance.ui.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.partnerfinance.ui.api.LiveUpdates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

/**
 * A {@link LiveUpdates} for unit tests of views and bridges (pf-ui test-jar): records what is published and who
 * subscribed, and runs a matching subscriber's refresh at once on the publishing thread, attached or not (the real
 * facility hands it to the view's UI).
 */
public final class RecordingLiveUpdates implements LiveUpdates {

    /** One subscription. */
    public record Subscription(Component view, String topic, Predicate<String> partners, Runnable refresh) {
    }

    /** One published change. */
    public record Published(String topic, String partnerId) {
    }

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<Published> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(String topic, String partnerId) {
        Objects.requireNonNull(topic, "topic");
        published.add(new Published(topic, partnerId));
        for (Subscription s : subscriptions) {
            if (s.topic().equals(topic) && s.partners().test(partnerId)) {
                s.refresh().run();
            }
        }
    }

    @Override
    public Registration subscribe(Component view, String topic, Predicate<String> partners, Runnable refresh) {
        Subscription s = new Subscription(view, topic, partners, refresh);
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    /** The subscriptions still registered. */
    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** What was published, in order. */
    public List<Published> published() {
        return new ArrayList<>(published);
    }
}
