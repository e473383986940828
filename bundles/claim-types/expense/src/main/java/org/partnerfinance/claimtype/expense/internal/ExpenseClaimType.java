package org.partnerfinance.claimtype.expense.internal;

import java.time.Clock;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.AttachmentPolicy;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.ClaimTypeId;
import org.partnerfinance.claims.api.ClaimTypeName;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.ledger.api.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The expense reimbursement claim type, configured through {@link ExpenseConfiguration}. */
@Component(service = ClaimType.class, configurationPid = ExpenseConfiguration.PID, property = {
        ExtensionConstants.EXTENSION_ID + "=" + ExpenseClaimType.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=claim-type",
        ExtensionConstants.EXTENSION_NAME + "=" + ExpenseRules.NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Claim type " + ExpenseRules.NAME + " (expense)" })
@Designate(ocd = ExpenseConfiguration.class)
@ClaimTypeId(ExpenseRules.TYPE_ID)
@ClaimTypeName(ExpenseRules.NAME)
public class ExpenseClaimType implements ClaimType {

    static final String EXTENSION_ID = "expense";

    private static final Logger LOG = LoggerFactory.getLogger(ExpenseClaimType.class);

    private volatile ExpenseRules rules = ExpenseRules.defaults();

    @Activate
    @Modified
    void configure(ExpenseConfiguration config) {
        try {
            rules = new ExpenseRules(config.max_receipt_bytes(), config.max_age_days());
        } catch (IllegalArgumentException e) {
            rules = ExpenseRules.defaults();
            LOG.error("Invalid configuration {}: {}. Using the defaults (max.receipt.bytes={}, max.age.days={}).",
                    ExpenseConfiguration.PID, e.getMessage(), ExpenseRules.DEFAULT_MAX_RECEIPT_BYTES,
                    ExpenseRules.DEFAULT_MAX_AGE_DAYS);
        }
    }

    @Override
    public List<FieldDef> fields() {
        return rules.fields();
    }

    @Override
    public AttachmentPolicy attachmentPolicy() {
        return rules.attachmentPolicy();
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
