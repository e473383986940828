package org.partnerfinance.notifications.internal;

import org.partnerfinance.notifications.api.Message;

/** The subject and plain-text body of a notification's e-mail. */
final class MailText {

    static final String SUBJECT_PREFIX = "[Partner Finance Portal] ";

    private final String portalUrl;

    /** @param portalUrl the portal's public base address (links are appended to it); blank for no links */
    MailText(String portalUrl) {
        String url = portalUrl == null ? "" : portalUrl.trim();
        this.portalUrl = url.isEmpty() || url.endsWith("/") ? url : url + "/";
    }

    String subject(Message message) {
        // a header is one line
        return cut(SUBJECT_PREFIX + message.title().replaceAll("[\\r\\n]+", " "), 300);
    }

    String body(Message message) {
        StringBuilder body = new StringBuilder(message.title()).append("\n\n");
        if (!message.text().isEmpty()) {
            body.append(message.text()).append("\n\n");
        }
        if (message.link() != null && !portalUrl.isEmpty()) {
            body.append("Open in the portal: ").append(portalUrl).append(message.link()).append("\n\n");
        }
        body.append("-- \nYou receive this e-mail because of your notification settings in the Partner Finance "
                + "Portal (user menu, Notification settings).\n");
        return cut(body.toString(), 4000);
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
