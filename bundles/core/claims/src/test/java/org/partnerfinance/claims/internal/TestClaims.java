package org.partnerfinance.claims.internal;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.AttachmentPolicy;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.Choice;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Money;

/** Shared test data: an expense-like claim type's fields and policy, sample files, claims with ids. */
final class TestClaims {

    static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    static final Instant NOW = Instant.parse("2025-03-15T09:00:00Z");

    static final byte[] PDF = bytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    static final List<FieldDef> FIELDS = List.of(
            FieldDef.choice("category", "Category", true,
                    List.of(new Choice("travel", "Travel"), new Choice("hotel", "Hotel"), new Choice("meals", "Meals"))),
            FieldDef.date("eventDate", "Event date", false),
            FieldDef.number("attendees", "Attendees", false),
            FieldDef.text("note", "Note", false),
            FieldDef.lineItems("trips", "Trips", false,
                    List.of(FieldDef.date("date", "Date", true), FieldDef.number("km", "Km", true),
                            FieldDef.money("toll", "Toll", false))));

    static final AttachmentPolicy RECEIPT_REQUIRED =
            new AttachmentPolicy(true, 1024, Set.of(Attachments.PDF, Attachments.PNG, Attachments.JPEG));

    private TestClaims() {
    }

    /** A claim type like the expense extension's: a required category, a receipt, no future dates. */
    static final ClaimType EXPENSE_TYPE = new ClaimType() {
        @Override
        public String id() {
            return "expense";
        }

        @Override
        public String name() {
            return "Expense reimbursement";
        }

        @Override
        public List<FieldDef> fields() {
            return FIELDS;
        }

        @Override
        public AttachmentPolicy attachmentPolicy() {
            return RECEIPT_REQUIRED;
        }

        @Override
        public List<Problem> validate(ClaimDraft draft, Clock clock) {
            return draft.date().isAfter(LocalDate.now(clock))
                    ? List.of(new Problem("date", "The date cannot be in the future.")) : List.of();
        }

        @Override
        public Money eligibleAmount(ClaimDraft draft) {
            return draft.amount();
        }

        @Override
        public AccountingRule accountingRule() {
            return new AccountingRule(Accounts.PARTNER_EXPENSES, Accounts.ACCRUED_PARTNER_CLAIMS, Accounts.BANK);
        }
    };

    static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static ClaimDraft draft(String partnerId, String amount, String description, Map<String, String> fields,
            List<AttachmentUpload> files) {
        return new ClaimDraft("expense", partnerId, DAY, description, Money.of(amount, "EUR"), fields, files);
    }

    static ClaimDraft validDraft() {
        return draft("P-1001", "120.50", "Taxi to the partner summit", Map.of("category", "travel"),
                List.of(new AttachmentUpload("receipt.pdf", PDF)));
    }

    /** A claim entity as the database would return it after insert. */
    static ClaimEntity entity(long id, String partnerId, String amount, String eligible) {
        ClaimEntity claim = new ClaimEntity(partnerId, "expense", "Expense reimbursement", DAY, "Taxi",
                Money.of(amount, "EUR"), Money.of(eligible, "EUR"), "partner", NOW);
        try {
            Field idField = ClaimEntity.class.getDeclaredField("id");
            idField.setAccessible(true);
            idField.set(claim, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        claim.assignReference();
        return claim;
    }
}
