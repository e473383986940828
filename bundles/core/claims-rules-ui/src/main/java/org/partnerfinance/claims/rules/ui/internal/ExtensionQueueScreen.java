package org.partnerfinance.claims.rules.ui.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.claims.rules.api.DeadlineExtensions;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/** "Deadline extensions" for finance: the requests waiting for a decision; grant until a date or refuse. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=compliance-rules",
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=Compliance rules",
        ExtensionConstants.EXTENSION_DETAIL + "=Deadline extensions for finance (/" + ExtensionQueueScreen.PATH
                + ")" })
public class ExtensionQueueScreen implements Screen {

    static final String PATH = "review/deadline-extensions";

    @Reference
    private DeadlineExtensions extensions;

    @Reference
    private LiveUpdates live;

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String title() {
        return "Deadline extensions";
    }

    @Override
    public String icon() {
        return "CALENDAR_CLOCK";
    }

    @Override
    public MenuSection section() {
        return MenuSection.REVIEW;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER);
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new ExtensionQueueView(context, extensions, live);
    }
}
