package org.partnerfinance.claimtype.expense.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountContribution;
import org.partnerfinance.ledger.api.AccountType;
import org.partnerfinance.ledger.api.Accounts;

/**
 * The accounts expense claims post to ({@link ExpenseRules#accountingRule()}): the ledger opens those missing from the
 * chart and leaves existing ones (databases created when the core's migration still opened them) as they are. The
 * bank account is the ledger's own.
 */
@Component(service = AccountContribution.class)
public class ExpenseAccounts implements AccountContribution {

    static final List<Account> ACCOUNTS = List.of(
            new Account(Accounts.PARTNER_EXPENSES, "Partner expense reimbursements", AccountType.EXPENSE),
            new Account(Accounts.ACCRUED_PARTNER_CLAIMS, "Accrued partner claims", AccountType.LIABILITY));

    @Override
    public List<Account> accounts() {
        return ACCOUNTS;
    }
}
