package org.partnerfinance.claimtype.rebate.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.claimtype.rebate.api.Agreement;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Money;

/**
 * The rebate claim type: the partner claims earned, not yet claimed rebate of one agreement (field {@code agreement},
 * its reference {@code RBA-…}). The amount may not exceed what the agreement earned minus what its submitted, approved
 * and paid claims already claim. The check holds the agreement until the claim is written
 * ({@link AgreementClaims#holdForClaim}), so claims of one agreement submitted at the same moment are checked one after
 * the other and cannot both spend what is left. Approval moves the amount from accrued rebates (2160, where it was accrued as it was
 * earned) to accrued partner claims (2150); payment settles 2150 from the bank.
 */
@Component(service = ClaimType.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + RebateClaimType.TYPE_ID,
        ExtensionConstants.EXTENSION_KIND + "=claim-type",
        ExtensionConstants.EXTENSION_NAME + "=" + RebateClaimType.NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Claim type " + RebateClaimType.NAME + " (rebate)" })
public class RebateClaimType implements ClaimType {

    static final String TYPE_ID = "rebate";
    static final String NAME = "Rebate";
    static final String AGREEMENT = "agreement";

    /** Rebates are earned on recorded volumes: no receipts, only the agreement the amount is claimed from. */
    private static final List<FieldDef> FIELDS = List.of(FieldDef.text(AGREEMENT, "Agreement", true)
            .withHelp("The reference of one of your rebate agreements, e.g. RBA-000012 (see My rebates)."));
    private static final AccountingRule ACCOUNTING = new AccountingRule(RebateAccounts.ACCRUED_REBATES,
            Accounts.ACCRUED_PARTNER_CLAIMS, Accounts.BANK);

    private final AgreementClaims agreements;

    @Activate
    public RebateClaimType(@Reference(name = "agreements") AgreementClaims agreements) {
        this.agreements = agreements;
    }

    @Override
    public String id() {
        return TYPE_ID;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String formTitle() {
        return "Claim earned rebate";
    }

    @Override
    public List<FieldDef> fields() {
        return FIELDS;
    }

    @Override
    public List<Problem> validate(ClaimDraft draft, Clock clock) {
        List<Problem> problems = new ArrayList<>();
        String reference = draft.fields().get(AGREEMENT);
        // the claims core has checked that the partner acts for itself; the agreement must be that partner's
        Long id = RebateServiceImpl.idOf(reference);
        // held until the submitting unit of work ends: two claims of one agreement are checked one after the other
        Optional<AgreementClaims.Claimable> held = id == null ? Optional.empty()
                : agreements.holdForClaim(draft.partnerId(), id);
        if (held.isEmpty()) {
            problems.add(new Problem(AGREEMENT, "Choose one of your rebate agreements (a reference like RBA-000012)."));
            return problems;
        }
        Agreement a = held.get().agreement();
        if (!a.terms().currency().equals(draft.amount().currency())) {
            problems.add(new Problem("amount", "Agreement " + a.reference() + " is in "
                    + a.terms().currency().getCurrencyCode() + "; claim it in that currency."));
            return problems;
        }
        Money claimable = held.get().amount();
        if (draft.amount().compareTo(claimable) > 0) {
            problems.add(new Problem("amount", claimable.signum() <= 0
                    ? "Nothing of agreement " + a.reference() + " is left to claim (earned " + a.earned().format()
                            + ", all of it claimed)."
                    : "At most " + claimable.format() + " of agreement " + a.reference()
                            + " can be claimed (earned " + a.earned().format() + " minus what is already claimed)."));
        }
        return problems;
    }

    @Override
    public Money eligibleAmount(ClaimDraft draft) {
        return draft.amount();
    }

    @Override
    public AccountingRule accountingRule() {
        return ACCOUNTING;
    }
}
