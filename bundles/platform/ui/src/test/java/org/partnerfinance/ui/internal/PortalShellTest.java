package org.partnerfinance.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.internal.Fakes.FakeScreen;
import org.partnerfinance.ui.internal.Fakes.FakeWidget;

public class PortalShellTest {

    private final Fakes.Toggles toggles = new Fakes.Toggles();
    private final Fakes.Routes routes = new Fakes.Routes();
    private final Fakes.View view = new Fakes.View();
    private PortalShell shell;

    private final FakeScreen expenseNew = new FakeScreen("claims/expense/new", "New expense claim", MenuSection.CLAIMS,
            1, Role.PARTNER_USER);
    private final FakeScreen expenseDetail = new FakeScreen("claims/expense", "Expense claim", MenuSection.CLAIMS, 2,
            Role.PARTNER_USER).hidden();
    private final FakeScreen users = new FakeScreen("admin/users", "Users", MenuSection.ADMINISTRATION, 1,
            Role.ADMINISTRATOR);

    @Before
    public void setUp() {
        shell = new PortalShell(toggles, null, null);
        shell.register(view);
    }

    @Test
    public void routesAreAddedWhenTheServletStartsAfterTheScreens() {
        shell.addScreen(Fakes.typed(expenseNew, Fakes.props(10, "expense")), Fakes.notCreated());
        shell.addScreen(Fakes.typed(users, Fakes.props(11, null)), Fakes.notCreated());
        assertTrue(routes.routes.isEmpty());
        // left from an earlier start of the servlet in the same context
        routes.routes.add("claims/rebate/new");

        shell.attachRoutes(routes);
        assertEquals(Set.of("claims/expense/new", "admin/users"), routes.routes);
    }

    @Test
    public void routesFollowScreensComingAndGoing() {
        shell.attachRoutes(routes);
        shell.addScreen(Fakes.typed(expenseNew, Fakes.props(10, "expense")), Fakes.notCreated());
        shell.addScreen(Fakes.typed(expenseDetail, Fakes.props(12, "expense")), Fakes.notCreated());
        assertEquals(Set.of("claims/expense/new", "claims/expense"), routes.routes);
        assertEquals(Set.of("claims/expense"), view.last().added());

        shell.removeScreen(Fakes.props(10, "expense"));
        assertEquals(Set.of("claims/expense"), routes.routes);
        assertEquals(Set.of("claims/expense/new"), view.last().removed());
        assertEquals(List.of("New expense claim"), view.last().gone().stream().map(ScreenEntry::title).toList());

        // the bundle comes back: the route returns
        shell.addScreen(Fakes.typed(expenseNew, Fakes.props(13, "expense")), Fakes.notCreated());
        assertEquals(Set.of("claims/expense/new", "claims/expense"), routes.routes);
        assertTrue(shell.screen("/claims/expense/new/").isPresent());
    }

    @Test
    public void switchingAnExtensionOffRemovesAllItsRoutesAndTellsOpenViews() {
        shell.attachRoutes(routes);
        shell.addScreen(Fakes.typed(expenseNew, Fakes.props(10, "expense")), Fakes.notCreated());
        shell.addScreen(Fakes.typed(expenseDetail, Fakes.props(12, "expense")), Fakes.notCreated());
        shell.addScreen(Fakes.typed(users, Fakes.props(11, null)), Fakes.notCreated());
        int told = view.changes.size();

        toggles.off.add("expense");
        shell.extensionsChanged();
        assertEquals(Set.of("admin/users"), routes.routes);
        assertEquals(told + 1, view.changes.size());
        assertEquals(Set.of("claims/expense/new", "claims/expense"), view.last().removed());
        assertTrue(shell.screen("claims/expense/new").isEmpty());
        assertTrue(shell.menu(Fakes.caller(Role.PARTNER_USER)).isEmpty());

        toggles.off.remove("expense");
        shell.extensionsChanged();
        assertEquals(Set.of("admin/users", "claims/expense/new", "claims/expense"), routes.routes);
        assertEquals(Set.of("claims/expense/new", "claims/expense"), view.last().added());
        assertEquals(1, shell.menu(Fakes.caller(Role.PARTNER_USER)).size());
    }

    @Test
    public void unchangedTogglesChangeNoRoutesButStillRefreshViews() {
        shell.attachRoutes(routes);
        shell.addScreen(Fakes.typed(users, Fakes.props(11, null)), Fakes.notCreated());
        int applied = routes.applied.size();
        int told = view.changes.size();
        shell.extensionsChanged();
        assertEquals(applied, routes.applied.size());
        assertEquals(told + 1, view.changes.size());
        assertTrue(view.last().isEmpty());
    }

