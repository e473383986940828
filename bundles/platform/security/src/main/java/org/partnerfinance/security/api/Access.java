package org.partnerfinance.security.api;

import java.util.Objects;

/**
 * Service-layer authorization checks. Pure functions of the caller and the target: services call them before every
 * partner-scoped read or write, so a view that forgets to hide a button can never leak or change another partner's data.
 */
public final class Access {

    /** The refusal given to a caller who must choose a new password before anything else. */
    public static final String PASSWORD_CHANGE_FIRST = "Please choose a new password first.";

    private Access() {
    }

    /** Requires an authenticated caller holding at least one of the given roles. */
    public static void requireAnyRole(Caller caller, Role... roles) {
        requireCaller(caller);
        if (!caller.hasAny(roles)) {
            throw new AccessDeniedException("You are not allowed to do this.");
        }
    }

    /**
     * Requires that the caller may see data of the given partner: company staff (finance, administrators) may see every
     * partner; a partner user only their own organisation.
     */
    public static void requirePartnerRead(Caller caller, String partnerId) {
        requireCaller(caller);
        if (caller.isPartner()) {
            if (!Objects.equals(caller.partnerId(), partnerId)) {
                throw new AccessDeniedException("This record belongs to another partner.");
            }
            return;
        }
        if (!caller.hasAny(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR)) {
            throw new AccessDeniedException("You are not allowed to see partner data.");
        }
    }

    /** Requires that the caller acts for exactly this partner (partner users act only for their own organisation). */
    public static void requireActingFor(Caller caller, String partnerId) {
        requireCaller(caller);
        if (!caller.isPartner() || !caller.hasAny(Role.PARTNER_USER, Role.PARTNER_ADMIN)) {
            throw new AccessDeniedException("Only users of a partner organisation can do this.");
        }
        if (!Objects.equals(caller.partnerId(), partnerId)) {
            throw new AccessDeniedException("This record belongs to another partner.");
        }
    }

    /** Requires a finance role (reviewer or manager). */
    public static void requireFinance(Caller caller) {
        requireAnyRole(caller, Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER);
    }

    /**
     * Requires a signed-in caller with at least one role who is not bound to choose a new password first (a caller
     * who signed in with a one-time password may do nothing but change it).
     */
    public static void requireCaller(Caller caller) {
        if (caller == null || caller.roles().isEmpty()) {
            throw new AccessDeniedException("Please sign in.");
        }
        if (caller.mustChangePassword()) {
            throw new AccessDeniedException(PASSWORD_CHANGE_FIRST);
        }
    }
}
