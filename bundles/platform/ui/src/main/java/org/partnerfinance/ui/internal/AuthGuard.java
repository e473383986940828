package org.partnerfinance.ui.internal;

import java.util.Optional;

import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;

/**
 * Installed on every UI: sends visitors who are not signed in to the login view, and signed-in users away from it.
 * On every navigation of a signed-in user it re-reads the user's record (see {@link SessionCheck}): a disabled user is
 * signed out, changed roles take effect, and a user who must choose a new password is held on that view. Only the
 * generic error view is shown to anybody (it reveals nothing but a reference id).
 */
final class AuthGuard implements BeforeEnterListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AuthGuard.class);

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        VaadinSession session = event.getUI().getSession();
        Optional<Caller> signedIn = SessionCaller.of(session);
        if (signedIn.isPresent()) {
            signedIn = recheck(session, signedIn.get());
            if (signedIn.isEmpty()) {
                event.forwardTo("login", QueryParameters.of(SessionCheck.SIGNED_OUT_PARAMETER,
                        SessionCheck.SIGNED_OUT_DISABLED));
                return;
            }
        }
        if (target == LoginView.class) {
            if (signedIn.isPresent()) {
                if (signedIn.get().mustChangePassword()) {
                    event.forwardTo(ChangePasswordView.class);
                } else {
                    event.forwardTo(DashboardView.class);
                }
            }
            return;
        }
        if (signedIn.isEmpty()) {
            if (target != ErrorView.class) {
                event.forwardTo(LoginView.class);
            }
            return;
        }
        if (signedIn.get().mustChangePassword() && target != ChangePasswordView.class && target != ErrorView.class) {
            event.forwardTo(ChangePasswordView.class);
        }
    }

    /** The session's caller as stored now; empty (and signed out) if the user was disabled. */
    private static Optional<Caller> recheck(VaadinSession session, Caller caller) {
        Optional<Caller> stored;
        try {
            stored = ShellAccess.shell().users().find(caller.username());
        } catch (RuntimeException e) {
            // the database is unreachable: keep the session as it is rather than sign everybody out
            LOG.warn("Could not re-read user '{}'; the session keeps its state", caller.username(), e);
            return Optional.of(caller);
        }
        switch (SessionCheck.compare(caller, stored)) {
            case ENDED:
                LOG.info("Session of '{}' ends: the account is disabled or gone", caller.username());
                SessionCaller.signOut(session);
                return Optional.empty();
            case CHANGED:
                LOG.info("Session of '{}' takes the user's changed record", caller.username());
                SessionCaller.signIn(session, stored.get());
                return stored;
            default:
                return Optional.of(caller);
        }
    }
}
