package org.partnerfinance.ui.internal;

import java.util.List;
import java.util.Set;

/**
 * How the routable screens changed between two states of the shell.
 *
 * @param added   paths that need a route now
 * @param removed paths whose route must go
 * @param gone    screens that are no longer served (their path was removed, or another screen service took it
 *                over); users showing one of them are taken home
 */
record RouteDiff(Set<String> added, Set<String> removed, List<ScreenEntry> gone) {

    static final RouteDiff NONE = new RouteDiff(Set.of(), Set.of(), List.of());

    RouteDiff {
        added = Set.copyOf(added);
        removed = Set.copyOf(removed);
        gone = List.copyOf(gone);
    }

    boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && gone.isEmpty();
    }
}
