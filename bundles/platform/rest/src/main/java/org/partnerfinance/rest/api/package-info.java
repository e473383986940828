/**
 * The REST API's extension point: a bundle publishes a {@link org.partnerfinance.rest.api.RestResource} service and
 * the dispatcher at {@code /api/v1} routes the requests under the resource's path to it, after authenticating the
 * bearer token, and writes its answer as JSON. Resources call the same services as the UI with the request's
 * {@link org.partnerfinance.security.api.Caller}; refusals and invalid input become the API's error answers
 * ({@link org.partnerfinance.rest.api.RestException}).
 *
 * <p>1.1: a resource's path may be a pattern of several segments ({@link RestResource#ANY_SEGMENT}), so that a bundle
 * adds a sub-resource to a path another bundle owns (e.g. {@code invoices/*}{@code /ubl} beside {@code invoices}).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.partnerfinance.rest.api;
