package org.partnerfinance.claims.ui.api;

import java.util.function.Predicate;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.claims.api.ClaimChange;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * Pushes claim changes (and changes of the installed extensions, e.g. a claim type coming or going) to components
 * that are open in browsers. A component subscribes while attached and removes its registration when detached; a
 * change is handed to the component's own UI through {@link UI#access}, where it re-reads the data with its own
 * caller. Changes are forwarded after commit, on a thread of the provider, never on the thread that made the change.
 * A subscription whose UI has been closed is dropped by the provider.
 */
@ProviderType
public interface ClaimUpdates {

    /**
     * Registers a component's interest.
     *
     * @param ui            the component's UI
     * @param filter        which claim changes concern the component
     * @param onClaimChange run in the UI when a matching claim changed
     * @param onTypesChange run in the UI when extensions changed; may be {@code null}
     * @return the registration; {@link Registration#remove()} ends the subscription
     */
    Registration subscribe(UI ui, Predicate<ClaimChange> filter, Runnable onClaimChange, Runnable onTypesChange);
}
