package org.partnerfinance.claims.ui.api;

/**
 * The addresses of the claim screens, for links and {@code ScreenContext.navigate}: every installed claim type gets
 * its form at {@link #newClaim(String)} from the claims UI (rendered from the type's declared fields), and its menu
 * entry is the screen at that path.
 */
public final class ClaimRoutes {

    /** Where the forms of claim types live: {@code claims/new/<type id>}. */
    public static final String NEW_CLAIM_PREFIX = "claims/new/";
    /** The partner's list of claims. */
    public static final String MY_CLAIMS = "claims";
    /** The finance team's review queue. */
    public static final String REVIEW_QUEUE = "review";

    private ClaimRoutes() {
    }

    /** The route of the form that creates a claim of a type, e.g. {@code claims/new/expense}. */
    public static String newClaim(String typeId) {
        if (typeId == null || typeId.isBlank() || !typeId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("A claim type id has letters, digits, '_' or '-': " + typeId);
        }
        return NEW_CLAIM_PREFIX + typeId;
    }

    /** The route of one claim's detail page. */
    public static String claim(long claimId) {
        return "claims/detail?id=" + claimId;
    }
}
