package org.partnerfinance.extensions.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The set of disabled extension ids, kept in memory so that a change is visible at once, and reconciled with the
 * configuration that Config Admin delivers afterwards.
 *
 * <p>A change is persisted first (through a {@link Persister}) and applied in memory only when that succeeded, so a
 * failed write leaves the state as it was. Config Admin delivers every write back to the component later, on its own
 * thread; those echoes arrive in the order of the writes. Each persisted set is remembered until its echo arrives, so
 * an old echo never reverts a newer change. A delivered set that is not an echo (an operator edited
 * {@code etc/org.partnerfinance.toggles.cfg}) replaces the state.
 */
final class ToggleState {

    /** Writes the complete set of disabled ids to durable storage. */
    @FunctionalInterface
    interface Persister {
        void persist(Set<String> disabled) throws IOException;
    }

    private Set<String> disabled = Collections.emptySet();
    private final Deque<Set<String>> pendingEchoes = new ArrayDeque<>();

    /** Normalises configured values: trims, drops blanks and accepts comma separated lists in one value. */
    static Set<String> normalise(String[] values) {
        Set<String> result = new TreeSet<>();
        if (values != null) {
            for (String value : values) {
                if (value == null) {
                    continue;
                }
                for (String part : value.split(",")) {
                    String id = part.trim();
                    if (!id.isEmpty()) {
                        result.add(id);
                    }
                }
            }
        }
        return Collections.unmodifiableSet(result);
    }

    synchronized boolean isEnabled(String extensionId) {
        return !disabled.contains(extensionId);
    }

    synchronized Set<String> disabled() {
        return disabled;
    }

    /**
     * Switches one id on or off: persists the new set, then makes it visible.
     *
     * @return the new set if it changed, empty if the id already had the requested state (nothing is written then)
     * @throws IOException when persisting failed; the state is unchanged then
     */
    synchronized Optional<Set<String>> change(String extensionId, boolean enabled, Persister persister)
            throws IOException {
        if (enabled != disabled.contains(extensionId)) {
            return Optional.empty();
        }
        Set<String> next = new TreeSet<>(disabled);
        if (enabled) {
            next.remove(extensionId);
        } else {
            next.add(extensionId);
        }
        Set<String> result = Collections.unmodifiableSet(next);
        persister.persist(result);
        disabled = result;
        pendingEchoes.addLast(result);
        return Optional.of(result);
    }

    /**
     * Applies a configuration delivered by Config Admin.
     *
     * @return whether the visible set changed
     */
    synchronized boolean configured(Collection<String> delivered) {
        Set<String> incoming = Collections.unmodifiableSet(new TreeSet<>(delivered));
        if (pendingEchoes.contains(incoming)) {
            // one of our own writes coming back: everything written before it has been delivered as well
            while (!pendingEchoes.removeFirst().equals(incoming)) {
                // drop older echoes
            }
            if (!pendingEchoes.isEmpty()) {
                return false; // a newer local change is still on its way; keep it
            }
        } else {
            pendingEchoes.clear();
        }
        boolean changed = !incoming.equals(disabled);
        disabled = incoming;
        return changed;
    }
}
