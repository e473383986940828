package org.partnerfinance.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.Test;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.internal.Fakes.FakeScreen;
import org.partnerfinance.ui.internal.Fakes.FakeWidget;

public class ShellModelTest {

    private static final Predicate<String> ALL_ON = id -> true;

    private static ScreenEntry entry(long id, String extension, FakeScreen screen) {
        return ScreenEntry.of(screen, Fakes.props(id, extension));
    }

    private static ScreenEntry entry(long id, String extension, int ranking, FakeScreen screen) {
        return ScreenEntry.of(screen, Fakes.props(id, extension, ranking));
    }

    private static List<String> paths(MenuGroup group) {
        return group.items().stream().map(MenuItem::path).toList();
    }

    @Test
    public void menuShowsOnlyScreensSharingARoleWithTheCaller() {
        List<ScreenEntry> screens = List.of(
                entry(1, "expense", new FakeScreen("claims/new", "New claim", MenuSection.CLAIMS, 1, Role.PARTNER_USER)),
                entry(2, "review", new FakeScreen("review", "Review queue", MenuSection.REVIEW, 1,
                        Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER)),
                entry(3, null, new FakeScreen("admin/x", "Admin", MenuSection.ADMINISTRATION, 1, Role.ADMINISTRATOR)));
        Map<String, ScreenEntry> routable = ShellModel.routable(screens, ALL_ON);

        List<MenuGroup> partner = ShellModel.menu(routable.values(), Set.of(Role.PARTNER_USER));
        assertEquals(1, partner.size());
        assertEquals(MenuSection.CLAIMS, partner.get(0).section());
        assertEquals(List.of("claims/new"), paths(partner.get(0)));

        List<MenuGroup> manager = ShellModel.menu(routable.values(), Set.of(Role.FINANCE_MANAGER));
        assertEquals(1, manager.size());
        assertEquals(List.of("review"), paths(manager.get(0)));

        assertTrue(ShellModel.menu(routable.values(), Set.of(Role.INTEGRATOR)).isEmpty());
        assertTrue(ShellModel.menu(routable.values(), Set.of()).isEmpty());
    }

    @Test
    public void screenWithoutRolesIsShownToNobody() {
        List<ScreenEntry> screens = List.of(entry(1, null, new FakeScreen("open", "Open", MenuSection.HOME, 1)));
        assertTrue(ShellModel.menu(ShellModel.routable(screens, ALL_ON).values(), Set.of(Role.values())).isEmpty());
    }

    @Test
    public void sectionsFollowEnumOrderAndEntriesFollowOrderThenTitle() {
        List<ScreenEntry> screens = List.of(
                entry(1, null, new FakeScreen("a/admin", "Users", MenuSection.ADMINISTRATION, 5, Role.ADMINISTRATOR)),
                entry(2, null, new FakeScreen("c/two", "Beta", MenuSection.CLAIMS, 2, Role.ADMINISTRATOR)),
                entry(3, null, new FakeScreen("c/one-b", "Zulu", MenuSection.CLAIMS, 1, Role.ADMINISTRATOR)),
                entry(4, null, new FakeScreen("c/one-a", "Alpha", MenuSection.CLAIMS, 1, Role.ADMINISTRATOR)),
                entry(5, null, new FakeScreen("home/x", "Start", MenuSection.HOME, 9, Role.ADMINISTRATOR)));
        List<MenuGroup> menu = ShellModel.menu(ShellModel.routable(screens, ALL_ON).values(),
                Set.of(Role.ADMINISTRATOR));
        assertEquals(List.of(MenuSection.HOME, MenuSection.CLAIMS, MenuSection.ADMINISTRATION),
                menu.stream().map(MenuGroup::section).toList());
        assertEquals(List.of("c/one-a", "c/one-b", "c/two"), paths(menu.get(1)));
        assertEquals(List.of("Alpha", "Zulu", "Beta"), menu.get(1).items().stream().map(MenuItem::title).toList());
    }

    @Test
    public void switchedOffExtensionsAreNeitherRoutedNorInTheMenu() {
        List<ScreenEntry> screens = List.of(
                entry(1, "expense", new FakeScreen("claims/expense", "Expense", MenuSection.CLAIMS, 1, Role.PARTNER_USER)),
                entry(2, "rebate", new FakeScreen("claims/rebate", "Rebate", MenuSection.CLAIMS, 2, Role.PARTNER_USER)),
                entry(3, null, new FakeScreen("claims/all", "My claims", MenuSection.CLAIMS, 0, Role.PARTNER_USER)));
        Map<String, ScreenEntry> routable = ShellModel.routable(screens, id -> !id.equals("expense"));
        assertEquals(Set.of("claims/rebate", "claims/all"), routable.keySet());
        assertEquals(List.of("claims/all", "claims/rebate"),
                paths(ShellModel.menu(routable.values(), Set.of(Role.PARTNER_USER)).get(0)));
    }

