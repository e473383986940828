package org.partnerfinance.ui.internal;

import java.util.Locale;

import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/** Turns the icon names screens give ({@code VaadinIcon} constant names) into icons. */
final class Icons {

    static final VaadinIcon FALLBACK = VaadinIcon.FILE_O;

    private Icons() {
    }

    /** The named icon, or {@link #FALLBACK} for a missing or unknown name. */
    static VaadinIcon named(String name) {
        if (name == null || name.isBlank()) {
            return FALLBACK;
        }
        try {
            return VaadinIcon.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return FALLBACK;
        }
    }

    static Icon create(String name) {
        return named(name).create();
    }
}
