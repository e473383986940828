package org.partnerfinance.extensions.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.partnerfinance.extensions.api.ExtensionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bound {@link ExtensionListener} services; tells each of them, isolating the others from its failures. */
final class ListenerSet {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerSet.class);

    private final List<ExtensionListener> listeners = new CopyOnWriteArrayList<>();

    void add(ExtensionListener listener) {
        listeners.add(listener);
    }

    void remove(ExtensionListener listener) {
        listeners.remove(listener);
    }

    int size() {
        return listeners.size();
    }

    /** Calls every listener; an exception is logged and does not stop the others. */
    void fire() {
        for (ExtensionListener listener : listeners) {
            try {
                listener.extensionsChanged();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Extension listener {} failed", listener.getClass().getName(), e);
            }
        }
    }
}
