package org.partnerfinance.extensions.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;

public class ToggleStateTest {

    private final ToggleState state = new ToggleState();
    private final List<Set<String>> written = new ArrayList<>();

    @Test
    public void everythingIsEnabledUntilSwitchedOff() {
        assertTrue(state.isEnabled("expense"));
        assertTrue(state.disabled().isEmpty());
    }

    @Test
    public void switchingOffPersistsTheWholeSetAndIsVisibleAtOnce() throws IOException {
        state.change("expense", false, written::add);
        state.change("rebate", false, written::add);

        assertFalse(state.isEnabled("expense"));
        assertFalse(state.isEnabled("rebate"));
        assertTrue(state.isEnabled("mdf"));
        assertEquals(List.of(Set.of("expense"), Set.of("expense", "rebate")), written);

        Optional<Set<String>> result = state.change("expense", true, written::add);
        assertEquals(Optional.of(Set.of("rebate")), result);
        assertTrue(state.isEnabled("expense"));
        assertEquals(Set.of("rebate"), written.get(2));
    }

    @Test
    public void requestingTheCurrentStateWritesNothing() throws IOException {
        assertEquals(Optional.empty(), state.change("expense", true, written::add));
        state.change("expense", false, written::add);
        assertEquals(Optional.empty(), state.change("expense", false, written::add));
        assertEquals(1, written.size());
    }

    @Test
    public void aFailedWriteLeavesTheStateUnchanged() {
        try {
            state.change("expense", false, set -> {
                throw new IOException("disk full");
            });
            fail("expected the write failure");
        } catch (IOException expected) {
            assertEquals("disk full", expected.getMessage());
        }
        assertTrue(state.isEnabled("expense"));
        // and the failed set is not awaited as an echo: the next delivery of the old set changes nothing
        assertFalse(state.configured(Set.of()));
    }

    @Test
    public void anOldEchoDoesNotRevertANewerChange() throws IOException {
        state.change("expense", false, written::add); // writes {expense}
        state.change("expense", true, written::add); // writes {}
        state.change("rebate", false, written::add); // writes {rebate}

        // Config Admin now delivers the three writes, in order
        assertFalse(state.configured(Set.of("expense")));
        assertEquals(Set.of("rebate"), state.disabled());
        assertFalse(state.configured(Set.of()));
        assertEquals(Set.of("rebate"), state.disabled());
        assertFalse(state.configured(Set.of("rebate")));
        assertEquals(Set.of("rebate"), state.disabled());
    }

    @Test
    public void anExternalEditReplacesTheState() throws IOException {
        state.change("expense", false, written::add);
        assertFalse(state.configured(Set.of("expense")));

        assertTrue(state.configured(Set.of("mdf")));
        assertTrue(state.isEnabled("expense"));
        assertFalse(state.isEnabled("mdf"));
        assertFalse(state.configured(Set.of("mdf")));
    }

    @Test
    public void normaliseTrimsDropsBlanksAndSplitsCommas() {
        assertEquals(Set.of("expense", "rebate", "mdf"),
                ToggleState.normalise(new String[] {" expense ", "", "rebate,mdf", null, " , "}));
        assertEquals(Set.of(), ToggleState.normalise(null));
        assertEquals(Set.of(), ToggleState.normalise(new String[0]));
    }
}
