package org.partnerfinance.ui.internal;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.Test;
import org.partnerfinance.ui.api.LiveUpdates;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.shared.Registration;

/**
 * The service is not activated here, so changes are matched on the publishing thread; refreshes handed to a UI are
 * queued in {@link #queued} and run when the test says so, as Vaadin runs {@code UI.access} commands when it gets the
 * session lock.
 */
public class LiveUpdatesServiceTest {

    private final List<Command> queued = new ArrayList<>();
    private final LiveUpdatesService service = new LiveUpdatesService((ui, command) -> queued.add(command));
    private final LiveUpdates updates = service;

    private void runQueued() {
        List<Command> now = new ArrayList<>(queued);
        queued.clear();
        now.forEach(Command::execute);
    }

    private static Div attachedView() {
        Div view = new Div();
        new UI().add(view);
        return view;
    }

    @Test
    public void aChangeRefreshesOnlyAttachedViewsOfThatTopicAndPartner() {
        int[] mine = new int[1];
        int[] other = new int[1];
        int[] claims = new int[1];
        updates.subscribe(attachedView(), LiveUpdates.DOCUMENTS, p -> Objects.equals(p, "P-1"), () -> mine[0]++);
        updates.subscribe(attachedView(), LiveUpdates.DOCUMENTS, p -> Objects.equals(p, "P-2"), () -> other[0]++);
        updates.subscribe(attachedView(), "claims", p -> true, () -> claims[0]++);

        updates.publish(LiveUpdates.DOCUMENTS, "P-1");
        runQueued();

        assertEquals(1, mine[0]);
        assertEquals(0, other[0]);
        assertEquals(0, claims[0]);
    }

    @Test
    public void aFinanceViewFollowsEveryPartnerAndChangesWithoutPartner() {
        int[] runs = new int[1];
        updates.subscribe(attachedView(), LiveUpdates.DOCUMENTS, p -> true, () -> runs[0]++);
        updates.publish(LiveUpdates.DOCUMENTS, "P-1");
        runQueued();
        updates.publish(LiveUpdates.DOCUMENTS, null);
        runQueued();
        assertEquals(2, runs[0]);
    }

    @Test
    public void changesBeforeTheViewRefreshedCauseOneRefresh() {
        int[] runs = new int[1];
        updates.subscribe(attachedView(), LiveUpdates.DOCUMENTS, p -> true, () -> runs[0]++);
        updates.publish(LiveUpdates.DOCUMENTS, "P-1");
        updates.publish(LiveUpdates.DOCUMENTS, "P-1");
        updates.publish(LiveUpdates.DOCUMENTS, "P-1");
        assertEquals("one refresh queued for three changes", 1, queued.size());
        runQueued();
        updates.publish(LiveUpdates.DOCUMENTS, "P-1");
        runQueued();
        assertEquals(2, runs[0]);
    }

    @Test
    public void aSubscriptionFollowsAttachAndDetachAndEndsWithItsRegistration() {
        int[] runs = new int[1];
        Div view = new Div();
        Registration registration = updates.subscribe(view, LiveUpdates.DOCUMENTS, p -> true, () -> runs[0]++);
        assertEquals("not attached yet", 0, service.activeCount());
        updates.publish(LiveUpdates.DOCUMENTS, "P-1");
        assertEquals(0, queued.size());

        UI ui = new UI();
        ui.add(view);
        assertEquals(1, service.activeCount());
        updates.publish(LiveUpdates.DOCUMENTS, "P-1");
        runQueued();
        assertEquals(1, runs[0]);

        ui.remove(view);
        assertEquals("a detached view is not held", 0, service.activeCount());
        updates.publish(LiveUpdates.DOCUMENTS, "P-1");
        assertEquals(0, queued.size());

        ui.add(view);
        assertEquals("attached again, it follows again", 1, service.activeCount());

        registration.remove();
        assertEquals(0, service.activeCount());
        ui.remove(view);
        ui.add(view);
        assertEquals("removed for good", 0, service.activeCount());
    }

    @Test
    public void aFailingFilterOrRefreshSkipsOnlyThatView() {
        int[] runs = new int[1];
        updates.subscribe(attachedView(), LiveUpdates.DOCUMENTS, p -> {
            throw new IllegalStateException("broken filter");
        }, () -> runs[0]++);
        updates.subscribe(attachedView(), LiveUpdates.DOCUMENTS, p -> true, () -> {
            throw new IllegalStateException("broken refresh");
        });
        updates.subscribe(attachedView(), LiveUpdates.DOCUMENTS, p -> true, () -> runs[0]++);
        updates.publish(LiveUpdates.DOCUMENTS, "P-1");
        runQueued();
        assertEquals(1, runs[0]);
    }

    @Test
    public void aClosedUiDropsTheSubscription() {
        LiveUpdatesService real = new LiveUpdatesService();
        int[] runs = new int[1];
        // a UI without a session: access() fails with UIDetachedException, as for a closed browser tab
        real.subscribe(attachedView(), LiveUpdates.DOCUMENTS, p -> true, () -> runs[0]++);
        assertEquals(1, real.activeCount());
        real.publish(LiveUpdates.DOCUMENTS, "P-1");
        assertEquals(0, real.activeCount());
        assertEquals(0, runs[0]);
    }
}
