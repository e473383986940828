package org.partnerfinance.rest.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.rest.api.RestResource;
import org.partnerfinance.rest.api.RestResponse;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/** {@code GET /api/v1/me}: who the token acts as. */
@Component(service = RestResource.class)
public class MeResource implements RestResource {

    /** The user the token acts for. */
    public record Me(String username, String displayName, List<String> roles, String partnerId) {
    }

    @Override
    public String path() {
        return "me";
    }

    @Override
    public RestResponse handle(RestRequest request) {
        if (!request.segments().isEmpty()) {
            throw RestException.notFound("There is no such endpoint.");
        }
        if (!request.method().equals("GET")) {
            throw RestException.methodNotAllowed(request.method());
        }
        Caller c = request.caller();
        return RestResponse.ok(new Me(c.username(), c.displayName(),
                c.roles().stream().map(Role::id).sorted().toList(), c.partnerId()));
    }

    @Override
    public String openApi() {
        return Fragments.load("me");
    }
}
