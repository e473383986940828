package org.partnerfinance.notifications.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.partnerfinance.claims.api.ClaimEvents;
import org.partnerfinance.notifications.api.Message;
import org.partnerfinance.notifications.api.NotificationKind;
import org.partnerfinance.security.api.Role;

/**
 * Turns a {@link ClaimEvents} event into notifications: the partner's users (the claim's creator and the partner's
 * administrators) on every status change of their claim; finance users holding the roles that must act next on new
 * work; reminders to whoever must act; escalations to finance managers. Whoever acted is not told about their own act.
 *
 * <p>Messages carry only the claim's reference, status and due date (and, for finance, its partner and type): what
 * every recipient can read in the claim itself. Reasons and comments stay in the claim, behind its access checks.
 */
final class ClaimNotifications {

    private static final Set<String> PARTNER_ROLES = Set.of(Role.PARTNER_USER.id(), Role.PARTNER_ADMIN.id());

    private final Recipients recipients;
    /** Stores the notifications (the {@link NotificationStore}). */
    private final BiConsumer<List<Recipient>, Message> notifier;

    ClaimNotifications(Recipients recipients, BiConsumer<List<Recipient>, Message> notifier) {
        this.recipients = recipients;
        this.notifier = notifier;
    }

    void handle(Map<String, Object> event) {
        String action = text(event, ClaimEvents.ACTION);
        String partner = text(event, ClaimEvents.PARTNER);
        Object id = event.get(ClaimEvents.CLAIM);
        if (action == null || partner == null || id == null) {
            return;
        }
        String reference = text(event, ClaimEvents.REFERENCE);
        String claim = "Claim " + (reference == null ? "#" + id : reference);
        String link = "claims/detail?id=" + id;
        String status = text(event, ClaimEvents.STATUS);
        String actor = text(event, ClaimEvents.ACTOR);
        String due = text(event, ClaimEvents.DUE);
        String dueText = due == null ? "" : " It is due on " + due + ".";
        String type = text(event, ClaimEvents.TYPE);
        String[] next = event.get(ClaimEvents.NEXT_ROLES) instanceof String[] roles ? roles : new String[0];
        Set<Role> nextStaff = staffRoles(next);
        boolean partnerActsNext = Arrays.stream(next).anyMatch(PARTNER_ROLES::contains);
        String forFinance = " (partner " + partner + (type == null ? "" : ", " + type) + ")";

        switch (action) {
            case "claim.submitted", "claim.resubmitted", "claim.step-approved" -> work(nextStaff, actor,
                    new Message(NotificationKind.CLAIM_WORK, claim + " waits for your decision",
                            claim + forFinance + " waits for review or approval." + dueText, link));
            case "claim.returned" -> partner(event, partner, actor, new Message(NotificationKind.CLAIM_STATUS,
                    claim + " was returned with a question",
                    "Finance has a question about " + claim + ". Open it to answer and resubmit." + dueText, link));
            case "claim.approved" -> {
                partner(event, partner, actor, new Message(NotificationKind.CLAIM_STATUS, claim + " was approved",
                        claim + " was approved. Open it to see the approved amount.", link));
                work(nextStaff, actor, new Message(NotificationKind.CLAIM_WORK, claim + " is approved: schedule it",
                        claim + forFinance + " was approved and waits to be scheduled for payment." + dueText, link));
            }
            case "claim.rejected" -> partner(event, partner, actor, new Message(NotificationKind.CLAIM_STATUS,
                    claim + " was rejected", claim + " was rejected. Open it to see the reason.", link));
            case "claim.scheduled" -> partner(event, partner, actor, new Message(NotificationKind.CLAIM_STATUS,
                    claim + " is scheduled for payment",
                    claim + " is scheduled for payment. Open it to see when.", link));
            case "claim.closed" -> partner(event, partner, actor, new Message(NotificationKind.CLAIM_STATUS,
                    claim + " was closed", claim + " was closed; what was still reserved for it is available again. "
                            + "Open it to see why.", link));
            case "claim.paid" -> partner(event, partner, actor, new Message(NotificationKind.CLAIM_STATUS,
                    claim + " was paid", claim + " was paid. Open it for the payment reference.", link));
            case "claim.step-reminder" -> {
                Message reminder = new Message(NotificationKind.CLAIM_REMINDER, "Reminder: " + claim + " is due",
                        partnerActsNext ? "Finance waits for your answer on " + claim + "." + dueText
                                : claim + forFinance + " waits for a decision." + dueText, link);
                if (partnerActsNext) {
                    partner(event, partner, actor, reminder);
                } else {
                    work(nextStaff, actor, reminder);
                }
            }
            case "claim.step-escalated" -> work(EnumSet.of(Role.FINANCE_MANAGER), actor,
                    new Message(NotificationKind.CLAIM_ESCALATION, claim + " is overdue and was escalated",
                            claim + forFinance + " passed its due date" + (due == null ? "" : " (" + due + ")")
                                    + " and needs a finance manager.", link));
            default -> {
                // a status change this listener has no words of its own for: tell the partner the new status
                if (status != null && Set.of("RETURNED", "APPROVED", "REJECTED", "SCHEDULED", "PAID")
                        .contains(status)) {
                    partner(event, partner, actor, new Message(NotificationKind.CLAIM_STATUS,
                            claim + ": " + status.toLowerCase(java.util.Locale.ROOT),
                            claim + " is now " + status.toLowerCase(java.util.Locale.ROOT) + ".", link));
                }
            }
        }
    }

    /** The creator and the partner administrators of the claim's partner, except whoever acted. */
    private void partner(Map<String, Object> event, String partner, String actor, Message message) {
        String creator = text(event, ClaimEvents.CREATED_BY);
        List<Recipient> to = recipients.partnerUsers(partner).stream()
                .filter(u -> u.username().equals(creator) || u.roles().contains(Role.PARTNER_ADMIN))
                .filter(u -> !u.username().equals(actor))
                .map(Recipients::of)
                .toList();
        deliver(to, message);
    }

    private void work(Set<Role> roles, String actor, Message message) {
        if (!roles.isEmpty()) {
            deliver(recipients.byRoles(roles, null, actor), message);
        }
    }

    private void deliver(List<Recipient> to, Message message) {
        if (!to.isEmpty()) {
            notifier.accept(to, message);
        }
    }

    static Set<Role> staffRoles(String[] roleIds) {
        return Arrays.stream(roleIds).map(Role::byId).flatMap(java.util.Optional::stream)
                .filter(r -> !r.partnerScoped())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static String text(Map<String, Object> event, String key) {
        Object value = event.get(key);
        return value == null ? null : value.toString();
    }
}
