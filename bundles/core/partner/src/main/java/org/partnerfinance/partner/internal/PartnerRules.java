package org.partnerfinance.partner.internal;

import java.util.regex.Pattern;

/** Validation of partner ids and names. */
final class PartnerRules {

    /** {@code P-} followed by four to ten digits, e.g. {@code P-1001}. */
    static final Pattern ID = Pattern.compile("P-[0-9]{4,10}");
    static final int MAX_NAME = 200;

    private PartnerRules() {
    }

    /** @throws IllegalArgumentException for an id that is not of the form P-1001 */
    static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A partner id is P- followed by 4 to 10 digits, e.g. P-1001.");
        }
        return id;
    }

    /**
     * Trims a name and checks it.
     *
     * @throws IllegalArgumentException for a blank or too long name, or one with control characters
     */
    static String checkName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Enter the partner's name.");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new IllegalArgumentException("A partner name has at most " + MAX_NAME + " characters.");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A partner name cannot contain line breaks or control characters.");
        }
        return trimmed;
    }
}
