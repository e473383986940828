package org.partnerfinance.claims.rules.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.partnerfinance.claims.rules.api.DeadlineExtensions;
import org.partnerfinance.ui.api.LiveUpdates;

/**
 * Turns the committed requests and decisions the extension service posts on Event Admin into live updates, so that the
 * partner's and finance's open screens refresh; the claim's history changed too, so claim views refresh as well.
 */
@Component(property = EventConstants.EVENT_TOPIC + "=" + DeadlineExtensions.TOPIC)
public class ExtensionLiveUpdates implements EventHandler {

    @Reference
    private LiveUpdates live;

    @Override
    public void handleEvent(Event event) {
        Object partner = event.getProperty("partner");
        String partnerId = partner == null ? null : partner.toString();
        live.publish(Texts.TOPIC, partnerId);
        live.publish(LiveUpdates.CLAIMS, partnerId);
    }
}
