package org.partnerfinance.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;


import org.junit.Test;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.internal.Fakes.FakeScreen;

import com.vaadin.flow.component.icon.VaadinIcon;

public class ScreenEntryTest {

    @Test
    public void pathsAreNormalised() {
        assertEquals("claims/new", ScreenEntry.normalisePath(" /claims/new/ "));
        assertEquals("", ScreenEntry.normalisePath("///"));
        assertEquals("", ScreenEntry.normalisePath(null));
        ScreenEntry entry = ScreenEntry.of(
                new FakeScreen("/claims/new", "New", MenuSection.CLAIMS, 1, Role.PARTNER_USER), Fakes.props(4, "x", 2));
        assertEquals("claims/new", entry.path());
        assertEquals(4L, entry.serviceId());
        assertEquals(2, entry.ranking());
        assertEquals("x", entry.extensionId());
    }

    @Test
    public void reservedEmptyAndMalformedPathsAreRefused() {
        for (String path : new String[] { "", "/", "login", "/login/", "a//b", "a b", "claims/:id", "x?y=1", "../up" }) {
            try {
                ScreenEntry.of(new FakeScreen(path, "T", MenuSection.HOME, 1, Role.ADMINISTRATOR), Fakes.props(1, null));
                fail("path accepted: '" + path + "'");
            } catch (IllegalArgumentException expected) {
                // refused
            }
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void screenWithoutTitleIsRefused() {
        ScreenEntry.of(new FakeScreen("a", " ", MenuSection.HOME, 1, Role.ADMINISTRATOR), Fakes.props(1, null));
    }

    @Test
    public void extensionIdIsReadFromStringOrArray() {
        assertEquals("a", ScreenEntry.text(new String[] { " a ", "b" }));
        assertNull(ScreenEntry.text(new String[0]));
        assertNull(ScreenEntry.text("  "));
    }

    @Test
    public void unknownIconsFallBack() {
        assertEquals(VaadinIcon.PLUG, Icons.named("PLUG"));
        assertEquals(VaadinIcon.FILE_TEXT, Icons.named("file-text"));
        assertEquals(Icons.FALLBACK, Icons.named("NO_SUCH_ICON"));
        assertEquals(Icons.FALLBACK, Icons.named(null));
    }

    @Test
    public void accessDeniedIsFoundInTheCauseChain() {
        AccessDeniedException denied = new AccessDeniedException("no");
        assertEquals(denied, ShellErrorHandler.accessDenied(new RuntimeException(new IllegalStateException(denied))));
        assertNull(ShellErrorHandler.accessDenied(new RuntimeException("other")));
    }
}
