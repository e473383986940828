package org.partnerfinance.ui.internal;

import java.util.Objects;
import java.util.Optional;

import org.partnerfinance.security.api.Caller;

/**
 * Compares the caller kept in a session with the user's stored record, re-read from the database (so that a change
 * made on another node counts too): a disabled or deleted user's session ends; changed roles, name, partner or a
 * pending password change replace the session's caller.
 */
final class SessionCheck {

    /** What to do with a session. */
    enum Outcome {
        /** Nothing changed. */
        UNCHANGED,
        /** The user's record changed: replace the caller (and rebuild what depends on its roles). */
        CHANGED,
        /** The user is disabled or gone: end the session. */
        ENDED
    }

    /** Query parameter of the login view telling why the session ended. */
    static final String SIGNED_OUT_PARAMETER = "signed-out";
    static final String SIGNED_OUT_DISABLED = "disabled";
    static final String DISABLED_MESSAGE = "Your account was disabled. Please contact your administrator.";

    private SessionCheck() {
    }

    static Outcome compare(Caller inSession, Optional<Caller> stored) {
        if (stored.isEmpty()) {
            return Outcome.ENDED;
        }
        Caller now = stored.get();
        boolean same = Objects.equals(inSession.username(), now.username())
                && Objects.equals(inSession.displayName(), now.displayName())
                && Objects.equals(inSession.roles(), now.roles())
                && Objects.equals(inSession.partnerId(), now.partnerId())
                && inSession.mustChangePassword() == now.mustChangePassword();
        return same ? Outcome.UNCHANGED : Outcome.CHANGED;
    }
}
