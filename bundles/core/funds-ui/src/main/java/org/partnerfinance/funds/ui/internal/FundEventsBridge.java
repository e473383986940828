package org.partnerfinance.funds.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.partnerfinance.funds.api.FundEvents;
import org.partnerfinance.ui.api.LiveUpdates;

/**
 * Hands the funds core's committed changes (Event Admin, {@link FundEvents#TOPIC}) to the UI's live updates for the
 * partner concerned ({@code null} for programme and budget changes). The funds core imports no UI.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + FundEvents.TOPIC)
public class FundEventsBridge implements EventHandler {

    @Reference
    private LiveUpdates liveUpdates;

    @Override
    public void handleEvent(Event event) {
        Object partner = event.getProperty(FundEvents.PARTNER);
        liveUpdates.publish(FundsUi.TOPIC, partner == null ? null : partner.toString());
    }
}
