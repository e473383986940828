package org.partnerfinance.widget.reviewqueue.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.partnerfinance.claims.api.ClaimChange;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.UI;

public class ReviewQueueCardTest {

    private static final Caller REVIEWER = new Caller("reviewer", "Rita", Set.of(Role.FINANCE_REVIEWER), null);

    private final AtomicInteger reads = new AtomicInteger();
    private final FakeClaimUpdates updates = new FakeClaimUpdates();

    @Test
    public void subscribesWhileAttachedAndRefreshesOnEveryClaimChange() {
        ReviewQueueCard card = new ReviewQueueCard(context(), claims(), updates, Map::of, Clock.systemUTC());
        assertEquals("read once when created", 1, reads.get());
        assertEquals("not subscribed before it is shown", 0, updates.subscriptions.size());

        UI ui = new UI();
        ui.add(card);
        assertEquals(1, updates.subscriptions.size());
        assertSame(ui, updates.subscriptions.get(0).ui());

        updates.deliver(new ClaimChange(7, "P-1", ClaimStatus.SUBMITTED));
        assertEquals("a claim change refreshes the card", 2, reads.get());
        updates.deliver(new ClaimChange(8, "P-2", ClaimStatus.SUBMITTED));
        assertEquals("changes of any partner count", 3, reads.get());

        ui.remove(card);
        assertEquals("detaching unsubscribes", 0, updates.subscriptions.size());
        ui.add(card);
        assertEquals("attaching again subscribes once", 1, updates.subscriptions.size());
    }

    private ClaimService claims() {
        return (ClaimService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { ClaimService.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("reviewQueue")) {
                        reads.incrementAndGet();
                        return List.of();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ScreenContext context() {
        return new ScreenContext() {
            @Override
            public Caller caller() {
                return REVIEWER;
            }

            @Override
            public UI ui() {
                return null;
            }

            @Override
            public Map<String, List<String>> queryParameters() {
                return Map.of();
            }

            @Override
            public void navigate(String pathAndQuery) {
            }

            @Override
            public void notify(String message, boolean error) {
            }
        };
    }
}
