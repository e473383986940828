package org.partnerfinance.documents.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.partnerfinance.documents.api.DocumentEvents;
import org.partnerfinance.ui.api.LiveUpdates;

/**
 * Hands the documents core's committed changes (Event Admin, {@link DocumentEvents#TOPIC}) to the UI's live-update
 * facility as {@link LiveUpdates#DOCUMENTS} for the partner concerned. The documents core imports no UI; the screens
 * only know {@link LiveUpdates}.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + DocumentEvents.TOPIC)
public class DocumentEventsBridge implements EventHandler {

    @Reference
    private LiveUpdates liveUpdates;

    public DocumentEventsBridge() {
    }

    DocumentEventsBridge(LiveUpdates liveUpdates) {
        this.liveUpdates = liveUpdates;
    }

    @Override
    public void handleEvent(Event event) {
        Object partner = event.getProperty(DocumentEvents.PARTNER);
        liveUpdates.publish(LiveUpdates.DOCUMENTS, partner == null ? null : partner.toString());
    }
}
