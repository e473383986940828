package org.partnerfinance.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.notifications.api.Notification;
import org.partnerfinance.notifications.api.Notifications;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;

/** The bell shows the signed-in user's unread count and recent items, and "Mark all read" empties the count. */
public class NotificationBellTest {

    private static final Caller ANN = new Caller("ann", "Ann", Set.of(Role.PARTNER_USER), "P1");

    @Test
    public void showsTheUnreadCountAndTheRecentItemsAndMarksAllRead() {
        List<Notification> inbox = new ArrayList<>(List.of(
                new Notification(2, "ann", "claim.status", "Claim CLM-2 was approved", "Open it.", "claims/detail?id=2",
                        Instant.now().minusSeconds(120), false),
                new Notification(1, "ann", "claim.status", "Claim CLM-1 was paid", "", null,
                        Instant.now().minus(Duration.ofDays(2)), true)));
        List<String> calls = new ArrayList<>();
        Notifications service = (Notifications) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Notifications.class}, (proxy, method, args) -> {
                    assertEquals("every call is for the signed-in user", ANN, args[0]);
                    calls.add(method.getName());
                    switch (method.getName()) {
                        case "unreadCount":
                            return inbox.stream().filter(n -> !n.read()).count();
                        case "inbox":
                            return List.copyOf(inbox);
                        case "markAllRead":
                            inbox.replaceAll(n -> new Notification(n.id(), n.recipient(), n.kind(), n.title(),
                                    n.text(), n.link(), n.created(), true));
                            return 1;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
        NotificationBell bell = new NotificationBell(service, Optional.empty(), ANN);

        bell.refresh();
        Span count = find(bell, Span.class, "notification-count");
        assertEquals("1", count.getText());
        assertTrue(count.isVisible());
        assertTrue(find(bell, Component.class, "notification-item-2").getElement().getClassList()
                .contains("notification-unread"));
        assertTrue(find(bell, Component.class, "notification-item-1").getElement().getClassList()
                .contains("notification-read"));

        find(bell, Button.class, "notification-mark-all").click();
        assertFalse(count.isVisible());
        assertTrue(calls.contains("markAllRead"));
    }

    @Test
    public void agesAreShortAndHuman() {
        assertEquals("just now", NotificationBell.ago(Duration.ofSeconds(20)));
        assertEquals("5 min ago", NotificationBell.ago(Duration.ofMinutes(5)));
        assertEquals("3 h ago", NotificationBell.ago(Duration.ofHours(3)));
        assertEquals("1 day ago", NotificationBell.ago(Duration.ofHours(30)));
        assertEquals("4 days ago", NotificationBell.ago(Duration.ofDays(4)));
    }

    private static <T extends Component> T find(Component root, Class<T> type, String id) {
        if (type.isInstance(root) && root.getId().map(id::equals).orElse(false)) {
            return type.cast(root);
        }
        for (Component child : root.getChildren().toList()) {
            try {
                return find(child, type, id);
            } catch (AssertionError notHere) {
                // keep looking
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " #" + id);
    }
}
