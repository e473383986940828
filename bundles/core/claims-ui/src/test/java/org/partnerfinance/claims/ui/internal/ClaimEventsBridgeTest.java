package org.partnerfinance.claims.ui.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.osgi.service.event.Event;
import org.partnerfinance.claims.api.ClaimEvents;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.testing.RecordingLiveUpdates;
import org.partnerfinance.ui.testing.RecordingLiveUpdates.Published;

public class ClaimEventsBridgeTest {

    private final RecordingLiveUpdates live = new RecordingLiveUpdates();
    private final ClaimEventsBridge bridge = new ClaimEventsBridge(live);

    @Test
    public void aCommittedClaimChangeBecomesALiveUpdateForItsPartner() {
        bridge.handleEvent(new Event(ClaimEvents.TOPIC, Map.of(ClaimEvents.CLAIM, 42L, ClaimEvents.PARTNER, "P-1001",
                ClaimEvents.STATUS, "SUBMITTED", ClaimEvents.ACTION, "claim.submitted")));
        assertEquals(List.of(new Published(LiveUpdates.CLAIMS, "P-1001")), live.published());
    }

    @Test
    public void claimTypesAndTogglesConcernEveryPartner() {
        bridge.handleEvent(new Event(ClaimEvents.TYPES_TOPIC, Map.of(ClaimEvents.TYPE, "expense")));
        bridge.extensionsChanged();
        assertEquals(List.of(new Published(LiveUpdates.CLAIMS, null), new Published(LiveUpdates.CLAIMS, null)),
                live.published());
    }
}
