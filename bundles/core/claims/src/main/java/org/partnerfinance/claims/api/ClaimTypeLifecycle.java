package org.partnerfinance.claims.api;

import org.osgi.annotation.versioning.ConsumerType;
import org.partnerfinance.ledger.api.Money;

/**
 * What a claim type does when one of its claims moves on, inside the claims core's own unit of work: a
 * {@link ClaimType} service that also implements this interface is told, and whatever it changes through other
 * services that join the unit of work (funds, documents, its own tables) commits or rolls back with the claim. This
 * is how money held outside the claims core (e.g. market development funds) never disagrees with the workflow.
 *
 * <p>Every method has a no-op default, so a type overrides only what it needs. A type that is not installed when its
 * claim moves on is not told (its claims stay readable and can still be decided); such a type catches up from the
 * claim's status when it comes back, if it must.
 */
@ConsumerType
public interface ClaimTypeLifecycle {

    /**
     * The claim's last approval step approved it ({@code claim.status() == APPROVED}, {@code approvedAmount} set),
     * after its accrual (if the type's {@link ClaimType#accountingRule()} posts one) and before the audit record.
     * Throwing rolls the whole approval back; the reviewer sees the exception's message, so throw an
     * {@link IllegalArgumentException} (e.g. {@code InsufficientFundsException}) that says what to do.
     */
    default void approved(Claim claim) {
    }

    /**
     * The claim was rejected, withdrawn or - an approved pre-approval whose type has no accounting rule - closed
     * ({@code claim.status()} says which; a closed claim's {@code statusNote} is the reason). The type gives back what
     * it still holds for the claim (e.g. a funds reservation). Throwing rolls that back; to refuse closing (e.g. while
     * a claim that follows the pre-approval is under review), throw an {@link IllegalTransitionException} naming the
     * claim and what to do first: its message is shown to whoever closed it.
     */
    default void closed(Claim claim) {
    }

    /**
     * The claim was marked paid or its settlement completed ({@code claim.status() == PAID}) for {@code paid}.
     * Throwing rolls that back.
     */
    default void paid(Claim claim, Money paid) {
    }
}
