package org.partnerfinance.ui.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.partnerfinance.notifications.api.NotificationEvents;
import org.partnerfinance.ui.api.LiveUpdates;

/**
 * Hands {@link NotificationEvents} (posted after a commit) to open bells as {@link LiveUpdates#NOTIFICATIONS} for the
 * recipient's partner ({@code null} for staff): each bell then re-reads its own user's inbox.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + NotificationEvents.TOPIC)
public class NotificationEventsBridge implements EventHandler {

    private final LiveUpdates liveUpdates;

    @Activate
    public NotificationEventsBridge(@Reference LiveUpdates liveUpdates) {
        this.liveUpdates = liveUpdates;
    }

    @Override
    public void handleEvent(org.osgi.service.event.Event event) {
        Object partner = event.getProperty(NotificationEvents.PARTNER);
        liveUpdates.publish(LiveUpdates.NOTIFICATIONS, partner == null ? null : partner.toString());
    }
}
