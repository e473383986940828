package org.partnerfinance.claims.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.partnerfinance.claims.api.AttachmentPolicy;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Choice;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.FieldKind;
import org.partnerfinance.claims.api.LineItem;
import org.partnerfinance.claims.api.Problem;

/**
 * The checks the claims core makes on every draft before the claim type's own validation: amount, date,
 * description, the type's declared fields and the attachments against the type's policy. All problems are collected;
 * the result also carries what would be stored (trimmed values, cleaned file names, sniffed content types).
 */
final class ClaimValidator {

    static final int MAX_DECIMAL_INTEGER_DIGITS = 15;
    static final int MAX_DECIMAL_FRACTION_DIGITS = 6;

    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_TEXT = 200;
    static final int MAX_LONG_TEXT = 4000;
    static final int MAX_ATTACHMENTS = 10;
    /** Rows of one line-items field. */
    static final int MAX_LINES = 100;
    /** Length of a stored label (the claim_field.label column). */
    static final int MAX_LABEL = 200;
    /** Upper bound for any file, whatever a claim type's policy says. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    /** A file as it will be stored. */
    record PreparedAttachment(String filename, String contentType, byte[] content, String sha256) {
    }

    /** Problems found, and the values to store when there are none. */
    record Result(List<Problem> problems, String description, List<ClaimField> fields,
            List<PreparedAttachment> attachments) {
    }

    private ClaimValidator() {
    }

    static Result check(ClaimDraft draft, List<FieldDef> fieldDefs, AttachmentPolicy policy) {
        List<Problem> problems = new ArrayList<>();
        if (draft.amount() == null) {
            problems.add(new Problem("amount", "Enter the amount and its currency."));
        } else if (draft.amount().signum() <= 0) {
            problems.add(new Problem("amount", "The amount must be greater than zero."));
        }
        if (draft.date() == null) {
            problems.add(new Problem("date", "Enter the date."));
        }
        String description = draft.description() == null ? "" : draft.description().strip();
        if (description.isEmpty()) {
            problems.add(new Problem("description", "Enter a description."));
        } else if (description.length() > MAX_DESCRIPTION) {
            problems.add(new Problem("description",
                    "The description has " + description.length() + " characters; at most " + MAX_DESCRIPTION
                            + " are allowed."));
        }
        List<ClaimField> fields = checkFields(draft, fieldDefs, problems);
        List<PreparedAttachment> attachments = checkAttachments(draft.attachments(), policy, problems);
        return new Result(List.copyOf(problems), description, fields, attachments);
    }

    private static List<ClaimField> checkFields(ClaimDraft draft, List<FieldDef> defs, List<Problem> problems) {
        List<ClaimField> fields = new ArrayList<>();
        for (FieldDef def : defs) {
            switch (def.kind()) {
                case ATTACHMENTS -> {
                    // the files are checked against the type's policy with the other attachments
                }
                case LINE_ITEMS -> fields.addAll(checkLines(def, draft.lines(def.name()), problems));
                default -> checkValue(def, def.name(), def.label(), draft.fields().get(def.name()), problems)
                        .ifPresent(fields::add);
            }
        }
        for (LineItem line : draft.lineItems()) {
            boolean declared = defs.stream()
                    .anyMatch(d -> d.kind() == FieldKind.LINE_ITEMS && d.name().equals(line.field()));
            if (!declared) {
                problems.add(new Problem(null, "This type of claim has no lines called \"" + line.field() + "\"."));
                break;
            }
        }
        return fields;
    }

    /** The rows of one line-items field: each value checked like a field and stored as one under its line name. */
    private static List<ClaimField> checkLines(FieldDef def, List<LineItem> lines, List<Problem> problems) {
        List<ClaimField> fields = new ArrayList<>();
        if (lines.isEmpty() && def.required()) {
            problems.add(new Problem(def.name(), "Add at least one line to " + def.label() + "."));
        }
        if (lines.size() > MAX_LINES) {
            problems.add(new Problem(def.name(), def.label() + " has at most " + MAX_LINES + " lines."));
            return fields;
        }
        int row = 0;
        for (LineItem line : lines) {
            row++;
            for (FieldDef item : def.items()) {
                String name = FieldDef.lineFieldName(def.name(), row, item.name());
                String label = def.label() + " " + row + ": " + item.label();
                checkValue(item, name, label, line.value(item.name()), problems).ifPresent(fields::add);
            }
        }
        return fields;
    }

