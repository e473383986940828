package org.partnerfinance.claims.rules.api;

/** The coded reasons ({@code ComplianceFinding.code}) of the shipped rules. */
public final class ComplianceCodes {

    /** Duplicate claim: same reference, same facts, or same file as an earlier claim of the partner. */
    public static final String DUPLICATE = "C-DUP";

    /** Claim deadline: too late (fail) or close (warning); an extension may be requested for a saved claim. */
    public static final String DEADLINE = "C-DEADLINE";

    /** Cap per claim or per period exceeded. */
    public static final String CAP = "C-CAP";

    /** Required attachments missing. */
    public static final String ATTACHMENTS = "C-ATTACH";

    private ComplianceCodes() {
    }
}
