package org.partnerfinance.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.partnerfinance.notifications.api.Notification;
import org.partnerfinance.notifications.api.Notifications;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.shared.Registration;

/**
 * The bell in the header: the number of unread notifications and, on click, the most recent ones. Clicking an item
 * marks it read and opens its link; "Mark all read" empties the count. New notifications arrive through
 * {@link LiveUpdates#NOTIFICATIONS} (published for the recipient's partner), after which the bell re-reads the
 * signed-in user's own inbox: nothing of another user travels.
 */
final class NotificationBell extends Div {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationBell.class);
    static final int RECENT = 10;

    private final transient Notifications notifications;
    private final transient Optional<LiveUpdates> liveUpdates;
    private final Caller caller;
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span count = new Span();
    private final Popover popover = new Popover();
    private final VerticalLayout items = new VerticalLayout();
    private transient Registration subscription;

    NotificationBell(Notifications notifications, Optional<LiveUpdates> liveUpdates, Caller caller) {
        this.notifications = notifications;
        this.liveUpdates = liveUpdates;
        this.caller = caller;
        setId("notification-bell");
        getStyle().set("position", "relative").set("display", "inline-flex");
        bell.setId("notification-bell-button");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.setAriaLabel("Notifications");
        count.setId("notification-count");
        count.getElement().getThemeList().add("badge");
        count.getElement().getThemeList().add("error");
        count.getElement().getThemeList().add("pill");
        count.getElement().getThemeList().add("small");
        count.getStyle().set("position", "absolute").set("top", "0").set("right", "0");
        add(bell, count);

        Button markAll = new Button("Mark all read", e -> markAllRead());
        markAll.setId("notification-mark-all");
        markAll.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Span heading = new Span("Notifications");
        heading.getStyle().set("font-weight", "600");
        HorizontalLayout top = new HorizontalLayout(heading, markAll);
        top.setWidthFull();
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        top.expand(heading);
        Button settings = new Button("Notification settings", e -> {
            popover.close();
            getUI().ifPresent(ui -> ui.navigate(NotificationSettingsView.class));
        });
        settings.setId("notification-settings-from-bell");
        settings.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        items.setId("notification-items");
        items.setPadding(false);
        items.setSpacing(false);
        VerticalLayout content = new VerticalLayout(top, items, settings);
        content.setPadding(false);
        content.setSpacing(false);
        content.setWidth("24rem");
        popover.setTarget(bell);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.add(content);
        popover.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                refresh();
            }
        });
        // the popover is not a child of the header: it lives beside it in the bell
        add(popover);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        refresh();
        if (subscription == null) {
            liveUpdates.ifPresent(l -> subscription = l.subscribe(this, LiveUpdates.NOTIFICATIONS,
                    p -> Objects.equals(p, caller.partnerId()), this::refresh));
        }
    }

    /** Re-reads the unread count and, while the list is open, the recent items. */
    void refresh() {
        long unread;
        List<Notification> recent;
        try {
            unread = notifications.unreadCount(caller);
            recent = notifications.inbox(caller, 0, RECENT);
        } catch (AccessDeniedException | IllegalStateException e) {
            LOG.debug("Notifications of '{}' not shown: {}", caller.username(), e.getMessage());
            setVisible(false);
            return;
        }
        setVisible(true);
        count.setText(unread > 99 ? "99+" : Long.toString(unread));
        count.setVisible(unread > 0);
        bell.setAriaLabel(unread == 0 ? "Notifications" : "Notifications, " + unread + " unread");
        items.removeAll();
        if (recent.isEmpty()) {
            Paragraph none = new Paragraph("No notifications yet.");
            none.setId("notification-none");
            items.add(none);
        }
        Instant now = Instant.now();
        for (Notification n : recent) {
            items.add(item(n, now));
        }
    }

    private Div item(Notification n, Instant now) {
        Span title = new Span(n.title());
        title.getStyle().set("font-weight", n.read() ? "400" : "600").set("display", "block");
        Span text = new Span(n.text());
        text.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("display", "block");
        Span when = new Span(ago(Duration.between(n.created(), now)));
        when.getStyle().set("color", "var(--lumo-tertiary-text-color)").set("font-size", "var(--lumo-font-size-xs)");
        Div item = new Div(title, text, when);
        item.setId("notification-item-" + n.id());
        item.addClassName(n.read() ? "notification-read" : "notification-unread");
        item.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("cursor", "pointer")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("width", "100%")
                .set("box-sizing", "border-box");
        item.addClickListener(e -> open(n));
        return item;
    }

    private void open(Notification n) {
        try {
            if (!n.read()) {
                notifications.markRead(caller, n.id());
            }
        } catch (IllegalArgumentException | AccessDeniedException e) {
            LOG.debug("Notification {} of '{}' could not be marked read: {}", n.id(), caller.username(),
                    e.getMessage());
        }
        popover.close();
        refresh();
        if (n.link() != null) {
            String link = n.link();
            int question = link.indexOf('?');
            QueryParameters query = question < 0 ? QueryParameters.empty()
                    : QueryParameters.fromString(link.substring(question + 1));
            String path = question < 0 ? link : link.substring(0, question);
            getUI().ifPresent(ui -> ui.navigate(path, query));
        }
    }

    private void markAllRead() {
        try {
            notifications.markAllRead(caller);
        } catch (AccessDeniedException e) {
            LOG.debug("Notifications of '{}' not marked read: {}", caller.username(), e.getMessage());
        }
        refresh();
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago". */
    static String ago(Duration age) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return minutes + " min ago";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h ago";
        }
        long days = hours / 24;
        return days == 1 ? "1 day ago" : days + " days ago";
    }
}
