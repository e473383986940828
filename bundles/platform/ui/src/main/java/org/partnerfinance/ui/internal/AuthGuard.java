package org.partnerfinance.ui.internal;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;

/**
 * Installed on every UI: sends visitors who are not signed in to the login view, and signed-in users away from it.
 * Only the generic error view is shown to anybody (it reveals nothing but a reference id).
 */
final class AuthGuard implements BeforeEnterListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        boolean signedIn = SessionCaller.of(event.getUI().getSession()).isPresent();
        if (target == LoginView.class) {
            if (signedIn) {
                event.forwardTo(DashboardView.class);
            }
            return;
        }
        if (!signedIn && target != ErrorView.class) {
            event.forwardTo(LoginView.class);
        }
    }
}
