package org.partnerfinance.ui.api;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.partnerfinance.security.api.Role;

import com.vaadin.flow.component.Component;

/**
 * A screen contributed by a bundle: the shell registers its path as a route under the main layout and adds a menu
 * entry for users holding one of its roles. A screen is described by typed service properties, which the shell reads
 * without creating the service:
 *
 * <pre>
 * &#64;Component(service = Screen.class, property = { "pf.extension.id=expense", "pf.extension.kind=screen" })
 * &#64;ScreenPath("claims/expense/new") &#64;Title("New expense claim") &#64;Icon(VaadinIcon.PLUS)
 * &#64;Section(MenuSection.CLAIMS) &#64;Order(20) &#64;Roles({ Role.PARTNER_USER, Role.PARTNER_ADMIN })
 * public class NewExpenseScreen implements Screen { ... create(context) ... }
 * </pre>
 *
 * A screen without {@link Section} has no menu entry (detail pages reached by links). When the service goes away
 * (bundle stopped, extension switched off) the route is removed and users on it are taken home with a message.
 *
 * <p>The getters below are read only for a screen registered without {@link ScreenPath}, as screens were described
 * before the typed properties; they answer nothing by default.
 */
@ConsumerType
public interface Screen {

    /** Creates the screen's content for the current user. Called on the UI thread. */
    Component create(ScreenContext context);

    /**
     * Route path without leading slash, e.g. {@code claims/expense/new}.
     *
     * @deprecated describe the screen with {@link ScreenPath}
     */
    @Deprecated
    default String path() {
        return null;
    }

    /**
     * Title for menu and page.
     *
     * @deprecated use {@link Title}
     */
    @Deprecated
    default String title() {
        return null;
    }

    /**
     * Name of a {@code com.vaadin.flow.component.icon.VaadinIcon} constant, e.g. {@code FILE_TEXT}.
     *
     * @deprecated use {@link Icon}
     */
    @Deprecated
    default String icon() {
        return null;
    }

    /** @deprecated use {@link Section} */
    @Deprecated
    default MenuSection section() {
        return null;
    }

    /**
     * Position within the section, low first.
     *
     * @deprecated use {@link Order}
     */
    @Deprecated
    default int order() {
        return 0;
    }

    /**
     * Roles that see this screen.
     *
     * @deprecated use {@link Roles}
     */
    @Deprecated
    default Set<Role> roles() {
        return Set.of();
    }

    /**
     * Whether the screen has a menu entry (detail screens reached by links have none).
     *
     * @deprecated a screen with {@link Section} has a menu entry, one without has none
     */
    @Deprecated
    default boolean inMenu() {
        return true;
    }
}
