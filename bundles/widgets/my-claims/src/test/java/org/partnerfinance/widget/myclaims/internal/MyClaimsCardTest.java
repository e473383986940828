package org.partnerfinance.widget.myclaims.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import java.lang.reflect.Proxy;
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

public class MyClaimsCardTest {

    private static final Caller PARTNER = new Caller("partner", "Paula", Set.of(Role.PARTNER_USER), "P-1");

    private final AtomicInteger reads = new AtomicInteger();
    private final RecordingLiveUpdates live = new RecordingLiveUpdates();

    @Test
    public void refreshesOnClaimChangesOfItsPartnerOnly() {
        MyClaimsCard card = new MyClaimsCard(context(), claims(), live);
        assertEquals("read once when created", 1, reads.get());
        assertEquals(1, live.subscriptions().size());
        assertSame(card, live.subscriptions().get(0).view());
        assertEquals(LiveUpdates.CLAIMS, live.subscriptions().get(0).topic());

        live.publish(LiveUpdates.CLAIMS, "P-1");
        assertEquals("a change of the caller's partner refreshes the card", 2, reads.get());
        live.publish(LiveUpdates.CLAIMS, "P-2");
        live.publish(LiveUpdates.DOCUMENTS, "P-1");
        assertEquals("another partner's claims and other topics are ignored", 2, reads.get());
    }

    private ClaimService claims() {
        return (ClaimService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { ClaimService.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("totals")) {
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
                return PARTNER;
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
