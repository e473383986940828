package org.partnerfinance.claims.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;
import org.partnerfinance.claims.api.ClaimChange;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.ui.api.ClaimUpdates;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * The service is not activated here, so changes are handed over synchronously. A {@code new UI()} has no session:
 * {@code access()} fails with {@code UIDetachedException}, which is how the service notices a closed browser tab, so
 * the number of remaining subscriptions shows which subscribers a change was delivered to.
 */
public class ClaimUpdatesServiceTest {

    private final ClaimUpdatesService service = new ClaimUpdatesService();
    /** What extensions see: only the API interface. */
    private final ClaimUpdates updates = service;

    @Test
    public void aChangeReachesOnlySubscribersWhoseFilterAcceptsIt() {
        int[] runs = new int[1];
        updates.subscribe(new UI(), change -> true, () -> runs[0]++, null);
        updates.subscribe(new UI(), change -> "P-2".equals(change.partnerId()), () -> runs[0]++, null);
        assertEquals(2, service.subscriptionCount());

        service.claimChanged(new ClaimChange(1, "P-1", ClaimStatus.APPROVED));

        assertEquals("the closed UI matching the change is dropped, the other kept", 1, service.subscriptionCount());
        assertEquals("nothing runs in a closed UI", 0, runs[0]);

        service.claimChanged(new ClaimChange(2, "P-2", ClaimStatus.SUBMITTED));
        assertEquals(0, service.subscriptionCount());
    }

    @Test
    public void removingTheRegistrationUnsubscribes() {
        Registration first = updates.subscribe(new UI(), change -> false, () -> { }, () -> { });
        updates.subscribe(new UI(), change -> false, () -> { }, null);
        assertEquals(2, service.subscriptionCount());

        first.remove();
        assertEquals(1, service.subscriptionCount());
        first.remove();
        assertEquals("removing twice is harmless", 1, service.subscriptionCount());
    }

    @Test
    public void equalCallbacksAreStillSeparateSubscriptions() {
        UI ui = new UI();
        Runnable refresh = () -> { };
        Registration a = updates.subscribe(ui, change -> true, refresh, null);
        updates.subscribe(ui, change -> true, refresh, null);
        assertEquals(2, service.subscriptionCount());
        a.remove();
        assertEquals(1, service.subscriptionCount());
    }

    @Test
    public void extensionChangesReachOnlySubscribersThatAskedForThem() {
        updates.subscribe(new UI(), change -> true, () -> { }, () -> { });
        updates.subscribe(new UI(), change -> true, () -> { }, null);

        service.extensionsChanged();

        assertEquals("the subscriber without onTypesChange is not contacted", 1, service.subscriptionCount());
    }

    @Test
    public void aFailingFilterSkipsOnlyThatSubscriber() {
        updates.subscribe(new UI(), change -> {
            throw new IllegalStateException("broken filter");
        }, () -> { }, null);
        updates.subscribe(new UI(), change -> true, () -> { }, null);

        service.claimChanged(new ClaimChange(3, "P-1", ClaimStatus.REJECTED));

        assertEquals("the failing subscriber is kept, the matching closed one dropped", 1, service.subscriptionCount());
    }

    @Test
    public void requiredArgumentsAreChecked() {
        assertThrows(NullPointerException.class, () -> updates.subscribe(null, change -> true, () -> { }, null));
        assertThrows(NullPointerException.class, () -> updates.subscribe(new UI(), null, () -> { }, null));
        assertThrows(NullPointerException.class, () -> updates.subscribe(new UI(), change -> true, null, null));
    }

    @Test
    public void deactivationDropsAllSubscriptions() {
        service.activate();
        updates.subscribe(new UI(), change -> true, () -> { }, null);
        service.deactivate();
        assertEquals(0, service.subscriptionCount());
    }
}
