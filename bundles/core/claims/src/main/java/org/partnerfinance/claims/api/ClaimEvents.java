package org.partnerfinance.claims.api;

/**
 * Posted on OSGi Event Admin after a claim change has committed (never for a rolled-back one), and for service-level
 * reminders and escalations, so that notifications, open screens and other bundles react without depending on the
 * claims implementation. Values are strings unless said otherwise.
 */
public final class ClaimEvents {

    /** Topic of every claim change, reminder and escalation. */
    public static final String TOPIC = "org/partnerfinance/claims/CHANGED";
    /** Event property: the claim's id (Long). */
    public static final String CLAIM = "claim";
    /** Event property: the claim's reference shown to people, e.g. {@code CLM-000042}. */
    public static final String REFERENCE = "reference";
    /** Event property: the partner the claim belongs to. */
    public static final String PARTNER = "partner";
    /** Event property: the claim type id. */
    public static final String TYPE = "type";
    /** Event property: the {@link ClaimStatus} name after the change. */
    public static final String STATUS = "status";
    /**
     * Event property: what happened, the audit action, e.g. {@code claim.submitted}, {@code claim.updated}, {@code claim.returned},
     * {@code claim.step-approved}, {@code claim.approved}, {@code claim.rejected}, {@code claim.withdrawn},
     * {@code claim.scheduled}, {@code claim.paid}, {@code claim.step-reminder}, {@code claim.step-escalated}.
     */
    public static final String ACTION = "action";
    /** Event property: the user who acted, absent for the scheduler. */
    public static final String ACTOR = "actor";
    /** Event property: the user who created the claim. */
    public static final String CREATED_BY = "createdBy";
    /**
     * Event property: who must act next, as role names (String[]), e.g. {@code finance-reviewer} for the next
     * approval step, {@code partner-user} after a return for information; absent when nobody must act.
     */
    public static final String NEXT_ROLES = "nextRoles";
    /** Event property: when the next step is due (ISO date), when there is one. */
    public static final String DUE = "due";
    /** Event property: the number of the approval step waiting (Integer, 1 for the first), while there is one. */
    public static final String STEP = "step";
    /** Event property: how many steps the claim's approval chain has (Integer), while it is submitted. */
    public static final String STEPS = "steps";

    private ClaimEvents() {
    }
}
