package org.partnerfinance.ui.api;

/** Sections of the main menu, in display order. */
public enum MenuSection {
    HOME("Home"), CLAIMS("Claims"), FINANCE("Finance"), REVIEW("Review"), ADMINISTRATION("Administration"),
    INTEGRATION("Integration");

    private final String label;

    MenuSection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
