package org.partnerfinance.widget.myclaims.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.partnerfinance.claims.api.ClaimChange;
import org.partnerfinance.claims.api.ClaimStatus;

import com.vaadin.flow.component.UI;

public class ClaimChangesTest {

    @Test
    public void closedUisAreDroppedOnlyWhenAChangeConcernsThem() {
        ClaimChanges changes = new ClaimChanges();
        changes.subscribe(new UI(), c -> "P-1".equals(c.partnerId()), () -> { });
        changes.subscribe(new UI(), c -> "P-2".equals(c.partnerId()), () -> { });
        changes.claimChanged(new ClaimChange(1, "P-1", ClaimStatus.SUBMITTED));
        assertEquals(1, changes.subscriptionCount());
    }

    @Test
    public void removingTheRegistrationUnsubscribes() {
        ClaimChanges changes = new ClaimChanges();
        var registration = changes.subscribe(new UI(), c -> true, () -> { });
        registration.remove();
        assertEquals(0, changes.subscriptionCount());
    }
}