    @Test
    public void detailScreensAreRoutedButNotInTheMenu() {
        List<ScreenEntry> screens = List.of(entry(1, "expense",
                new FakeScreen("claims/detail", "Claim", MenuSection.CLAIMS, 1, Role.PARTNER_USER).hidden()));
        Map<String, ScreenEntry> routable = ShellModel.routable(screens, ALL_ON);
        assertTrue(routable.containsKey("claims/detail"));
        assertTrue(ShellModel.menu(routable.values(), Set.of(Role.PARTNER_USER)).isEmpty());
    }

    @Test
    public void contestedPathGoesToHighestRankingThenOldestService() {
        FakeScreen first = new FakeScreen("x", "First", MenuSection.HOME, 1, Role.ADMINISTRATOR);
        FakeScreen second = new FakeScreen("x", "Second", MenuSection.HOME, 1, Role.ADMINISTRATOR);
        assertEquals("First",
                ShellModel.routable(List.of(entry(8, null, second), entry(7, null, first)), ALL_ON).get("x").title());
        assertEquals("Second", ShellModel
                .routable(List.of(entry(7, null, first), entry(8, null, 5, second)), ALL_ON).get("x").title());
        assertEquals(Set.of("x"), ShellModel.contestedPaths(List.of(entry(7, null, first), entry(8, null, second))));
        // switching the winner off hands the path to the other one
        assertEquals("Second", ShellModel.routable(List.of(entry(7, "a", first), entry(8, "b", second)),
                id -> !id.equals("a")).get("x").title());
    }

    @Test
    public void diffReportsAddedRemovedAndReplacedScreens() {
        ScreenEntry a = entry(1, null, new FakeScreen("a", "A", MenuSection.HOME, 1, Role.ADMINISTRATOR));
        ScreenEntry b = entry(2, null, new FakeScreen("b", "B", MenuSection.HOME, 1, Role.ADMINISTRATOR));
        ScreenEntry b2 = entry(3, null, new FakeScreen("b", "B2", MenuSection.HOME, 1, Role.ADMINISTRATOR));
        ScreenEntry c = entry(4, null, new FakeScreen("c", "C", MenuSection.HOME, 1, Role.ADMINISTRATOR));

        RouteDiff diff = ShellModel.diff(Map.of("a", a, "b", b), Map.of("b", b2, "c", c));
        assertEquals(Set.of("c"), diff.added());
        assertEquals(Set.of("a"), diff.removed());
        // b keeps its route but the screen behind it changed: users on the old one are taken home
        assertEquals(Set.of("A", "B"), Set.copyOf(diff.gone().stream().map(ScreenEntry::title).toList()));

        assertTrue(ShellModel.diff(Map.of("a", a), Map.of("a", a)).isEmpty());
        assertFalse(ShellModel.diff(Map.of(), Map.of("a", a)).isEmpty());
    }

    @Test
    public void widgetsAreFilteredByRoleAndToggleAndOrdered() {
        List<WidgetEntry> widgets = List.of(
                WidgetEntry.of(new FakeWidget("queue", "Review queue", Set.of(Role.FINANCE_REVIEWER), 2, 20),
                        Fakes.props(1, "review-queue")),
                WidgetEntry.of(new FakeWidget("mine", "My claims", Set.of(Role.PARTNER_USER), 1, 10),
                        Fakes.props(2, "my-claims")),
                WidgetEntry.of(new FakeWidget("news", "News", Set.of(Role.PARTNER_USER, Role.FINANCE_REVIEWER), 7, 5),
                        Fakes.props(3, null)));

        assertEquals(List.of("news", "mine"),
                ShellModel.widgets(widgets, Set.of(Role.PARTNER_USER), ALL_ON).stream().map(WidgetEntry::id).toList());
        assertEquals(List.of("news", "queue"), ShellModel.widgets(widgets, Set.of(Role.FINANCE_REVIEWER), ALL_ON)
                .stream().map(WidgetEntry::id).toList());
        assertEquals(List.of("news"), ShellModel.widgets(widgets, Set.of(Role.FINANCE_REVIEWER),
                id -> !id.equals("review-queue")).stream().map(WidgetEntry::id).toList());
        // sizes are clamped to the three grid columns
        assertEquals(3, widgets.get(2).size());
    }
}
