package org.partnerfinance.claims.rules.internal;

import static org.junit.Assert.assertEquals;
import static org.partnerfinance.claims.rules.internal.Fixtures.file;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.ComplianceSubject;
import org.partnerfinance.claims.rules.api.ComplianceCodes;

public class AttachmentRuleTest {

    private static ComplianceFinding check(int min, List<AttachmentUpload> files) {
        RuleSettings settings = Fixtures.settings(0, 0, null, "", "", CapPeriod.QUARTER, min, true, null);
        return new AttachmentRule(settings).check(new ComplianceSubject(
                Fixtures.draft(Fixtures.TODAY, "10.00", "EUR", "x", Map.of(), files), null, List.of()));
    }

    @Test
    public void tooFewFilesFailWithHowManyAreMissing() {
        ComplianceFinding finding = check(2, List.of(file("receipt.pdf", "a")));
        assertEquals(ComplianceOutcome.FAIL, finding.outcome());
        assertEquals(ComplianceCodes.ATTACHMENTS, finding.code());
        assertEquals("Claims of this type need at least 2 files (receipts, invoices or proofs); this one has 1 file. "
                + "Attach 1 more.", finding.message());
    }

    @Test
    public void emptyFilesDoNotCount() {
        assertEquals(ComplianceOutcome.FAIL, check(1, List.of(new AttachmentUpload("empty.pdf", new byte[0])))
                .outcome());
    }

    @Test
    public void enoughFilesPass() {
        assertEquals(ComplianceOutcome.PASS, check(2, List.of(file("a.pdf", "a"), file("b.pdf", "b"))).outcome());
    }
}
