package org.partnerfinance.claimtype.rebate.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountContribution;
import org.partnerfinance.ledger.api.AccountType;
import org.partnerfinance.ledger.api.Accounts;

/**
 * The ledger accounts of rebates. Earned rebate is accrued as it is earned: debit 4900 partner rebates (contra
 * revenue, in every chart), credit 2160 accrued rebates (contributed here). Approving a rebate claim moves the claimed
 * part from 2160 to 2150 accrued partner claims; paying it debits 2150 against the bank, as for every claim type.
 */
@Component(service = AccountContribution.class)
public class RebateAccounts implements AccountContribution {

    static final String REBATES = Accounts.REBATES;
    static final String ACCRUED_REBATES = "2160";

    @Override
    public List<Account> accounts() {
        return List.of(new Account(ACCRUED_REBATES, "Accrued rebates (earned, not yet claimed)", AccountType.LIABILITY));
    }
}
