package org.partnerfinance.claims.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rejection codes the catalogue was seeded with. Administrators maintain the catalogue ({@link RejectionCode},
 * {@link ClaimService#rejectionCodes}): codes added there have no constant here (a claim rejected with one shows
 * {@link #OTHER} here and its real code in {@link Claim#rejection()}), and a renamed code's current text is the
 * catalogue's.
 */
public enum RejectionReason {
    MISSING_DOCUMENT("R01", "Receipt or proof missing or unreadable"),
    NOT_ELIGIBLE("R02", "Not eligible under the programme terms"),
    DUPLICATE("R03", "Duplicate of an earlier claim"),
    OVER_LIMIT("R04", "Amount exceeds the allowed limit"),
    OUT_OF_PERIOD("R05", "Outside the claim period"),
    WRONG_AMOUNT("R06", "Amount does not match the documents"),
    OTHER("R99", "Other reason, see comment");

    private final String code;
    private final String text;

    RejectionReason(String code, String text) {
        this.code = code;
        this.text = text;
    }

    public String code() {
        return code;
    }

    public String text() {
        return text;
    }

    public static Optional<RejectionReason> byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
