package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.claims.api.AttachmentPolicy;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.LineItem;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.ledger.api.Money;

public class ClaimValidatorTest {

    private static ClaimValidator.Result check(ClaimDraft draft) {
        return ClaimValidator.check(draft, TestClaims.FIELDS, TestClaims.RECEIPT_REQUIRED);
    }

    private static ClaimDraft withFields(Map<String, String> fields) {
        ClaimDraft d = TestClaims.validDraft();
        return new ClaimDraft(d.typeId(), d.partnerId(), d.date(), d.description(), d.amount(), fields, d.attachments());
    }

    private static ClaimDraft withFiles(AttachmentUpload... files) {
        ClaimDraft d = TestClaims.validDraft();
        return new ClaimDraft(d.typeId(), d.partnerId(), d.date(), d.description(), d.amount(), d.fields(),
                Arrays.asList(files));
    }

    /** Asserts exactly one problem, on that field, whose message contains the text. */
    private static void assertOneProblem(ClaimValidator.Result result, String field, String text) {
        assertEquals(result.problems().toString(), 1, result.problems().size());
        Problem p = result.problems().get(0);
        assertEquals(field, p.field());
        assertTrue(p.message(), p.message().contains(text));
    }

    @Test
    public void validDraftHasNoProblemsAndIsPreparedForStorage() {
        ClaimDraft d = TestClaims.validDraft();
        ClaimDraft draft = new ClaimDraft(d.typeId(), d.partnerId(), d.date(), "  Taxi to the partner summit \n",
                d.amount(), Map.of("category", " travel ", "note", "Airport", "unknown", "ignored"),
                List.of(new AttachmentUpload("C:\\Users\\me\\receipt.pdf", TestClaims.PDF)));
        ClaimValidator.Result result = check(draft);

        assertEquals(List.of(), result.problems());
        assertEquals("Taxi to the partner summit", result.description());
        assertEquals(List.of(new ClaimField("category", "Category", "travel"), new ClaimField("note", "Note", "Airport")),
                result.fields());
        assertEquals(1, result.attachments().size());
        ClaimValidator.PreparedAttachment file = result.attachments().get(0);
        assertEquals("receipt.pdf", file.filename());
        assertEquals(Attachments.PDF, file.contentType());
        assertEquals(Attachments.sha256Hex(TestClaims.PDF), file.sha256());
    }

    @Test
    public void missingAmountIsAProblem() {
        ClaimDraft d = TestClaims.validDraft();
        assertOneProblem(check(new ClaimDraft(d.typeId(), d.partnerId(), d.date(), d.description(), null, d.fields(),
                d.attachments())), "amount", "Enter the amount");
    }

    @Test
    public void zeroAndNegativeAmountsAreProblems() {
        ClaimDraft d = TestClaims.validDraft();
        for (String amount : new String[] {"0", "-0.01", "-100"}) {
            assertOneProblem(check(new ClaimDraft(d.typeId(), d.partnerId(), d.date(), d.description(),
                    Money.of(amount, "EUR"), d.fields(), d.attachments())), "amount", "greater than zero");
        }
    }

    @Test
    public void missingDateIsAProblem() {
        ClaimDraft d = TestClaims.validDraft();
        assertOneProblem(check(new ClaimDraft(d.typeId(), d.partnerId(), null, d.description(), d.amount(),
                d.fields(), d.attachments())), "date", "Enter the date");
    }

    @Test
    public void blankAndOverlongDescriptionsAreProblems() {
        ClaimDraft d = TestClaims.validDraft();
        for (String description : new String[] {null, "", "  \n "}) {
            assertOneProblem(check(new ClaimDraft(d.typeId(), d.partnerId(), d.date(), description, d.amount(),
                    d.fields(), d.attachments())), "description", "Enter a description");
        }
        assertEquals(List.of(), check(new ClaimDraft(d.typeId(), d.partnerId(), d.date(), "x".repeat(1000),
                d.amount(), d.fields(), d.attachments())).problems());
        assertOneProblem(check(new ClaimDraft(d.typeId(), d.partnerId(), d.date(), "x".repeat(1001), d.amount(),
                d.fields(), d.attachments())), "description", "at most 1000");
    }

    @Test
    public void requiredFieldMustBePresent() {
        assertOneProblem(check(withFields(Map.of())), "category", "Category is required");
        assertOneProblem(check(withFields(Map.of("category", "   "))), "category", "Category is required");
    }

