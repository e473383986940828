package org.partnerfinance.documents.ui.internal;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.Test;
import org.osgi.service.event.Event;
import org.partnerfinance.documents.api.DocumentEvents;
import org.partnerfinance.ui.api.LiveUpdates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

public class DocumentEventsBridgeTest {

    private final List<String> published = new ArrayList<>();
    private final LiveUpdates updates = new LiveUpdates() {
        @Override
        public void publish(String topic, String partnerId) {
            published.add(topic + ":" + partnerId);
        }

        @Override
        public Registration subscribe(Component view, String topic, Predicate<String> partners, Runnable refresh) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    public void aCommittedDocumentsChangeBecomesALiveUpdateForItsPartner() {
        DocumentEventsBridge bridge = new DocumentEventsBridge(updates);
        bridge.handleEvent(new Event(DocumentEvents.TOPIC, Map.of(DocumentEvents.PARTNER, "P-1001",
                DocumentEvents.ENTITY, "dispute", DocumentEvents.ID, 7L, DocumentEvents.ACTION, "dispute.accepted")));
        bridge.handleEvent(new Event(DocumentEvents.TOPIC, Map.of(DocumentEvents.ENTITY, "payment")));
        assertEquals(List.of("documents:P-1001", "documents:null"), published);
    }
}
