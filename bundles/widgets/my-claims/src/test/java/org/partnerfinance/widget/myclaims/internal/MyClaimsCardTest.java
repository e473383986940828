package org.partnerfinance.widget.myclaims.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import java.lang.reflect.Proxy;
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

public class MyClaimsCardTest {

    private static final Caller PARTNER = new Caller("partner", "Paula", Set.of(Role.PARTNER_USER), "P-1");

    private final AtomicInteger reads = new AtomicInteger();
    private final FakeClaimUpdates updates = new FakeClaimUpdates();

    @Test
    public void subscribesWhileAttachedAndRefreshesOnChangesOfItsPartnerOnly() {
        MyClaimsCard card = new MyClaimsCard(context(), claims(), updates);
        assertEquals("read once when created", 1, reads.get());
        assertEquals("not subscribed before it is shown", 0, updates.subscriptions.size());

        UI ui = new UI();
        ui.add(card);
        assertEquals(1, updates.subscriptions.size());
        assertSame(ui, updates.subscriptions.get(0).ui());

        updates.deliver(new ClaimChange(7, "P-1", ClaimStatus.SUBMITTED));
        assertEquals("a change of the caller's partner refreshes the card", 2, reads.get());
        updates.deliver(new ClaimChange(8, "P-2", ClaimStatus.SUBMITTED));
        assertEquals("another partner's change is ignored", 2, reads.get());

        ui.remove(card);
        assertEquals("detaching unsubscribes", 0, updates.subscriptions.size());
        ui.add(card);
        assertEquals("attaching again subscribes once", 1, updates.subscriptions.size());
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
