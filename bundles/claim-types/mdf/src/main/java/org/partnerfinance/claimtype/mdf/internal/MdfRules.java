package org.partnerfinance.claimtype.mdf.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.partnerfinance.claims.api.AttachmentPolicy;
import org.partnerfinance.claims.api.Choice;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.funds.api.Reservation;
import org.partnerfinance.funds.api.ReservationStatus;
import org.partnerfinance.ledger.api.Money;

/**
 * The rules of market development funds as pure functions, so they are tested without a portal: the fields of both
 * types, what a pre-approval request must satisfy and what a proof-of-performance claim must satisfy against the
 * request it claims (found and handed in by the claim type).
 *
 * <p>The request's funds are reserved under the request's own claim reference ({@code CLM-000123}); the proof claim
 * names that reference in its field {@link FundService#RESERVATION_FIELD}, so the fund availability rule checks the
 * claim against the reservation instead of asking for the money a second time.
 */
final class MdfRules {

    static final String REQUEST_TYPE = "mdf-request";
    static final String REQUEST_NAME = "MDF pre-approval request";
    static final String CLAIM_TYPE = "mdf";
    static final String CLAIM_NAME = "MDF proof-of-performance claim";
    static final int DEFAULT_GRACE_DAYS = 60;

    static final String ACTIVITY = "activity";
    static final String CAMPAIGN = "campaign";
    static final String START = "start";
    static final String END = "end";
    static final String EXPECTED_RESULTS = "expectedResults";
    static final String PLAN = "plan";

    static final String REQUEST = FundService.RESERVATION_FIELD;
    static final String RESULTS = "results";
    static final String PROOF = "proof";

    private static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    private static final Set<String> DOCUMENTS = Set.of("application/pdf", "image/png", "image/jpeg");
    private static final Pattern REFERENCE = Pattern.compile("CLM-(\\d{1,18})");

    static final List<FieldDef> REQUEST_FIELDS = List.of(
            FieldDef.choice(ACTIVITY, "Activity type", true, List.of(new Choice("events", "Events"),
                    new Choice("digital", "Digital campaign"), new Choice("print", "Print"),
                    new Choice("trade-show", "Trade show"), new Choice("training", "Training"),
                    new Choice("other", "Other"))),
            FieldDef.text(CAMPAIGN, "Campaign name", true),
            FieldDef.date(START, "Planned start", true).withHelp("Not in the past."),
            FieldDef.date(END, "Planned end", true).withHelp("On or after the planned start."),
            FieldDef.longText(EXPECTED_RESULTS, "Expected results", true)
                    .withHelp("Leads, attendees, reach: what the activity should achieve."),
            FieldDef.attachments(PLAN, "Plan (optional)", new AttachmentPolicy(false, MAX_FILE_BYTES, DOCUMENTS, 5)));

    static final List<FieldDef> CLAIM_FIELDS = List.of(
            FieldDef.text(REQUEST, "Approved MDF request", true)
                    .withHelp("The reference of your approved pre-approval request, e.g. CLM-000012."),
            FieldDef.longText(RESULTS, "Results achieved", true),
            FieldDef.attachments(PROOF, "Invoices and proof (photos, screenshots)",
                    new AttachmentPolicy(true, MAX_FILE_BYTES, DOCUMENTS, 10)));

    private MdfRules() {
    }

