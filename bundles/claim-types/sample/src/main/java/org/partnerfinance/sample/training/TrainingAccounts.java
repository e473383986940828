package org.partnerfinance.sample.training;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountContribution;
import org.partnerfinance.ledger.api.AccountType;
import org.partnerfinance.ledger.api.Accounts;

/** The account training claims accrue to, opened by the ledger when the type arrives. */
@Component(service = AccountContribution.class)
public class TrainingAccounts implements AccountContribution {

    static final String TRAINING = "6300";

    @Override
    public List<Account> accounts() {
        return List.of(new Account(TRAINING, "Partner training vouchers", AccountType.EXPENSE),
                new Account(Accounts.ACCRUED_PARTNER_CLAIMS, "Accrued partner claims", AccountType.LIABILITY));
    }
}
