package org.partnerfinance.ui.internal;

/**
 * One entry of the main menu.
 *
 * @param path  route path
 * @param title label
 * @param icon  VaadinIcon constant name as the screen gave it
 */
record MenuItem(String path, String title, String icon) {
}