    @Test
    public void dateFieldMustBeAnIsoDate() {
        Map<String, String> fields = new HashMap<>(Map.of("category", "travel"));
        fields.put("eventDate", "14.03.2025");
        assertOneProblem(check(withFields(fields)), "eventDate", "must be a date");
        fields.put("eventDate", "2025-02-30");
        assertOneProblem(check(withFields(fields)), "eventDate", "must be a date");
        fields.put("eventDate", "2025-02-28");
        assertEquals(List.of(), check(withFields(fields)).problems());
    }

    @Test
    public void decimalFieldMustParse() {
        Map<String, String> fields = new HashMap<>(Map.of("category", "travel"));
        fields.put("attendees", "twelve");
        assertOneProblem(check(withFields(fields)), "attendees", "must be a number");
        fields.put("attendees", "12.5");
        assertEquals(List.of(), check(withFields(fields)).problems());
    }

    @Test
    public void overlongTextFieldIsAProblem() {
        assertOneProblem(check(withFields(Map.of("category", "travel", "note", "n".repeat(201)))), "note",
                "at most 200");
    }

    @Test
    public void requiredAttachmentMustBePresent() {
        assertOneProblem(check(withFiles()), "attachments", "Attach at least one file");
    }

    @Test
    public void optionalAttachmentsMayBeLeftOut() {
        AttachmentPolicy optional = new AttachmentPolicy(false, 1024, Set.of(Attachments.PDF));
        assertEquals(List.of(), ClaimValidator.check(withFiles(), TestClaims.FIELDS, optional).problems());
    }

    @Test
    public void emptyFileIsAProblem() {
        assertOneProblem(check(withFiles(new AttachmentUpload("receipt.pdf", new byte[0]))), "attachments", "empty");
    }

    @Test
    public void fileAboveThePolicyLimitIsAProblem() {
        byte[] big = Arrays.copyOf(TestClaims.PDF, 1025);
        assertOneProblem(check(withFiles(new AttachmentUpload("receipt.pdf", big))), "attachments",
                "larger than 1 KB");
        byte[] fits = Arrays.copyOf(TestClaims.PDF, 1024);
        assertEquals(List.of(), check(withFiles(new AttachmentUpload("receipt.pdf", fits))).problems());
    }

    @Test
    public void contentOfAnUnacceptedTypeIsAProblemWhateverItsName() {
        assertOneProblem(check(withFiles(new AttachmentUpload("receipt.pdf", TestClaims.bytes("<html>hi</html>")))),
                "attachments", "not an accepted kind of file (JPEG, PDF, PNG)");
        AttachmentPolicy pdfOnly = new AttachmentPolicy(true, 1024, Set.of(Attachments.PDF));
        ClaimValidator.Result result = ClaimValidator.check(withFiles(new AttachmentUpload("photo.png", TestClaims.PNG)),
                TestClaims.FIELDS, pdfOnly);
        assertOneProblem(result, "attachments", "not an accepted kind of file (PDF)");
    }

    @Test
    public void nameThatContradictsTheContentIsAProblem() {
        assertOneProblem(check(withFiles(new AttachmentUpload("receipt.pdf", TestClaims.PNG))), "attachments",
                "named like a PDF file but contains PNG");
        // names without a known extension are fine: the content decides
        assertEquals(List.of(), check(withFiles(new AttachmentUpload("scan", TestClaims.JPEG))).problems());
        assertEquals(List.of(), check(withFiles(new AttachmentUpload("scan.JPG", TestClaims.JPEG))).problems());
    }

    @Test
    public void tooManyFilesIsAProblem() {
        AttachmentUpload[] files = new AttachmentUpload[11];
        Arrays.fill(files, new AttachmentUpload("receipt.pdf", TestClaims.PDF));
        assertOneProblem(check(withFiles(files)), "attachments", "at most 10 files");
    }

    @Test
    public void typeWithoutAttachmentsRejectsFiles() {
        AttachmentPolicy none = new AttachmentPolicy(false, 0, Set.of());
        assertEquals("attachments", ClaimValidator.check(TestClaims.validDraft(), TestClaims.FIELDS, none)
                .problems().get(0).field());
    }

    @Test
    public void allProblemsAreCollected() {
        ClaimDraft draft = new ClaimDraft("expense", "P-1001", null, " ", Money.of("-1", "EUR"),
                Map.of("category", "champagne"), List.of(new AttachmentUpload("x.exe", TestClaims.bytes("MZ..."))));
        List<Problem> problems = check(draft).problems();
        assertEquals(problems.toString(), List.of("amount", "date", "description", "category", "attachments"),
                problems.stream().map(Problem::field).toList());
    }

