package org.partnerfinance.rest.internal;

import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.DunningContact;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.partner.api.PartnerValidationException;
import org.partnerfinance.partner.api.PostalAddress;
import org.partnerfinance.rest.api.RestBody;
import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.rest.api.RestResource;
import org.partnerfinance.rest.api.RestResponse;
import org.partnerfinance.security.api.PartnerDirectory;

/**
 * {@code /api/v1/partners}: the partners the caller may see, one partner, and creating one with its master data
 * (the partner service decides who may: administrators, finance managers, integrators).
 */
@Component(service = RestResource.class)
public class PartnersResource implements RestResource {

    /** A partner as the API shows it. */
    public record PartnerJson(String id, String name, String kind, boolean active, String defaultCurrency,
            List<String> currencies, String vatId, String peppolId, int paymentTermsDays, PostalAddress address,
            DunningContact dunningContact, long version) {

        static PartnerJson of(Partner p) {
            return new PartnerJson(p.id(), p.name(), Params.spell(p.kind()), p.active(),
                    p.defaultCurrency().getCurrencyCode(),
                    p.allowedCurrencies().stream().map(Currency::getCurrencyCode).sorted().toList(), p.vatId(),
                    p.peppolId(), p.paymentTermsDays(), p.address(), p.dunningContact(), p.version());
        }
    }

    private final PartnerService partners;
    private final PartnerDirectory directory;

    @Activate
    public PartnersResource(@Reference PartnerService partners, @Reference PartnerDirectory directory) {
        this.partners = partners;
        this.directory = directory;
    }

    @Override
    public String path() {
        return "partners";
    }

    @Override
    public RestResponse handle(RestRequest request) {
        List<String> segments = request.segments();
        if (segments.isEmpty()) {
            return switch (request.method()) {
                case "GET" -> RestResponse.page(partners.list(request.caller()).stream().map(PartnerJson::of)
                        .toList(), request.paging());
                case "POST" -> RestResponse.created(PartnerJson.of(create(request)));
                default -> throw RestException.methodNotAllowed(request.method());
            };
        }
        if (segments.size() == 1) {
            if (!request.method().equals("GET")) {
                throw RestException.methodNotAllowed(request.method());
            }
            return RestResponse.ok(partners.find(request.caller(), segments.get(0)).map(PartnerJson::of)
                    .orElseThrow(() -> RestException.notFound("There is no partner " + segments.get(0) + ".")));
        }
        throw RestException.notFound("There is no such endpoint.");
    }

    private Partner create(RestRequest request) {
        RestBody body = request.body();
        String id = body.requiredString("id");
        String name = body.requiredString("name");
        List<String> codes = body.strings("currencies");
        Set<Currency> currencies = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            try {
                currencies.add(Money.currency(codes.get(i)));
            } catch (IllegalArgumentException e) {
                throw RestException.invalid("currencies", e.getMessage());
            }
        }
        Currency defaultCurrency;
        if (body.has("defaultCurrency")) {
            try {
                defaultCurrency = Money.currency(body.requiredString("defaultCurrency"));
            } catch (IllegalArgumentException e) {
                throw RestException.invalid("defaultCurrency", e.getMessage());
            }
        } else if (!currencies.isEmpty()) {
            defaultCurrency = currencies.iterator().next();
        } else {
            throw RestException.invalid("currencies", "Name at least one currency, e.g. [\"EUR\"].");
        }
        PartnerKind kind = body.string("kind").map(k -> Params.constant(PartnerKind.class, k, "kind"))
                .orElse(PartnerKind.DISTRIBUTOR);
        int terms = body.integer("paymentTermsDays").orElse(Partner.DEFAULT_PAYMENT_TERMS_DAYS);
        PostalAddress address = body.object("address").map(a -> new PostalAddress(a.string("street").orElse(""),
                a.string("postalCode").orElse(""), a.string("city").orElse(""), a.string("countryCode").orElse("")))
                .orElse(PostalAddress.EMPTY);
        DunningContact contact = body.object("dunningContact").map(c -> new DunningContact(
                c.string("name").orElse(""), c.string("email").orElse(""), c.string("phone").orElse("")))
                .orElse(DunningContact.NONE);
        PartnerDetails details = new PartnerDetails(name, kind, defaultCurrency, currencies,
                body.string("vatId").orElse(""), body.string("peppolId").orElse(""), address, terms, contact,
                body.bool("active").orElse(true));
        try {
            return partners.create(request.caller(), id, details);
        } catch (PartnerValidationException e) {
            // the service refuses a taken id like a malformed one; the API answers it as the duplicate it is (only
            // after the service has let the caller create partners at all, so nobody probes ids this way)
            if ("id".equals(e.field()) && directory.exists(id)) {
                throw RestException.conflict("duplicate", e.getMessage()).with("existing", Map.of("id", id));
            }
            throw RestException.invalid(e.field(), e.getMessage());
        }
    }

    @Override
    public String openApi() {
        return Fragments.load("partners");
    }
}