    @Test
    public void widgetChangesReachOpenViews() {
        shell.addWidget(Fakes.typed(new FakeWidget("mine", "My claims", Set.of(Role.PARTNER_USER), 1, 1),
                Fakes.props(20, "my-claims")), Fakes.notCreated());
        assertEquals(1, view.changes.size());
        assertEquals(1, shell.widgets(Fakes.caller(Role.PARTNER_USER)).size());
        assertEquals(0, shell.widgets(Fakes.caller(Role.FINANCE_REVIEWER)).size());

        toggles.off.add("my-claims");
        shell.extensionsChanged();
        assertEquals(0, shell.widgets(Fakes.caller(Role.PARTNER_USER)).size());

        shell.removeWidget(Fakes.props(20, "my-claims"));
        assertEquals(3, view.changes.size());
    }

    @Test
    public void invalidScreensAreIgnored() {
        shell.attachRoutes(routes);
        shell.addScreen(Fakes.typed(new FakeScreen("login", "Fake login", MenuSection.HOME, 1, Role.PARTNER_USER),
                Fakes.props(30, "evil")), Fakes.notCreated());
        assertTrue(routes.routes.isEmpty());
        assertTrue(view.changes.isEmpty());
    }

    @Test
    public void replacingTheScreenBehindAPathKeepsTheRouteButReportsTheOldScreenGone() {
        shell.attachRoutes(routes);
        shell.addScreen(Fakes.typed(users, Fakes.props(11, null)), Fakes.notCreated());
        FakeScreen better = new FakeScreen("admin/users", "Users (new)", MenuSection.ADMINISTRATION, 1,
                Role.ADMINISTRATOR);
        shell.addScreen(Fakes.typed(better, Fakes.props(40, null, 10)), Fakes.notCreated());
        assertEquals(Set.of("admin/users"), routes.routes);
        assertTrue(view.last().added().isEmpty());
        assertTrue(view.last().removed().isEmpty());
        assertEquals(11L, view.last().gone().get(0).serviceId());
        assertEquals("Users (new)", shell.screen("admin/users").orElseThrow().title());
    }

    @Test
    public void changedServicePropertiesAreReadAgain() {
        shell.attachRoutes(routes);
        shell.addScreen(Fakes.typed(expenseNew, Fakes.props(10, "expense")), Fakes.notCreated());
        toggles.off.add("other");
        // the screen is re-registered under an extension id that is switched off
        shell.updateScreen(Fakes.typed(expenseNew, Fakes.props(10, "other")), Fakes.notCreated());
        assertTrue(routes.routes.isEmpty());
        assertEquals(Set.of("claims/expense/new"), view.last().removed());
        shell.updateScreen(Fakes.typed(expenseNew, Fakes.props(10, "expense")), Fakes.notCreated());
        assertEquals(Set.of("claims/expense/new"), routes.routes);
    }

    @Test
    public void closedViewsAreForgotten() {
        Fakes.View closed = new Fakes.View();
        closed.alive = false;
        shell.register(closed);
        assertEquals(2, shell.openViews());
        shell.addScreen(Fakes.typed(users, Fakes.props(11, null)), Fakes.notCreated());
        assertEquals(1, shell.openViews());

        shell.unregister(view);
        shell.addScreen(Fakes.typed(expenseNew, Fakes.props(10, "expense")), Fakes.notCreated());
        assertEquals(0, shell.openViews());
        assertEquals(1, view.changes.size());
    }

    @Test
    public void typedScreensAreCreatedOnlyWhenOpened() {
        shell.attachRoutes(routes);
        int[] created = new int[1];
        shell.addScreen(Fakes.typed(users, Fakes.props(11, null)), () -> {
            created[0]++;
            return users;
        });
        assertEquals(Set.of("admin/users"), routes.routes);
        assertEquals(List.of(MenuSection.ADMINISTRATION),
                shell.menu(Fakes.caller(Role.ADMINISTRATOR)).stream().map(MenuGroup::section).toList());
        assertEquals("route and menu come from the service properties", 0, created[0]);
        assertEquals(users, shell.screen("admin/users").orElseThrow().service().get());
        assertEquals(1, created[0]);
    }

    @Test
    public void screensWithoutTypedPropertiesDescribeThemselves() {
        shell.attachRoutes(routes);
        shell.addScreen(Fakes.props(11, null), () -> users);
        assertEquals(Set.of("admin/users"), routes.routes);
        assertEquals("Users", shell.screen("admin/users").orElseThrow().title());
    }

    @Test
    public void detachedRouteTableIsLeftAlone() {
        shell.attachRoutes(routes);
        shell.detachRoutes(routes);
        shell.addScreen(Fakes.typed(users, Fakes.props(11, null)), Fakes.notCreated());
        assertTrue(routes.routes.isEmpty());
        assertFalse(shell.screen("admin/users").isEmpty());
    }
}
