package org.partnerfinance.ui.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.SystemMessagesInfo;
import com.vaadin.flow.server.SystemMessagesProvider;

/**
 * What a user sees when their session ended (idle timeout, absolute lifetime, sign-out elsewhere): the browser goes
 * straight to the sign-in page, which says "Your session expired, please sign in again." — no error dialog.
 *
 * <p>Vaadin's client answers a "session expired" response with the URL of the system messages; with the notification
 * turned off it navigates there at once. The URL carries {@value #MARKER}, and {@link #afterNavigation} adds the
 * message to the sign-in view when it is shown for that URL.
 */
final class SessionExpiry {

    /** Query parameter of the sign-in page after an expired session. */
    static final String MARKER = "expired";

    static final String MESSAGE = "Your session expired, please sign in again.";

    static final String NOTICE_ID = "session-expired";

    private SessionExpiry() {
    }

    /** System messages that send an expired session to {@code <context>/login?expired}. */
    static SystemMessagesProvider messages() {
        return new SystemMessagesProvider() {
            private static final long serialVersionUID = 1L;

            @Override
            public SystemMessages getSystemMessages(SystemMessagesInfo info) {
                CustomizedSystemMessages messages = new CustomizedSystemMessages();
                String contextPath = info.getRequest() == null ? "" : info.getRequest().getContextPath();
                messages.setSessionExpiredURL(loginUrl(contextPath));
                messages.setSessionExpiredNotificationEnabled(false);
                return messages;
            }
        };
    }

    static String loginUrl(String contextPath) {
        String base = contextPath == null || contextPath.equals("/") ? "" : contextPath;
        return base + "/login?" + MARKER;
    }

    /** Shows the message on the sign-in view when it was reached because the session expired. */
    static void afterNavigation(AfterNavigationEvent event) {
        if (!event.getLocation().getQueryParameters().getParameters().containsKey(MARKER)
                || event.getActiveChain().isEmpty()) {
            return;
        }
        Object view = event.getActiveChain().get(0);
        if (view instanceof LoginView login) {
            showOn(login);
        }
    }

    /** Adds the message at the top of a layout (once). */
    static void showOn(HasComponents layout) {
        boolean shown = ((Component) layout).getChildren()
                .anyMatch(c -> c.getId().filter(NOTICE_ID::equals).isPresent());
        if (shown) {
            return;
        }
        Paragraph notice = new Paragraph();
        notice.setId(NOTICE_ID);
        notice.setText(MESSAGE);
        notice.getElement().setAttribute("role", "status");
        notice.getStyle().set("background", "var(--lumo-primary-color-10pct)").set("padding", "var(--lumo-space-s) "
                + "var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)").set("margin", "0");
        layout.addComponentAsFirst(notice);
    }
}
