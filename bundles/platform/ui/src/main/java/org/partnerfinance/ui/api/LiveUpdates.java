package org.partnerfinance.ui.api;

import java.util.function.Predicate;

import org.osgi.annotation.versioning.ProviderType;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

/**
 * Tells open views that something they show has changed, so that they refresh through push without a reload and
 * without polling. Any bundle publishes "this kind of thing changed (for this partner)" after its change has
 * committed; views subscribe to a topic with a filter on the partner. The refresh runs in the view's own UI (through
 * {@code UI.access}), where the view re-reads its data with its own caller: nothing but the topic and the partner id
 * travels, so a subscriber never sees data it could not read itself.
 *
 * <p>A subscription is active while its view is attached to a UI and resumes when the view is attached again;
 * {@link Registration#remove()} ends it for good. Publishing never waits for the refreshes: they are handed to the
 * UIs on a thread of the provider, and several changes that arrive before a view got to refresh cause one refresh.
 */
@ProviderType
public interface LiveUpdates {

    /** Topic of invoices, credit notes, payments, disputes and statements. */
    String DOCUMENTS = "documents";

    /** Topic of claims: submissions, decisions, settlements, claim types arriving or leaving. */
    String CLAIMS = "claims";

    /** Topic of a user's notifications (the bell); published with the partner id of the recipient or {@code null}. */
    String NOTIFICATIONS = "notifications";

    /**
     * Announces a change.
     *
     * @param topic     what kind of thing changed, e.g. {@link #DOCUMENTS}
     * @param partnerId the partner whose data changed, or {@code null} when it concerns no single partner
     */
    void publish(String topic, String partnerId);

    /**
     * Refreshes a view when a matching change is published while it is attached.
     *
     * @param view     the view; the subscription follows its attach and detach
     * @param topic    the topic to follow
     * @param partners which partners' changes concern the view (it is given the published partner id, which may be
     *                 {@code null}); e.g. {@code p -> Objects.equals(p, myPartner)} or {@code p -> true} for finance
     * @param refresh  run in the view's UI, with the UI's session locked
     * @return the registration; {@link Registration#remove()} unsubscribes
     */
    Registration subscribe(Component view, String topic, Predicate<String> partners, Runnable refresh);
}
