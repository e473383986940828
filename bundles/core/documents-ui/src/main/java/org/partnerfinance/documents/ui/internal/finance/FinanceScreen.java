package org.partnerfinance.documents.ui.internal.finance;

import java.util.Set;

import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;

/** What every finance screen shares: the Finance menu section; each screen names its route, title, icon and roles. */
abstract class FinanceScreen implements Screen {

    private final String path;
    private final String title;
    private final String icon;
    private final int order;
    private final Set<Role> roles;

    FinanceScreen(String path, String title, String icon, int order, Set<Role> roles) {
        this.path = path;
        this.title = title;
        this.icon = icon;
        this.order = order;
        this.roles = roles;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String icon() {
        return icon;
    }

    @Override
    public MenuSection section() {
        return MenuSection.FINANCE;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