    /** A request: planned end on or after the start, start not in the past. */
    static List<Problem> validateRequest(ClaimDraft draft, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        LocalDate start = date(draft.fields().get(START));
        LocalDate end = date(draft.fields().get(END));
        if (start != null && start.isBefore(today)) {
            problems.add(new Problem(START, "The planned start cannot be in the past."));
        }
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new Problem(END, "The planned end cannot be before the planned start."));
        }
        return problems;
    }

    /** The id in a claim reference {@code CLM-000123}, or {@code null} when it is not one. */
    static Long claimId(String reference) {
        if (reference == null) {
            return null;
        }
        Matcher m = REFERENCE.matcher(reference.strip());
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }

    /** The request reference a proof claim names, stripped, or {@code null}. */
    static String requestReference(Claim claim) {
        return claim.fields().stream().filter(f -> f.name().equals(REQUEST)).map(ClaimField::value)
                .filter(v -> v != null && !v.isBlank()).map(String::strip).findFirst().orElse(null);
    }

    /** A claim's stored date field, or {@code null}. */
    static LocalDate field(Claim claim, String name) {
        return claim.fields().stream().filter(f -> f.name().equals(name)).map(ClaimField::value)
                .map(MdfRules::date).findFirst().orElse(null);
    }

    /**
     * A proof-of-performance claim against the request it names.
     *
     * @param draft     the claim
     * @param today     today
     * @param graceDays days after the request's planned end in which it can still be claimed
     * @param request   the request the claim names, if it exists and belongs to the claim's partner
     * @param held      the reservation made at the request's approval, if any
     * @param claims    the partner's other claims (to find another proof claim of the same request)
     */
    static List<Problem> validateClaim(ClaimDraft draft, LocalDate today, int graceDays, Optional<Claim> request,
            Optional<Reservation> held, List<Claim> claims) {
        List<Problem> problems = new ArrayList<>();
        String reference = draft.fields().get(REQUEST) == null ? "" : draft.fields().get(REQUEST).strip();
        if (request.isEmpty() || !request.get().typeId().equals(REQUEST_TYPE)
                || !request.get().partnerId().equals(draft.partnerId())
                || !request.get().reference().equals(reference)) {
            problems.add(new Problem(REQUEST, "You have no MDF pre-approval request " + reference
                    + ". Enter its reference as shown in your claims, e.g. CLM-000012."));
            return problems;
        }
        Claim req = request.get();
        if (req.status() != ClaimStatus.APPROVED) {
            problems.add(new Problem(REQUEST, "Request " + reference + " is "
                    + req.status().name().toLowerCase(Locale.ROOT) + ", not approved: only an approved request can "
                    + "be claimed."));
            return problems;
        }
        Optional<Claim> other = claims.stream()
                .filter(c -> c.typeId().equals(CLAIM_TYPE) && reference.equals(requestReference(c)))
                .filter(c -> c.status() == ClaimStatus.SUBMITTED || c.status() == ClaimStatus.APPROVED
                        || c.status() == ClaimStatus.SCHEDULED || c.status() == ClaimStatus.PAID)
                .findFirst();
        if (other.isPresent()) {
            problems.add(new Problem(REQUEST, "Request " + reference + " is already claimed by claim "
                    + other.get().reference() + " (" + other.get().status().name().toLowerCase(Locale.ROOT) + ")."));
            return problems;
        }
        if (held.isEmpty() || held.get().status() != ReservationStatus.RESERVED) {
            problems.add(new Problem(REQUEST, "No funds are reserved for request " + reference
                    + (held.isEmpty() ? "." : " any more (" + held.get().status().name().toLowerCase(Locale.ROOT)
                            + ").")));
            return problems;
        }
        LocalDate start = field(req, START);
        LocalDate end = field(req, END);
        if (start != null && end != null) {
            LocalDate last = end.plusDays(graceDays);
            if (today.isAfter(last)) {
                problems.add(new Problem(REQUEST, "The activity of request " + reference + " ended on " + end
                        + "; its costs could be claimed until " + last + "."));
            }
            if (draft.date() != null && (draft.date().isBefore(start) || draft.date().isAfter(last))) {
                problems.add(new Problem("date", "The date must lie within the activity of request " + reference
                        + ": from " + start + " to " + last + " (" + graceDays + " days after its planned end)."));
            }
        }
        if (draft.date() != null && draft.date().isAfter(today)) {
            problems.add(new Problem("date", "Claim the activity once it has taken place: the date cannot be in "
                    + "the future."));
        }
        Money reserved = held.get().reserved();
        Money asked = draft.amount();
        if (asked != null && !asked.currency().equals(reserved.currency())) {
            problems.add(new Problem("amount", "Request " + reference + " was approved in "
                    + reserved.currency().getCurrencyCode() + ": claim the costs in that currency."));
        } else if (asked != null && asked.compareTo(reserved) > 0) {
            problems.add(new Problem("amount", "At most " + reserved.format() + " was approved for request "
                    + reference + "; the claim asks " + asked.format() + "."));
        }
        return problems;
    }

    /** Proof claims under review: their approval needs the request's funds still reserved. */
    private static final Set<ClaimStatus> UNDER_REVIEW = Set.of(ClaimStatus.SUBMITTED, ClaimStatus.RETURNED);

    /** Proof claims whose approval turned the reservation into approved funds. */
    private static final Set<ClaimStatus> APPROVED_PROOF = Set.of(ClaimStatus.APPROVED, ClaimStatus.SCHEDULED,
            ClaimStatus.PAID);

    /** The partner's proof claims that name {@code request}, in the order given. */
    static List<Claim> proofClaimsOf(Claim request, List<Claim> claims) {
        return claims.stream().filter(c -> c.typeId().equals(CLAIM_TYPE)
                && request.reference().equals(requestReference(c))).toList();
    }

    /**
     * Why a request cannot be closed now, or empty: while its funds are still reserved and a proof claim of it is under
     * review, closing would release the funds that claim's approval turns into approved funds. Once a proof claim is
     * approved the reservation is approved funds and closing gives nothing back, so it is no obstacle.
     *
     * @param held   the request's reservation, if any
     * @param claims the partner's claims
     */
    static Optional<String> closeRefusal(Claim request, Optional<Reservation> held, List<Claim> claims) {
        if (held.isEmpty() || held.get().status() != ReservationStatus.RESERVED) {
            return Optional.empty();
        }
        return proofClaimsOf(request, claims).stream().filter(c -> UNDER_REVIEW.contains(c.status())).findFirst()
                .map(c -> "Request " + request.reference() + " cannot be closed while proof-of-performance claim "
                        + c.reference() + " is " + c.status().name().toLowerCase(Locale.ROOT) + ": its approval "
                        + "needs the funds reserved for the request. Wait for its decision or withdraw it first.");
    }

    /**
     * Why the platform closes an approved request on {@code today}, or empty to leave it: its proof claim was approved
     * (the request is used up), or its window - planned end plus {@code graceDays} - has passed and no proof claim
     * under review keeps its funds reserved.
     *
     * @param held   the request's reservation, if any
     * @param claims the partner's claims
     */
    static Optional<String> sweepReason(Claim request, Optional<Reservation> held, List<Claim> claims,
            LocalDate today, int graceDays) {
        if (!request.typeId().equals(REQUEST_TYPE) || request.status() != ClaimStatus.APPROVED) {
            return Optional.empty();
        }
        List<Claim> proofs = proofClaimsOf(request, claims);
        Optional<Claim> approved = proofs.stream().filter(c -> APPROVED_PROOF.contains(c.status())).findFirst();
        if (approved.isPresent()) {
            return Optional.of(approvedProofReason(approved.get()));
        }
        LocalDate end = field(request, END);
        if (end == null || !today.isAfter(end.plusDays(graceDays))
                || proofs.stream().anyMatch(c -> UNDER_REVIEW.contains(c.status()))) {
            return Optional.empty();
        }
        return Optional.of("Closed by the platform: no proof-of-performance claim was made by "
                + end.plusDays(graceDays) + " (planned end " + end + " plus " + graceDays
                + " days of grace); the reserved funds are released.");
    }

    /** The reason a request is closed once its proof claim is approved. */
    static String approvedProofReason(Claim proof) {
        return "proof of performance claim " + proof.reference() + " approved";
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            // the claims core reports a malformed date of a declared DATE field itself
            return null;
        }
    }
}
