package org.partnerfinance.notifications.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.partnerfinance.claims.api.ClaimEvents;
import org.partnerfinance.notifications.api.Message;
import org.partnerfinance.notifications.api.NotificationKind;
import org.partnerfinance.security.api.Role;

/** Who is told what about a claim event. */
public class ClaimNotificationsTest {

    private final List<String> told = new ArrayList<>();
    private final List<Message> messages = new ArrayList<>();
    private final ClaimNotifications claims = new ClaimNotifications(new Recipients(Fakes.users(List.of(
            Fakes.user("creator", "P1", "c@p1.example", Role.PARTNER_USER),
            Fakes.user("colleague", "P1", null, Role.PARTNER_USER),
            Fakes.user("boss", "P1", null, Role.PARTNER_USER, Role.PARTNER_ADMIN),
            Fakes.user("other-boss", "P2", null, Role.PARTNER_ADMIN),
            Fakes.user("rita", null, null, Role.FINANCE_REVIEWER),
            Fakes.user("max", null, null, Role.FINANCE_MANAGER),
            Fakes.user("mia", null, null, Role.FINANCE_MANAGER)))),
            (to, message) -> {
                to.forEach(r -> told.add(r.username() + ":" + message.kind()));
                messages.add(message);
            });

    private static Map<String, Object> event(String action, String status, String actor, String... next) {
        Map<String, Object> e = new HashMap<>();
        e.put(ClaimEvents.CLAIM, 42L);
        e.put(ClaimEvents.REFERENCE, "CLM-000042");
        e.put(ClaimEvents.PARTNER, "P1");
        e.put(ClaimEvents.TYPE, "expense");
        e.put(ClaimEvents.STATUS, status);
        e.put(ClaimEvents.ACTION, action);
        e.put(ClaimEvents.CREATED_BY, "creator");
        if (actor != null) {
            e.put(ClaimEvents.ACTOR, actor);
        }
        if (next.length > 0) {
            e.put(ClaimEvents.NEXT_ROLES, next);
        }
        return e;
    }

    @Test
    public void anApprovalTellsTheCreatorAndThePartnerAdminsAndTheManagersWhoScheduleIt() {
        claims.handle(event("claim.approved", "APPROVED", "mia", "finance-manager"));
        assertEquals(List.of("creator:claim.status", "boss:claim.status", "max:claim.work"), told);
        assertEquals("claims/detail?id=42", messages.get(0).link());
        assertFalse("partners are not told finance's wording", messages.get(0).text().contains("partner P1"));
    }

    @Test
    public void aSubmissionIsNewWorkForTheNextRolesButNotForTheSubmitterOrThePartner() {
        claims.handle(event("claim.submitted", "SUBMITTED", "creator", "finance-reviewer", "finance-manager"));
        assertEquals(List.of("max:claim.work", "mia:claim.work", "rita:claim.work"),
                told.stream().sorted().toList());
    }

    @Test
    public void aReturnAndARejectionGoToThePartnerOnlyAndNeverToAnotherPartner() {
        claims.handle(event("claim.returned", "RETURNED", "rita", "partner-user", "partner-admin"));
        claims.handle(event("claim.rejected", "REJECTED", "rita"));
        assertEquals(List.of("creator:claim.status", "boss:claim.status", "creator:claim.status",
                "boss:claim.status"), told);
        assertTrue(messages.get(1).text().contains("Open it to see the reason"));
    }

    @Test
    public void remindersGoToWhoeverMustActAndEscalationsToTheManagers() {
        claims.handle(event("claim.step-reminder", "SUBMITTED", null, "finance-reviewer"));
        claims.handle(event("claim.step-reminder", "RETURNED", null, "partner-user", "partner-admin"));
        claims.handle(event("claim.step-escalated", "SUBMITTED", null, "finance-reviewer"));
        assertEquals(List.of("rita:" + NotificationKind.CLAIM_REMINDER, "creator:" + NotificationKind.CLAIM_REMINDER,
                "boss:" + NotificationKind.CLAIM_REMINDER, "max:" + NotificationKind.CLAIM_ESCALATION,
                "mia:" + NotificationKind.CLAIM_ESCALATION), told);
    }

    @Test
    public void aWithdrawalAndADraftChangeNotifyNobody() {
        claims.handle(event("claim.withdrawn", "WITHDRAWN", "creator"));
        claims.handle(event("claim.updated", "DRAFT", "creator"));
        assertTrue(told.isEmpty());
    }

    @Test
    public void aClosedRequestTellsThePartnerExceptWhoeverClosedIt() {
        claims.handle(event("claim.closed", "CLOSED", "creator"));
        claims.handle(event("claim.closed", "CLOSED", "system"));
        assertEquals(List.of("boss:claim.status", "creator:claim.status", "boss:claim.status"), told);
        assertTrue(messages.get(0).text().contains("available again"));
    }
}
