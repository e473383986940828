package org.partnerfinance.funds.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountContribution;
import org.partnerfinance.ledger.api.AccountType;

/**
 * The account the funds core needs beyond the ledger's own: the liability of committed partner funds. A component of
 * its own, without references, so that the ledger can open it while the funds service still waits for the ledger.
 */
@Component(service = AccountContribution.class)
public class FundAccounts implements AccountContribution {

    static final List<Account> ACCOUNTS = List.of(
            new Account(FundService.FUND_LIABILITY_ACCOUNT, "Committed partner funds", AccountType.LIABILITY));

    @Override
    public List<Account> accounts() {
        return ACCOUNTS;
    }
}
