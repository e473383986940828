package org.partnerfinance.claimtype.mdf.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
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
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.funds.api.Reservation;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MDF proof-of-performance claim: the actual costs of a pre-approved activity, with invoices and proof, claimed
 * against the approved request's reservation ({@link MdfRules#validateClaim}: the partner's approved request, not
 * claimed by another open or approved claim, within its window plus the grace period, at most the reserved amount in
 * its currency). Inside the claim's units of work: its final approval turns the reservation into approved funds for
 * the approved amount (the rest is released and available again), its payment or settlement marks the reservation
 * paid. Its approval also closes the request, which is used up. A rejected or withdrawn proof claim leaves the
 * reservation as it is: the activity stays pre-approved and the partner may claim it again with better proof, until
 * the window closes (then {@link MdfRequestSweeper} closes the request and releases the funds).
 */
@Component(service = ClaimType.class, configurationPid = MdfConfiguration.PID, property = {
        ExtensionConstants.EXTENSION_ID + "=" + MdfRules.CLAIM_TYPE,
        ExtensionConstants.EXTENSION_KIND + "=claim-type",
        ExtensionConstants.EXTENSION_NAME + "=" + MdfRules.CLAIM_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Claim type " + MdfRules.CLAIM_NAME + " (mdf)" },
        reference = @Reference(name = MdfClaimType.CLAIMS, service = ClaimService.class,
                cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC))
@Designate(ocd = MdfConfiguration.class)
@ClaimTypeId(MdfRules.CLAIM_TYPE)
@ClaimTypeName(MdfRules.CLAIM_NAME)
public class MdfClaimType implements ClaimType, ClaimTypeLifecycle {

    private static final AccountingRule ACCOUNTING = new AccountingRule(MdfAccounts.MDF_EXPENSE,
            MdfAccounts.ACCRUED_MDF, Accounts.BANK);

    private static final Logger LOG = LoggerFactory.getLogger(MdfClaimType.class);

    /** Name of the claims service reference, looked up when needed. */
    static final String CLAIMS = "claims";

    private final FundService funds;
    private volatile int graceDays;

    /**
     * The claims service, looked up when a claim is validated ({@link #CLAIMS}, the lookup strategy) rather than bound
     * at activation: the claims service itself activates every claim type while it binds them, and getting the claims
     * service from inside that activation is a cycle the framework refuses - a bound reference then stayed empty for
     * good. At validation time the claims service is the one calling, so it is there.
     */
    private final ComponentContext context;

    @Activate
    public MdfClaimType(@Reference(name = "funds") FundService funds, MdfConfiguration config,
            ComponentContext context) {
        this.funds = funds;
        this.graceDays = config.grace_days();
        this.context = context;
    }

    @Modified
    void modified(MdfConfiguration config) {
        graceDays = config.grace_days();
    }

    @Override
    public String formTitle() {
        return "New MDF claim (proof of performance)";
    }

    @Override
    public List<FieldDef> fields() {
        return MdfRules.CLAIM_FIELDS;
    }

    /**
     * Reads as the platform: the claims core has checked that the caller acts for the draft's partner, and the request
     * found must be that partner's.
     */
    @Override
    public List<Problem> validate(ClaimDraft draft, Clock clock) {
        ClaimService claims = (ClaimService) context.locateService(CLAIMS);
        if (claims == null) {
            return List.of(new Problem(MdfRules.REQUEST, "MDF requests cannot be looked up at the moment: the "
                    + "claims service is restarting. Try again in a minute."));
        }
        Caller system = Caller.system();
        String reference = draft.fields().get(MdfRules.REQUEST);
        Long requestId = MdfRules.claimId(reference);
        Optional<Claim> request = requestId == null ? Optional.empty()
                : claims.find(system, requestId).filter(c -> c.partnerId().equals(draft.partnerId()));
        Optional<Reservation> held = request.isEmpty() ? Optional.empty()
                : funds.reservation(system, request.get().reference());
        List<Claim> partnerClaims = request.isEmpty() ? List.of() : claims.listForPartner(system, draft.partnerId());
        return MdfRules.validateClaim(draft, LocalDate.now(clock), graceDays, request, held, partnerClaims);
    }

    @Override
    public Money eligibleAmount(ClaimDraft draft) {
        return draft.amount();
    }

    @Override
    public AccountingRule accountingRule() {
        return ACCOUNTING;
    }

    /**
     * Turns the reservation into approved funds and closes the request, which is used up (reason "proof of performance
     * claim CLM-… approved"), both in the approval's unit of work: if either fails, nothing is approved.
     */
    @Override
    public void approved(Claim claim) {
        String reference = requireRequest(claim);
        funds.approve(Caller.system(), reference, claim.approvedAmount());
        ClaimService claims = (ClaimService) context.locateService(CLAIMS);
        if (claims == null) {
            // cannot happen while the claims service calls; the sweep closes the request on its next run otherwise
            LOG.warn("Request {} of approved claim {} stays open: the claims service is not available",
                    reference, claim.reference());
            return;
        }
        Long requestId = MdfRules.claimId(reference);
        // with the request type switched off, closing would fail the approval: the sweep closes it once it is back
        boolean requestsOn = claims.availableTypes(Caller.system()).stream()
                .anyMatch(t -> t.id().equals(MdfRules.REQUEST_TYPE));
        Optional<Claim> request = requestId == null || !requestsOn ? Optional.empty()
                : claims.find(Caller.system(), requestId).filter(r -> r.status() == ClaimStatus.APPROVED);
        request.ifPresent(r -> claims.close(Caller.system(), r.id(), r.version(),
                MdfRules.approvedProofReason(claim)));
    }

    @Override
    public void paid(Claim claim, Money paid) {
        funds.markPaid(Caller.system(), requireRequest(claim), paid);
    }

    private static String requireRequest(Claim claim) {
        String reference = MdfRules.requestReference(claim);
        if (reference == null) {
            throw new IllegalStateException("Claim " + claim.reference() + " names no MDF request.");
        }
        return reference;
    }
}
