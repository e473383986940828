package org.partnerfinance.ui.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserDirectory;
import org.partnerfinance.ui.api.Icon;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Order;
import org.partnerfinance.ui.api.Roles;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.api.ScreenPath;
import org.partnerfinance.ui.api.Section;
import org.partnerfinance.ui.api.Title;

import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Users: partner administrators list and add the users of their own partner, administrators those of everyone. What a
 * caller may see and create is decided by {@link UserDirectory}; the screen only offers the matching choices. Part of
 * the platform, so it carries no {@code pf.extension.id} and cannot be switched off.
 */
@Component(service = Screen.class)
@ScreenPath(UsersScreen.PATH)
@Title("Users")
@Icon(VaadinIcon.USERS)
@Section(MenuSection.ADMINISTRATION)
@Order(20)
@Roles({ Role.PARTNER_ADMIN, Role.ADMINISTRATOR })
public class UsersScreen implements Screen {

    static final String PATH = "admin/users";

    private final UserDirectory users;

    @Activate
    public UsersScreen(@Reference UserDirectory users) {
        this.users = users;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        Access.requireAnyRole(context.caller(), Role.PARTNER_ADMIN, Role.ADMINISTRATOR);
        return new UsersView(users, context);
    }
}
