package org.partnerfinance.extensions.api;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.Caller;

/**
 * Run-time switches for extensions, persisted through Config Admin ({@link ExtensionConstants#TOGGLES_PID}) so that
 * they survive restarts. An extension id is enabled unless switched off.
 */
@ProviderType
public interface FeatureToggles {

    boolean isEnabled(String extensionId);

    /** Ids currently switched off. */
    Set<String> disabled();

    /**
     * Switches an extension on or off. Only administrators may do this.
     *
     * @throws org.partnerfinance.security.api.AccessDeniedException for other callers
     */
    void setEnabled(Caller caller, String extensionId, boolean enabled);
}
