package org.partnerfinance.documents.ui.internal.finance;

import java.math.BigDecimal;

import org.partnerfinance.documents.api.Dispute;
import org.partnerfinance.documents.api.DocumentValidationException;

/**
 * What finance enters to decide a dispute, checked before it goes to the dispute service so that the form can point at
 * the field; the service checks the same again.
 */
final class DisputeDecision {

    static final String ACCEPTED_AMOUNT = "acceptedAmount";
    static final String COMMENT = "comment";
    static final String REASON = "reason";

    private DisputeDecision() {
    }

    /**
     * The amount to credit: the disputed amount when left empty, else what was entered if it is more than zero and not
     * more than was disputed.
     *
     * @throws DocumentValidationException naming {@value #ACCEPTED_AMOUNT}
     */
    static BigDecimal acceptedAmount(Dispute dispute, BigDecimal entered) {
        BigDecimal disputed = dispute.amount().amount();
        if (entered == null) {
            return disputed;
        }
        if (entered.signum() <= 0) {
            throw new DocumentValidationException(ACCEPTED_AMOUNT, "The accepted amount is more than zero.");
        }
        if (entered.compareTo(disputed) > 0) {
            throw new DocumentValidationException(ACCEPTED_AMOUNT,
                    "At most the disputed amount can be accepted: " + dispute.amount().format() + ".");
        }
        int digits = Math.max(0, dispute.amount().currency().getDefaultFractionDigits());
        if (entered.stripTrailingZeros().scale() > digits) {
            throw new DocumentValidationException(ACCEPTED_AMOUNT, "An amount in "
                    + dispute.amount().currency().getCurrencyCode() + " has at most " + digits + " decimals.");
        }
        return entered;
    }

    /**
     * The reason of a rejection, trimmed.
     *
     * @throws DocumentValidationException naming {@value #REASON} when it is blank
     */
    static String rejectionReason(String reason) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty()) {
            throw new DocumentValidationException(REASON, "Give the partner a reason for the rejection.");
        }
        return trimmed;
    }
}
