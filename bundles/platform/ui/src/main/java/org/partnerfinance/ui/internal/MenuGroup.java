package org.partnerfinance.ui.internal;

import java.util.List;

import org.partnerfinance.ui.api.MenuSection;

/**
 * One section of the main menu with its entries in display order.
 *
 * @param section the section
 * @param items   entries, never empty
 */
record MenuGroup(MenuSection section, List<MenuItem> items) {

    MenuGroup {
        items = List.copyOf(items);
    }
}
