package org.partnerfinance.ui.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserDirectory;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/**
 * Users: partner administrators list and add the users of their own partner, administrators those of everyone. What a
 * caller may see and create is decided by {@link UserDirectory}; the screen only offers the matching choices. Part of
 * the platform, so it carries no {@code pf.extension.id} and cannot be switched off.
 */
@Component(service = Screen.class)
public class UsersScreen implements Screen {

    static final String PATH = "admin/users";

    private final UserDirectory users;

    @Activate
    public UsersScreen(@Reference UserDirectory users) {
        this.users = users;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String title() {
        return "Users";
    }

    @Override
    public String icon() {
        return "USERS";
    }

    @Override
    public MenuSection section() {
        return MenuSection.ADMINISTRATION;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.PARTNER_ADMIN, Role.ADMINISTRATOR);
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        Access.requireAnyRole(context.caller(), Role.PARTNER_ADMIN, Role.ADMINISTRATOR);
        return new UsersView(users, context);
    }
}
