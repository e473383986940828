package org.partnerfinance.rest.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.Caller;

/** An authenticated API request as a resource sees it. */
@ProviderType
public interface RestRequest {

    /** The user the bearer token acts for. */
    Caller caller();

    /** The HTTP method in upper case, e.g. {@code GET}. */
    String method();

    /**
     * The decoded path segments after the resource's own, e.g. {@code ["P-1001"]} for {@code /partners/P-1001} and
     * {@code []} for {@code /partners}.
     */
    List<String> segments();

    /** A query parameter; empty when absent or blank. */
    Optional<String> parameter(String name);

    /** A request header, e.g. {@code Accept}; empty when absent. */
    Optional<String> header(String name);

    /** Whether the client accepts the media type (by its {@code Accept} header), e.g. {@code text/csv}. */
    boolean accepts(String mediaType);

    /**
     * The request body as a JSON object.
     *
     * @throws RestException 400 when there is no body, it is not JSON or not an object
     */
    RestBody body();

    /**
     * The request body as it arrives, for uploads (e.g. a file to import): not held in memory and not subject to the
     * JSON request size limit, so the resource must limit what it reads. Read either this or {@link #body()}, once.
     */
    java.io.InputStream stream();

    /**
     * The paging of a list request from {@code page} (1 = first, default) and {@code size} (default 50, at most
     * {@link Paging#MAX_SIZE}).
     *
     * @throws RestException 400 naming the parameter when it is not a number in range
     */
    Paging paging();
}
