package org.partnerfinance.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.rest.api.RestBody;
import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.rest.api.RestResource;
import org.partnerfinance.rest.api.RestResponse;
import org.partnerfinance.security.api.Caller;

/**
 * {@code /api/v1/claims}: a partner's claims (partner users: their own; staff: one partner with {@code partner}, or
 * all they may see), one claim, and submitting a new claim as a partner user (or saving it as a draft).
 */
@Component(service = RestResource.class)
public class ClaimsResource implements RestResource {

    /** A claim as the API shows it. */
    public record ClaimJson(long id, String reference, String partnerId, String type, String typeName,
            String status, LocalDate date, String description, Money amount, Money eligibleAmount,
            Map<String, String> fields, List<AttachmentJson> attachments, List<FindingJson> findings,
            RejectionJson rejection, String decisionComment, String paymentReference, String createdBy,
            Instant createdAt, Instant submittedAt, Instant decidedAt, Instant paidAt, long version,
            Money approvedAmount, String partialReason, String statusNote, List<StepJson> steps, Integer currentStep,
            Instant due) {

        static ClaimJson of(Claim c) {
            Map<String, String> fields = new LinkedHashMap<>();
            c.fields().forEach(f -> fields.put(f.name(), f.value()));
            return new ClaimJson(c.id(), c.reference(), c.partnerId(), c.typeId(), c.typeName(),
                    Params.spell(c.status()), c.date(), c.description(), c.amount(), c.eligibleAmount(), fields,
                    c.attachments().stream().map(a -> new AttachmentJson(a.id(), a.filename(), a.contentType(),
                            a.size(), a.sha256())).toList(),
                    c.findings().stream().map(f -> new FindingJson(f.ruleId(), Params.spell(f.outcome()), f.code(),
                            f.message())).toList(),
                    c.rejection() == null ? null
                            : new RejectionJson(c.rejection().code(), c.rejection().text(), c.rejection().retired()),
                    c.decisionComment(), c.paymentReference(), c.createdBy(), c.createdAt(), c.submittedAt(),
                    c.decidedAt(), c.paidAt(), c.version(), c.approvedAmount(), c.partialReason(), c.statusNote(),
                    c.steps().stream().map(s -> new StepJson(s.number(), s.role(), s.due(), s.approvedBy(),
                            s.approvedAt(), s.comment())).toList(),
                    c.currentStep().map(s -> s.number()).orElse(null), c.due().orElse(null));
        }
    }

    public record AttachmentJson(long id, String filename, String contentType, long size, String sha256) {
    }

    public record FindingJson(String rule, String outcome, String code, String message) {
    }

    /** The rejection code from the administrators' catalogue; {@code retired} when it is no longer offered. */
    public record RejectionJson(String code, String text, boolean retired) {
    }

    /** One step of the claim's approval chain. */
    public record StepJson(int number, String role, Instant due, String approvedBy, Instant approvedAt,
            String comment) {
    }

    private final ClaimService claims;
    private final PartnerService partners;

    @Activate
    public ClaimsResource(@Reference ClaimService claims, @Reference PartnerService partners) {
        this.claims = claims;
        this.partners = partners;
    }

    @Override
    public String path() {
        return "claims";
    }

    @Override
    public RestResponse handle(RestRequest request) {
        List<String> segments = request.segments();
        if (segments.isEmpty()) {
            return switch (request.method()) {
                case "GET" -> list(request);
                case "POST" -> RestResponse.created(ClaimJson.of(create(request)));
                default -> throw RestException.methodNotAllowed(request.method());
            };
        }
        if (segments.size() == 1) {
            if (!request.method().equals("GET")) {
                throw RestException.methodNotAllowed(request.method());
            }
            long id = Params.id(segments.get(0), "claim");
            return RestResponse.ok(claims.find(request.caller(), id).map(ClaimJson::of)
                    .orElseThrow(() -> RestException.notFound("There is no claim " + segments.get(0) + ".")));
        }
        throw RestException.notFound("There is no such endpoint.");
    }

    private RestResponse list(RestRequest request) {
        Caller caller = request.caller();
        Optional<ClaimStatus> status = Params.constant(request, ClaimStatus.class, "status");
        Optional<String> partner = Params.partnerFilter(request, "partner");
        List<Claim> found = new ArrayList<>();
        if (partner.isPresent()) {
            if (!caller.isPartner() && partners.find(caller, partner.get()).isEmpty()) {
                throw RestException.notFound("There is no partner " + partner.get() + ".");
            }
            found.addAll(claims.listForPartner(caller, partner.get()));
        } else {
            for (Partner p : partners.list(caller)) {
                found.addAll(claims.listForPartner(caller, p.id()));
            }
            found.sort(Comparator.comparing(Claim::createdAt, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(Comparator.comparingLong(Claim::id).reversed()));
        }
        List<ClaimJson> items = found.stream().filter(c -> status.isEmpty() || c.status() == status.get())
                .map(ClaimJson::of).toList();
        return RestResponse.page(items, request.paging());
    }

    private Claim create(RestRequest request) {
        Caller caller = request.caller();
        RestBody body = request.body();
        String partner = body.string("partnerId").orElse(caller.partnerId());
        Map<String, String> fields = new LinkedHashMap<>();
        body.object("fields").ifPresent(f -> f.asMap().forEach((name, value) -> {
            if (value != null && !(value instanceof String) && !(value instanceof Number)
                    && !(value instanceof Boolean)) {
                throw RestException.invalid("fields." + name, "fields." + name + " must be a plain value.");
            }
            if (value != null) {
                fields.put(name, value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString());
            }
        }));
        List<AttachmentUpload> attachments = new ArrayList<>();
        for (RestBody a : body.objects("attachments")) {
            String name = a.requiredString("filename");
            String content = a.requiredString("contentBase64");
            try {
                attachments.add(new AttachmentUpload(name, Base64.getMimeDecoder().decode(content)));
            } catch (IllegalArgumentException e) {
                throw RestException.invalid(a.name("contentBase64"), "contentBase64 must be Base64.");
            }
        }
        ClaimDraft draft = new ClaimDraft(body.requiredString("type"), partner,
                body.date("date").orElseThrow(() -> body.missing("date")), body.string("description").orElse(""),
                body.money("amount").orElseThrow(() -> body.missing("amount")), fields, attachments);
        try {
            return body.bool("draft").orElse(false) ? claims.saveDraft(caller, draft)
                    : claims.submitNew(caller, draft);
        } catch (ClaimValidationException e) {
            Problem first = e.problems().isEmpty() ? new Problem(null, e.getMessage()) : e.problems().get(0);
            throw RestException.invalid(first.field(), e.getMessage()).with("problems", e.problems().stream()
                    .map(p -> p.field() == null ? Map.of("message", p.message())
                            : Map.of("field", p.field(), "message", p.message()))
                    .toList());
        }
    }

    @Override
    public String openApi() {
        return Fragments.load("claims");
    }
}
