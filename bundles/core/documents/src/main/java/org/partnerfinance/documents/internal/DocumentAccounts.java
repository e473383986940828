package org.partnerfinance.documents.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountContribution;
import org.partnerfinance.ledger.api.AccountType;

/**
 * The accounts the documents core posts to beyond the ledger's own (bank 1000, receivables 1200, payables 2100, sales
 * 4000): input and output VAT and purchases from partners. A component of its own, without references, so that the
 * ledger can read it while the documents services still wait for the ledger.
 */
@Component(service = AccountContribution.class)
public class DocumentAccounts implements AccountContribution {

    static final String INPUT_VAT = "1400";
    static final String OUTPUT_VAT = "2200";
    static final String PURCHASES = "5100";
    static final String TRADE_PAYABLES = "2100";
    static final String SALES = "4000";

    static final List<Account> ACCOUNTS = List.of(
            new Account(INPUT_VAT, "Input VAT", AccountType.ASSET),
            new Account(OUTPUT_VAT, "Output VAT", AccountType.LIABILITY),
            new Account(PURCHASES, "Purchases from partners", AccountType.EXPENSE));

    @Override
    public List<Account> accounts() {
        return ACCOUNTS;
    }
}