    /** One value checked against its declaration; the field to store when it is filled in and well formed. */
    private static Optional<ClaimField> checkValue(FieldDef def, String name, String label, String raw,
            List<Problem> problems) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            if (def.required()) {
                problems.add(new Problem(name, label + " is required."));
            }
            return Optional.empty();
        }
        Optional<String> problem = switch (def.kind()) {
            case TEXT -> value.length() > MAX_TEXT
                    ? Optional.of(label + " has at most " + MAX_TEXT + " characters.") : Optional.empty();
            case LONG_TEXT -> value.length() > MAX_LONG_TEXT
                    ? Optional.of(label + " has at most " + MAX_LONG_TEXT + " characters.") : Optional.empty();
            case CHOICE -> def.choiceKeys().contains(value) ? Optional.empty()
                    : Optional.of(label + ": choose one of " + def.choices().stream().map(Choice::label)
                            .collect(Collectors.joining(", ")) + ".");
            case DATE -> isDate(value) ? Optional.empty() : Optional.of(label + " must be a date like 2025-01-31.");
            case NUMBER -> isDecimal(value) ? Optional.empty() : Optional.of(notANumber(label));
            case MONEY -> !isDecimal(value) ? Optional.of(notANumber(label))
                    : new BigDecimal(value).signum() < 0 ? Optional.of(label + " cannot be negative.")
                    : Optional.empty();
            case ATTACHMENTS, LINE_ITEMS -> Optional.of(label + " cannot be entered as text.");
        };
        if (problem.isPresent()) {
            problems.add(new Problem(name, problem.get()));
            return Optional.empty();
        }
        return Optional.of(new ClaimField(name, label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL) : label,
                value));
    }

    private static String notANumber(String label) {
        return label + " must be a number like 1234.50, with at most " + MAX_DECIMAL_INTEGER_DIGITS
                + " digits before and " + MAX_DECIMAL_FRACTION_DIGITS + " after the decimal point.";
    }

    private static List<PreparedAttachment> checkAttachments(List<AttachmentUpload> uploads, AttachmentPolicy policy,
            List<Problem> problems) {
        List<PreparedAttachment> prepared = new ArrayList<>();
        if (policy == null || policy.contentTypes().isEmpty()) {
            if (!uploads.isEmpty()) {
                problems.add(new Problem("attachments", "This type of claim takes no attachments."));
            }
            return prepared;
        }
        if (uploads.isEmpty() && policy.required()) {
            problems.add(new Problem("attachments", "Attach at least one file (" + accepted(policy) + ")."));
        }
        int maxFiles = Math.min(policy.maxFiles(), MAX_ATTACHMENTS);
        if (uploads.size() > maxFiles) {
            problems.add(new Problem("attachments", "Attach at most " + maxFiles + (maxFiles == 1 ? " file." : " files.")));
            return prepared;
        }
        long maxBytes = Math.min(policy.maxBytes(), MAX_FILE_BYTES);
        for (AttachmentUpload upload : uploads) {
            String name = Attachments.sanitizeFilename(upload.filename());
            byte[] content = upload.content();
            if (content == null || content.length == 0) {
                problems.add(new Problem("attachments", "The file " + name + " is empty."));
                continue;
            }
            if (content.length > maxBytes) {
                problems.add(new Problem("attachments", "The file " + name + " is larger than "
                        + Attachments.describeSize(maxBytes) + "."));
                continue;
            }
            Optional<String> sniffed = Attachments.sniff(content);
            if (sniffed.isEmpty() || !policy.contentTypes().contains(sniffed.get())) {
                problems.add(new Problem("attachments", "The file " + name
                        + " is not an accepted kind of file (" + accepted(policy) + ")."));
                continue;
            }
            Optional<String> byName = Attachments.typeForFilename(name);
            if (byName.isPresent() && !byName.get().equals(sniffed.get())) {
                problems.add(new Problem("attachments", "The file " + name + " is named like a "
                        + Attachments.label(byName.get()) + " file but contains " + Attachments.label(sniffed.get())
                        + "."));
                continue;
            }
            prepared.add(new PreparedAttachment(name, sniffed.get(), content, Attachments.sha256Hex(content)));
        }
        return prepared;
    }

    private static String accepted(AttachmentPolicy policy) {
        return policy.contentTypes().stream().map(Attachments::label).sorted().collect(Collectors.joining(", "));
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * A number of bounded magnitude and precision: a claim type that computes with the value (e.g. scales it) never
     * meets {@code 1E+1000000000}. Checked on precision and scale only, without arithmetic.
     */
    static boolean isDecimal(String value) {
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            return false;
        }
        if (number.signum() == 0) {
            return true;
        }
        long integerDigits = (long) number.precision() - number.scale();
        return integerDigits <= MAX_DECIMAL_INTEGER_DIGITS
                && number.stripTrailingZeros().scale() <= MAX_DECIMAL_FRACTION_DIGITS;
    }
}
