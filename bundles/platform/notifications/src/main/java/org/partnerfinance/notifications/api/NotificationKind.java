package org.partnerfinance.notifications.api;

import java.util.List;
import java.util.Objects;

/**
 * A kind of notification users can choose to get by e-mail. The kinds of the portal itself are listed in
 * {@link #BUILT_IN}; other bundles may use their own ids (users get those by e-mail until they opt out).
 *
 * @param id    stable id, e.g. {@code claim.status}
 * @param label what the preferences screen shows
 */
public record NotificationKind(String id, String label) {

    /** A claim of the user's organisation changed status (returned, approved, rejected, scheduled, paid). */
    public static final String CLAIM_STATUS = "claim.status";
    /** New work for the user's role: a claim waits for review, approval or scheduling. */
    public static final String CLAIM_WORK = "claim.work";
    /** A step of a claim is due soon or overdue. */
    public static final String CLAIM_REMINDER = "claim.reminder";
    /** A step of a claim passed its due date and was escalated to finance managers. */
    public static final String CLAIM_ESCALATION = "claim.escalation";
    /** A dispute of the user's organisation was decided. */
    public static final String DISPUTE = "document.dispute";

    /** The portal's own kinds, in the order the preferences screen lists them. */
    public static final List<NotificationKind> BUILT_IN = List.of(
            new NotificationKind(CLAIM_STATUS, "Status changes of our claims"),
            new NotificationKind(CLAIM_WORK, "Claims waiting for me (review, approval, scheduling)"),
            new NotificationKind(CLAIM_REMINDER, "Reminders of due claim steps"),
            new NotificationKind(CLAIM_ESCALATION, "Escalations of overdue claim steps"),
            new NotificationKind(DISPUTE, "Decisions on our disputes"));

    public NotificationKind {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
