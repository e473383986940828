package org.partnerfinance.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.internal.Fakes.FakeScreen;
import org.partnerfinance.ui.internal.Fakes.FakeWidget;

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
    public void typedPropertiesDescribeAScreenWithoutCreatingIt() {
        Map<String, Object> p = Fakes.props(7, "claims");
        p.put(ContributionProperties.SCREEN_PATH, "claims/detail");
        p.put(ContributionProperties.TITLE, " Claim ");
        p.put(ContributionProperties.ICON, "FILE_TEXT_O");
        p.put(ContributionProperties.ORDER, 100);
        p.put(ContributionProperties.ROLES, new String[] { "PARTNER_USER", "FINANCE_REVIEWER" });
        ScreenEntry detail = ScreenEntry.of(p, Fakes.notCreated());
        assertEquals("claims/detail", detail.path());
        assertEquals("Claim", detail.title());
        assertEquals("FILE_TEXT_O", detail.icon());
        assertEquals(100, detail.order());
        assertEquals(EnumSet.of(Role.PARTNER_USER, Role.FINANCE_REVIEWER), detail.roles());
        assertEquals("claims", detail.extensionId());
        assertFalse("no section: no menu entry", detail.inMenu());
        assertNull(detail.section());

        p.put(ContributionProperties.SECTION, "CLAIMS");
        ScreenEntry inMenu = ScreenEntry.of(p, Fakes.notCreated());
        assertTrue(inMenu.inMenu());
        assertEquals(MenuSection.CLAIMS, inMenu.section());
    }

    @Test
    public void handWrittenPropertiesAreReadInTheirUsualForms() {
        Map<String, Object> p = Fakes.props(8, null);
        p.put(ContributionProperties.SCREEN_PATH, new String[] { "/reports/" });
        p.put(ContributionProperties.TITLE, "Reports");
        p.put(ContributionProperties.SECTION, "finance");
        p.put(ContributionProperties.ORDER, "5");
        // a single role as text, role ids as well as constant names
        p.put(ContributionProperties.ROLES, "finance-manager");
        ScreenEntry one = ScreenEntry.of(p, Fakes.notCreated());
        assertEquals("reports", one.path());
        assertEquals(MenuSection.FINANCE, one.section());
        assertEquals(5, one.order());
        assertEquals(Set.of(Role.FINANCE_MANAGER), one.roles());
        p.put(ContributionProperties.ROLES, List.of("administrator", "INTEGRATOR"));
        assertEquals(EnumSet.of(Role.ADMINISTRATOR, Role.INTEGRATOR), ScreenEntry.of(p, Fakes.notCreated()).roles());
        p.remove(ContributionProperties.ROLES);
        assertTrue("without roles nobody sees it", ScreenEntry.of(p, Fakes.notCreated()).roles().isEmpty());
    }

    @Test
    public void wrongTypedPropertiesRefuseTheScreen() {
        Map<String, Object> base = Fakes.props(9, null);
        base.put(ContributionProperties.SCREEN_PATH, "reports");
        base.put(ContributionProperties.TITLE, "Reports");
        for (Map.Entry<String, ?> wrong : List.<Map.Entry<String, ?>>of(Map.entry(ContributionProperties.SECTION, "SALES"),
                Map.entry(ContributionProperties.ORDER, "first"),
                Map.entry(ContributionProperties.ROLES, new String[] { "PARTNER_USER", "ceo" }),
                Map.entry(ContributionProperties.TITLE, " "),
                Map.entry(ContributionProperties.SCREEN_PATH, "login"))) {
            Map<String, Object> p = new java.util.HashMap<>(base);
            p.put(wrong.getKey(), wrong.getValue());
            try {
                ScreenEntry.of(p, Fakes.notCreated());
                fail("accepted " + wrong);
            } catch (IllegalArgumentException expected) {
                // refused with a message for the log
                assertFalse(expected.getMessage().isBlank());
            }
        }
    }

    @Test
    public void typedPropertiesDescribeAWidgetWithoutCreatingIt() {
        Map<String, Object> p = Fakes.typed(new FakeWidget(" queue ", "Review queue",
                Set.of(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER), 7, 20), Fakes.props(3, "review-queue"));
        WidgetEntry widget = WidgetEntry.of(p, Fakes.notCreated());
        assertEquals("queue", widget.id());
        assertEquals("Review queue", widget.title());
        assertEquals(EnumSet.of(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER), widget.roles());
        assertEquals("size is clamped to the grid", 3, widget.size());
        assertEquals(20, widget.order());
        assertEquals("review-queue", widget.extensionId());
        p.remove(ContributionProperties.WIDGET_SIZE);
        p.remove(ContributionProperties.ORDER);
        WidgetEntry defaults = WidgetEntry.of(p, Fakes.notCreated());
        assertEquals(1, defaults.size());
        assertEquals(0, defaults.order());
    }

    @Test
    public void widgetsWithoutTypedPropertiesDescribeThemselves() {
        FakeWidget mine = new FakeWidget("mine", "My claims", Set.of(Role.PARTNER_USER), 2, 10);
        WidgetEntry widget = WidgetEntry.of(Fakes.props(4, null), () -> mine);
        assertEquals("mine", widget.id());
        assertEquals(2, widget.size());
        assertEquals(mine, widget.service().get());
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
