package org.partnerfinance.sample.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.AttachmentPolicy;
import org.partnerfinance.claims.api.Choice;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Money;

/**
 * Training vouchers: a partner claims back what training its staff attended, up to a fixed amount per attendee. All
 * the type says is its fields and what is special to it; the claims core checks the fields, the claims UI renders the
 * form at {@code claims/new/training}.
 */
@Component(service = ClaimType.class, property = { "pf.extension.id=" + TrainingClaimType.ID,
        "pf.extension.kind=claim-type", "pf.extension.name=Training voucher",
        "pf.extension.detail=Sample third-party claim type (training)" })
public class TrainingClaimType implements ClaimType {

    static final String ID = "training";
    /** Most that is reimbursed per attendee, in any currency. */
    static final BigDecimal PER_ATTENDEE = new BigDecimal("500");

    private static final List<FieldDef> FIELDS = List.of(
            FieldDef.text("course", "Course", true),
            FieldDef.choice("format", "Format", true, List.of(new Choice("classroom", "Classroom"),
                    new Choice("online", "Online"), new Choice("certification", "Certification exam"))),
            FieldDef.number("attendees", "Attendees", true).withHelp("Up to 500 per attendee is reimbursed."),
            FieldDef.date("completed", "Completed on", false),
            FieldDef.attachments("certificates", "Certificates",
                    new AttachmentPolicy(false, 2L * 1024 * 1024, Set.of("application/pdf"), 3)));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Training voucher";
    }

    @Override
    public String formTitle() {
        return "New training claim";
    }

    @Override
    public List<FieldDef> fields() {
        return FIELDS;
    }

    @Override
    public List<Problem> validate(ClaimDraft draft, Clock clock) {
        List<Problem> problems = new ArrayList<>();
        BigDecimal attendees = new BigDecimal(draft.fields().get("attendees"));
        if (attendees.signum() <= 0 || attendees.stripTrailingZeros().scale() > 0) {
            problems.add(new Problem("attendees", "Enter the number of attendees as a whole number."));
        }
        String completed = draft.fields().get("completed");
        if (completed != null && LocalDate.parse(completed).isAfter(LocalDate.now(clock))) {
            problems.add(new Problem("completed", "Claim the training once it is completed."));
        }
        return problems;
    }

    @Override
    public Money eligibleAmount(ClaimDraft draft) {
        Money cap = Money.of(PER_ATTENDEE.multiply(new BigDecimal(draft.fields().get("attendees"))),
                draft.amount().currency().getCurrencyCode());
        return cap.compareTo(draft.amount()) < 0 ? cap : draft.amount();
    }

    @Override
    public AccountingRule accountingRule() {
        return new AccountingRule(TrainingAccounts.TRAINING, Accounts.ACCRUED_PARTNER_CLAIMS, Accounts.BANK);
    }
}
