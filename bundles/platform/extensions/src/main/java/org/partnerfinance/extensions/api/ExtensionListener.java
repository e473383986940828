package org.partnerfinance.extensions.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard listener told when the set of extensions or their toggles changed. Called on a framework or Config Admin
 * thread: implementations hand the work over to their own threads (e.g. Vaadin's {@code UI.access}).
 */
@ConsumerType
public interface ExtensionListener {
    void extensionsChanged();
}
