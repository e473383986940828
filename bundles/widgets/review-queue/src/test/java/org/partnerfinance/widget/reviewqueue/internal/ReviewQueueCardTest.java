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
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.testing.RecordingLiveUpdates;

import com.vaadin.flow.component.UI;

public class ReviewQueueCardTest {

    private static final Caller REVIEWER = new Caller("reviewer", "Rita", Set.of(Role.FINANCE_REVIEWER), null);

    private final AtomicInteger reads = new AtomicInteger();
    private final RecordingLiveUpdates live = new RecordingLiveUpdates();

    @Test
    public void refreshesOnEveryClaimChange() {
        ReviewQueueCard card = new ReviewQueueCard(context(), claims(), live, Map::of, Clock.systemUTC());
        assertEquals("read once when created", 1, reads.get());
        assertEquals(1, live.subscriptions().size());
        assertSame(card, live.subscriptions().get(0).view());

        live.publish(LiveUpdates.CLAIMS, "P-1");
        live.publish(LiveUpdates.CLAIMS, "P-2");
        live.publish(LiveUpdates.CLAIMS, null);
        assertEquals("finance sees every partner's claims", 4, reads.get());
        live.publish(LiveUpdates.DOCUMENTS, "P-1");
        assertEquals(4, reads.get());
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
