package org.partnerfinance.claimtype.mdf.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountContribution;
import org.partnerfinance.ledger.api.AccountType;

/**
 * The ledger accounts of market development funds claims. An approved proof-of-performance claim accrues its approved
 * amount: debit 6400 MDF expense, credit 2180 accrued MDF claims; its payment settles 2180 from the bank. The funds
 * core moves the same amount out of the partner's committed funds (2170) at that approval, so the commitment and the
 * accrual never count it twice. A pre-approval request posts nothing.
 */
@Component(service = AccountContribution.class)
public class MdfAccounts implements AccountContribution {

    static final String MDF_EXPENSE = "6400";
    static final String ACCRUED_MDF = "2180";

    @Override
    public List<Account> accounts() {
        return List.of(new Account(MDF_EXPENSE, "Market development funds expense", AccountType.EXPENSE),
                new Account(ACCRUED_MDF, "Accrued MDF claims (approved, not yet paid)", AccountType.LIABILITY));
    }
}