    @Test
    public void decimalFieldsHaveABoundedMagnitudeAndPrecision() {
        assertTrue(ClaimValidator.isDecimal("1234.50"));
        assertTrue(ClaimValidator.isDecimal("-999999999999999.123456"));
        assertTrue(ClaimValidator.isDecimal("0E+1000000000"));
        assertFalse(ClaimValidator.isDecimal("1E+1000000000"));
        assertFalse(ClaimValidator.isDecimal("1E-1000000000"));
        assertFalse(ClaimValidator.isDecimal("1000000000000000"));
        assertFalse(ClaimValidator.isDecimal("0.1234567"));
        assertFalse(ClaimValidator.isDecimal("twelve"));
    }

    private static ClaimDraft withLines(LineItem... lines) {
        ClaimDraft d = TestClaims.validDraft();
        return new ClaimDraft(d.typeId(), d.partnerId(), d.date(), d.description(), d.amount(), d.fields(),
                d.attachments(), Arrays.asList(lines));
    }

    @Test
    public void lineItemsAreCheckedPerValueAndStoredUnderTheirLineNames() {
        ClaimValidator.Result result = check(withLines(
                new LineItem("trips", Map.of("date", "2025-03-01", "km", "42.5")),
                new LineItem("trips", Map.of("date", "2025-03-02", "km", "10", "toll", "3.20"))));

        assertEquals(List.of(), result.problems());
        assertEquals(List.of(new ClaimField("trips.1.date", "Trips 1: Date", "2025-03-01"),
                new ClaimField("trips.1.km", "Trips 1: Km", "42.5"),
                new ClaimField("trips.2.date", "Trips 2: Date", "2025-03-02"),
                new ClaimField("trips.2.km", "Trips 2: Km", "10"),
                new ClaimField("trips.2.toll", "Trips 2: Toll", "3.20")),
                result.fields().stream().filter(f -> f.name().startsWith("trips.")).toList());
    }

    @Test
    public void problemsOfALineNameTheRowAndTheValue() {
        List<Problem> problems = check(withLines(
                new LineItem("trips", Map.of("date", "2025-03-01", "km", "42")),
                new LineItem("trips", Map.of("km", "far", "toll", "-1")))).problems();

        assertEquals(problems.toString(), List.of("trips.2.date", "trips.2.km", "trips.2.toll"),
                problems.stream().map(Problem::field).toList());
        assertTrue(problems.get(0).message(), problems.get(0).message().contains("Trips 2: Date is required"));
        assertTrue(problems.get(2).message(), problems.get(2).message().contains("cannot be negative"));
    }

    @Test
    public void linesOfAnUndeclaredFieldAndRequiredLinesAreReported() {
        assertOneProblem(check(withLines(new LineItem("parties", Map.of("x", "1")))), null, "parties");
        List<FieldDef> required = List.of(FieldDef.lineItems("trips", "Trips", true,
                List.of(FieldDef.number("km", "Km", true))));
        assertOneProblem(ClaimValidator.check(TestClaims.validDraft(), required, TestClaims.RECEIPT_REQUIRED),
                "trips", "Add at least one line to Trips");
    }

    @Test
    public void choicesAreNamedByTheirLabels() {
        assertOneProblem(check(withFields(Map.of("category", "champagne"))), "category",
                "choose one of Travel, Hotel, Meals");
    }

    @Test
    public void thePolicyLimitsHowManyFiles() {
        AttachmentPolicy two = new AttachmentPolicy(true, 1024, Set.of(Attachments.PDF), 2);
        ClaimDraft d = TestClaims.validDraft();
        AttachmentUpload pdf = new AttachmentUpload("a.pdf", TestClaims.PDF);
        ClaimDraft three = new ClaimDraft(d.typeId(), d.partnerId(), d.date(), d.description(), d.amount(), d.fields(),
                List.of(pdf, pdf, pdf));
        assertOneProblem(ClaimValidator.check(three, TestClaims.FIELDS, two), "attachments", "at most 2 files");
    }

    @Test
    public void storedLineFieldsBecomeRowsAgain() {
        LineFields split = LineFields.split(Map.of("category", "travel", "trips.2.km", "10", "trips.1.km", "42",
                "trips.1.date", "2025-03-01", "trips.10.km", "7"));
        assertEquals(Map.of("category", "travel"), split.fields());
        assertEquals(List.of(new LineItem("trips", Map.of("km", "42", "date", "2025-03-01")),
                new LineItem("trips", Map.of("km", "10")), new LineItem("trips", Map.of("km", "7"))),
                split.lineItems());
    }
}
