package org.partnerfinance.claimtype.mdf.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.ClaimTypeId;
import org.partnerfinance.claims.api.ClaimTypeLifecycle;
import org.partnerfinance.claims.api.ClaimTypeName;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.funds.api.ReservationStatus;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.Caller;

/**
 * The MDF pre-approval request: the partner plans an activity and its cost (the claim's amount); its final approval
 * reserves that amount of the partner's funds (a programme funding {@code mdf-request}) under the request's
 * reference, inside the approval's unit of work: without enough funds the approval fails with the funds' message and
 * nothing is approved. The approval commits no money itself, so the type has no accounting rule and the request is
 * never settled; the proof-of-performance claim ({@link MdfClaimType}) claims the reservation.
 */
@Component(service = ClaimType.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + MdfRules.REQUEST_TYPE,
        ExtensionConstants.EXTENSION_KIND + "=claim-type",
        ExtensionConstants.EXTENSION_NAME + "=" + MdfRules.REQUEST_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Claim type " + MdfRules.REQUEST_NAME + " (mdf-request)" })
@ClaimTypeId(MdfRules.REQUEST_TYPE)
@ClaimTypeName(MdfRules.REQUEST_NAME)
public class MdfRequestClaimType implements ClaimType, ClaimTypeLifecycle {

    private final FundService funds;

    @Activate
    public MdfRequestClaimType(@Reference(name = "funds") FundService funds) {
        this.funds = funds;
    }

    @Override
    public String formTitle() {
        return "New MDF pre-approval request";
    }

    @Override
    public List<FieldDef> fields() {
        return MdfRules.REQUEST_FIELDS;
    }

    @Override
    public List<Problem> validate(ClaimDraft draft, Clock clock) {
        return MdfRules.validateRequest(draft, LocalDate.now(clock));
    }

    @Override
    public Money eligibleAmount(ClaimDraft draft) {
        return draft.amount();
    }

    /** A pre-approval posts nothing: the funds core holds the money as a reservation. */
    @Override
    public AccountingRule accountingRule() {
        return null;
    }

    @Override
    public void approved(Claim claim) {
        funds.reserveFor(Caller.system(), claim.partnerId(), MdfRules.REQUEST_TYPE, claim.reference(),
                claim.approvedAmount());
    }

    /**
     * A request is rejected or withdrawn only before its approval, when nothing is reserved; should a reservation
     * exist under its reference all the same, it is given back rather than left held for a closed request.
     */
    @Override
    public void closed(Claim claim) {
        funds.reservation(Caller.system(), claim.reference())
                .filter(r -> r.status() == ReservationStatus.RESERVED)
                .ifPresent(r -> funds.release(Caller.system(), r.reference()));
    }
}
