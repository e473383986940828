package org.partnerfinance.claims.internal;

import java.math.BigDecimal;
import java.util.Optional;

import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * How much a finance reviewer and a finance manager may approve. A limit is a plain number compared with the eligible
 * amount in the claim's own currency; a caller with both roles gets the higher limit.
 */
record ApprovalLimits(BigDecimal reviewer, BigDecimal manager) {

    static ApprovalLimits of(ClaimsConfiguration config) {
        return new ApprovalLimits(parse("reviewerApprovalLimit", config.reviewerApprovalLimit()),
                parse("managerApprovalLimit", config.managerApprovalLimit()));
    }

    private static BigDecimal parse(String name, String value) {
        BigDecimal limit;
        try {
            limit = new BigDecimal(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, value, e);
        }
        if (limit.signum() < 0) {
            throw invalid(name, value, null);
        }
        return limit;
    }

    private static IllegalArgumentException invalid(String name, String value, Throwable cause) {
        return new IllegalArgumentException("Configuration " + ClaimServiceImpl.PID + ": " + name
                + " must be a number of zero or more, not '" + value + "'.", cause);
    }

    /** The highest amount the caller may approve; empty for callers who approve nothing. */
    Optional<BigDecimal> limitFor(Caller caller) {
        BigDecimal limit = null;
        if (caller.has(Role.FINANCE_REVIEWER)) {
            limit = reviewer;
        }
        if (caller.has(Role.FINANCE_MANAGER)) {
            limit = limit == null ? manager : limit.max(manager);
        }
        return Optional.ofNullable(limit);
    }

    /** @throws AccessDeniedException when the eligible amount is above the caller's limit */
    void requireWithin(Caller caller, Money eligible) {
        BigDecimal limit = limitFor(caller)
                .orElseThrow(() -> new AccessDeniedException("Only finance staff can approve claims."));
        if (eligible.amount().compareTo(limit) > 0) {
            // the limit is printed as configured: it may have more decimals than the claim's currency
            throw new AccessDeniedException("The eligible amount " + eligible.format()
                    + " is above your approval limit of " + eligible.currency().getCurrencyCode() + " "
                    + limit.toPlainString() + "; a finance manager has to approve this claim.");
        }
    }
}
