package org.partnerfinance.ledger.api;

import java.util.List;

/**
 * Journal codes: every entry belongs to one journal, which says what kind of business event caused it. A journal code
 * is 1 to 10 characters: capital letters, digits, {@code -} or {@code _}; the constants below are the journals of the
 * core, extensions may use their own codes.
 */
public final class Journals {
    /** Manual entries, corrections and everything without a more specific journal. */
    public static final String GENERAL = "GENERAL";
    /** Receivables: invoices and credit notes the company issues to partners. */
    public static final String SALES = "SALES";
    /** Payables: invoices and credit notes partners issue to the company. */
    public static final String PURCHASES = "PURCHASES";
    /** Payments received and made, bank movements. */
    public static final String CASH = "CASH";
    /** Accruals and settlements of partner claims. */
    public static final String CLAIMS = "CLAIMS";
    /** Foreign exchange: revaluations and exchange differences. */
    public static final String FX = "FX";

    /** The journals of the core, in display order. */
    public static final List<String> CORE = List.of(GENERAL, SALES, PURCHASES, CASH, CLAIMS, FX);

    private Journals() {
    }

    /**
     * Checks a journal code.
     *
     * @throws IllegalArgumentException with a message naming the rule when the code is not a valid journal code
     */
    public static String requireValid(String code) {
        if (code == null || !code.matches("[A-Z0-9_-]{1,10}")) {
            throw new IllegalArgumentException("A journal code has 1 to 10 capital letters, digits, '-' or '_', e.g. "
                    + GENERAL + ": " + code);
        }
        return code;
    }
}
