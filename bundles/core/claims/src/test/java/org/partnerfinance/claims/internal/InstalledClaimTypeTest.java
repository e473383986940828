package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.AttachmentPolicy;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.ledger.api.Money;

public class InstalledClaimTypeTest {

    /** A type that, like one written with {@code @ClaimTypeId}, answers nothing through the old getters. */
    private static final ClaimType TYPED = new ClaimType() {
        @Override
        public List<FieldDef> fields() {
            return TestClaims.EXPENSE_TYPE.fields();
        }

        @Override
        public AttachmentPolicy attachmentPolicy() {
            return TestClaims.EXPENSE_TYPE.attachmentPolicy();
        }

        @Override
        public List<Problem> validate(ClaimDraft draft, java.time.Clock clock) {
            return List.of();
        }

        @Override
        public Money eligibleAmount(ClaimDraft draft) {
            return draft.amount();
        }

        @Override
        public AccountingRule accountingRule() {
            return TestClaims.EXPENSE_TYPE.accountingRule();
        }
    };

    @Test
    public void idAndNameComeFromTheTypedProperties() {
        InstalledClaimType type = InstalledClaimType.of(
                Map.of(InstalledClaimType.ID, "mdf", InstalledClaimType.NAME, " Market development funds "), TYPED);
        assertEquals("mdf", type.id());
        assertEquals("Market development funds", type.name());
        assertSame(TestClaims.EXPENSE_TYPE.fields(), type.fields());
    }

    @Test
    public void theNameFallsBackToTheId() {
        assertEquals("mdf", InstalledClaimType.of(Map.of(InstalledClaimType.ID, new String[] { "mdf" }), TYPED).name());
    }

    @Test
    public void aTypeWithoutPropertiesDescribesItself() {
        InstalledClaimType type = InstalledClaimType.of(Map.of(), TestClaims.EXPENSE_TYPE);
        assertEquals("expense", type.id());
        assertEquals("Expense reimbursement", type.name());
    }

    @Test
    public void aTypeWithoutAnyIdHasNone() {
        assertNull(InstalledClaimType.of(Map.of(), TYPED).id());
    }
}
