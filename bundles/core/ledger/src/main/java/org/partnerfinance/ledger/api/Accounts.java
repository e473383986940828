package org.partnerfinance.ledger.api;

/**
 * Codes of the accounts every installation has (created by the ledger's schema migrations). Further accounts are
 * opened by finance managers or contributed by extensions ({@link AccountContribution}).
 */
public final class Accounts {
    /** Cash at bank. */
    public static final String BANK = "1000";
    /** Amounts partners owe the company (invoices). */
    public static final String PARTNER_RECEIVABLES = "1200";
    /** Claims approved and owed to partners, not yet paid. */
    public static final String ACCRUED_PARTNER_CLAIMS = "2150";
    /** Partner expense reimbursements. */
    public static final String PARTNER_EXPENSES = "6100";
    /** Market development funds. */
    public static final String MARKETING_FUNDS = "6200";
    /** Rebates granted to partners (contra revenue). */
    public static final String REBATES = "4900";
    /**
     * Base-currency rounding differences: converting each line of a foreign-currency entry to the base currency can
     * leave its base amounts a few minor units apart; the ledger posts that difference here.
     */
    public static final String FX_ROUNDING = "7990";

    private Accounts() {
    }
}
