package org.partnerfinance.ui.api;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.partnerfinance.security.api.Role;

import com.vaadin.flow.component.Component;

/**
 * A screen contributed by a bundle: the shell registers {@link #path()} as a route under the main layout and adds a menu
 * entry for users holding one of {@link #roles()}. Register as a service with the properties
 * {@code pf.extension.id}, {@code pf.extension.kind=screen}. When the service goes away (bundle stopped, extension
 * switched off) the route is removed and users on it are taken home with a message.
 */
@ConsumerType
public interface Screen {

    /** Route path without leading slash, e.g. {@code claims/expense/new}. */
    String path();

    /** Title for menu and page. */
    String title();

    /** Name of a {@code com.vaadin.flow.component.icon.VaadinIcon} constant, e.g. {@code FILE_TEXT}. */
    String icon();

    MenuSection section();

    /** Position within the section, low first. */
    int order();

    /** Roles that see this screen. */
    Set<Role> roles();

    /** Whether the screen has a menu entry (detail screens reached by links have none). */
    default boolean inMenu() {
        return true;
    }

    /** Creates the screen's content for the current user. Called on the UI thread. */
    Component create(ScreenContext context);
}
