package org.partnerfinance.claimtype.mdf.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.ClaimTypeId;
import org.partnerfinance.claims.api.ClaimTypeLifecycle;
import org.partnerfinance.claims.api.ClaimTypeName;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.IllegalTransitionException;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.funds.api.Reservation;
import org.partnerfinance.funds.api.ReservationStatus;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.Caller;

/**
 * The MDF pre-approval request: the partner plans an activity and its cost (the claim's amount); its final approval
 * reserves that amount of the partner's funds (a programme funding {@code mdf-request}) under the request's
 * reference, inside the approval's unit of work: without enough funds the approval fails with the funds' message and
 * nothing is approved. The approval commits no money itself, so the type has no accounting rule and the request is
 * never settled; the proof-of-performance claim ({@link MdfClaimType}) claims the reservation. An approved request is
 * closed instead (by the partner, finance, the approval of its proof claim or {@link MdfRequestSweeper}): what is
 * still reserved is released, unless a proof claim under review still needs it.
 */
@Component(service = ClaimType.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + MdfRules.REQUEST_TYPE,
        ExtensionConstants.EXTENSION_KIND + "=claim-type",
        ExtensionConstants.EXTENSION_NAME + "=" + MdfRules.REQUEST_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Claim type " + MdfRules.REQUEST_NAME + " (mdf-request)" },
        reference = @Reference(name = MdfClaimType.CLAIMS, service = ClaimService.class,
                cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC))
@ClaimTypeId(MdfRules.REQUEST_TYPE)
@ClaimTypeName(MdfRules.REQUEST_NAME)
public class MdfRequestClaimType implements ClaimType, ClaimTypeLifecycle {

    private final FundService funds;

    /** Looks the claims service up when a request is closed, as {@link MdfClaimType} does (see there why). */
    private final ComponentContext context;

    @Activate
    public MdfRequestClaimType(@Reference(name = "funds") FundService funds, ComponentContext context) {
        this.funds = funds;
        this.context = context;
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
     * Gives back what is still reserved for the request. A request is rejected or withdrawn only before its approval,
     * when nothing is reserved (should a reservation exist all the same, it is released). An approved request is
     * closed: refused while a proof claim under review still needs its reservation ({@link MdfRules#closeRefusal}).
     */
    @Override
    public void closed(Claim claim) {
        Caller system = Caller.system();
        Optional<Reservation> held = funds.reservation(system, claim.reference());
        if (claim.status() == ClaimStatus.CLOSED) {
            // the claims service is the one calling, so it is there
            ClaimService claims = (ClaimService) context.locateService(MdfClaimType.CLAIMS);
            if (claims == null) {
                throw new IllegalTransitionException("Request " + claim.reference() + " cannot be closed at the "
                        + "moment: the claims service is restarting. Try again in a minute.");
            }
            MdfRules.closeRefusal(claim, held, claims.listForPartner(system, claim.partnerId())).ifPresent(m -> {
                throw new IllegalTransitionException(m);
            });
        }
        held.filter(r -> r.status() == ReservationStatus.RESERVED)
                .ifPresent(r -> funds.release(system, r.reference()));
    }
}
