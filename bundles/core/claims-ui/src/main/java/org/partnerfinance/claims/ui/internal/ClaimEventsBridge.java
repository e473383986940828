package org.partnerfinance.claims.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.partnerfinance.claims.api.ClaimEvents;
import org.partnerfinance.extensions.api.ExtensionListener;
import org.partnerfinance.ui.api.LiveUpdates;

/**
 * Hands what the claims core announces on Event Admin to the UI's live-update facility as {@link LiveUpdates#CLAIMS}:
 * a committed claim change ({@link ClaimEvents#TOPIC}) for the claim's partner, a change of the claim types the core
 * offers ({@link ClaimEvents#TYPES_TOPIC}) for no single partner. The core posts both only after its own state has
 * changed (after commit; after it bound or unbound the type), so a view that refreshes on them reads the new state:
 * no delay is needed. Extensions switched on or off also refresh the claim views (the core reads the toggles on every
 * call, so they are already in force when the listeners are told).
 */
@Component(service = { EventHandler.class, ExtensionListener.class }, property = {
        EventConstants.EVENT_TOPIC + "=" + ClaimEvents.TOPIC,
        EventConstants.EVENT_TOPIC + "=" + ClaimEvents.TYPES_TOPIC })
public class ClaimEventsBridge implements EventHandler, ExtensionListener {

    @Reference
    private LiveUpdates liveUpdates;

    public ClaimEventsBridge() {
    }

    ClaimEventsBridge(LiveUpdates liveUpdates) {
        this.liveUpdates = liveUpdates;
    }

    @Override
    public void handleEvent(Event event) {
        if (ClaimEvents.TYPES_TOPIC.equals(event.getTopic())) {
            liveUpdates.publish(LiveUpdates.CLAIMS, null);
            return;
        }
        Object partner = event.getProperty(ClaimEvents.PARTNER);
        liveUpdates.publish(LiveUpdates.CLAIMS, partner == null ? null : partner.toString());
    }

    @Override
    public void extensionsChanged() {
        liveUpdates.publish(LiveUpdates.CLAIMS, null);
    }
}
