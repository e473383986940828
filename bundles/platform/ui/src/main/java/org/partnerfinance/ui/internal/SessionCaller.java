package org.partnerfinance.ui.internal;

import java.util.Optional;

import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;

import com.vaadin.flow.server.VaadinSession;

/** The signed-in {@link Caller}, kept as an attribute of the Vaadin session. */
final class SessionCaller {

    private SessionCaller() {
    }

    static Optional<Caller> of(VaadinSession session) {
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(Caller.class));
    }

    static Optional<Caller> current() {
        return of(VaadinSession.getCurrent());
    }

    /**
     * The signed-in caller of the current session.
     *
     * @throws AccessDeniedException when nobody is signed in
     */
    static Caller require() {
        return current().orElseThrow(() -> new AccessDeniedException("Please sign in."));
    }

    static void signIn(VaadinSession session, Caller caller) {
        session.setAttribute(Caller.class, caller);
    }

    static void signOut(VaadinSession session) {
        session.setAttribute(Caller.class, null);
    }
}
