package org.partnerfinance.claimtype.expense.internal;

import java.time.Clock;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.ledger.api.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The expense reimbursement claim type, configured through {@link ExpenseConfiguration} (parsed once, here). Its form
 * is the one the claims UI renders from {@link #fields()} at {@code claims/new/expense}.
 */
@Component(service = ClaimType.class, configurationPid = ExpenseConfiguration.PID, property = {
        ExtensionConstants.EXTENSION_ID + "=" + ExpenseClaimType.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=claim-type",
        ExtensionConstants.EXTENSION_NAME + "=" + ExpenseRules.NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Claim type " + ExpenseRules.NAME + " (expense)" })
@Designate(ocd = ExpenseConfiguration.class)
public class ExpenseClaimType implements ClaimType {

    static final String EXTENSION_ID = "expense";

    private static final Logger LOG = LoggerFactory.getLogger(ExpenseClaimType.class);

    private volatile ExpenseRules rules = ExpenseRules.defaults();

    @Activate
    @Modified
    void configure(ExpenseConfiguration config) {
        try {
            rules = new ExpenseRules(config.max_receipt_bytes(), config.max_receipts(), config.max_age_days(),
                    config.category_caps(), config.mileage_rates(), config.per_diem_rates());
        } catch (IllegalArgumentException e) {
            LOG.error("Invalid expense claim configuration ({}); using the defaults", e.getMessage());
            rules = ExpenseRules.defaults();
        }
    }

    @Override
    public String id() {
        return ExpenseRules.TYPE_ID;
    }

    @Override
    public String name() {
        return ExpenseRules.NAME;
    }

    @Override
    public String formTitle() {
        return "New expense claim";
    }

    @Override
    public List<FieldDef> fields() {
        return rules.fields();
    }

    @Override
    public List<Problem> validate(ClaimDraft draft, Clock clock) {
        return rules.validate(draft, clock);
    }

    @Override
    public Money eligibleAmount(ClaimDraft draft) {
        return rules.eligibleAmount(draft);
    }

    @Override
    public AccountingRule accountingRule() {
        return rules.accountingRule();
    }
}
