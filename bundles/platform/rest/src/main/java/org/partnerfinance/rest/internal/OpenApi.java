package org.partnerfinance.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.partnerfinance.rest.api.RestResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/openapi.json}: the dispatcher's own part (security scheme, error, money and page schemas) merged
 * with the fragment of every resource. A fragment that is not a JSON object is left out and logged, so one broken
 * extension does not take the description of all others with it.
 */
final class OpenApi {

    static final String VERSION = "3.0.3";
    private static final Logger LOG = LoggerFactory.getLogger(OpenApi.class);

    private OpenApi() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> document(Json json, List<RestResource> resources) {
        Map<String, Object> paths = new TreeMap<>();
        Map<String, Object> schemas = new TreeMap<>(baseSchemas());
        for (RestResource resource : resources) {
            Map<String, Object> fragment;
            try {
                fragment = json.parseObject(resource.openApi());
            } catch (Exception e) {
                LOG.warn("The OpenAPI part of REST resource '{}' is not a JSON object; left out: {}",
                        resource.path(), e.getMessage());
                continue;
            }
            if (fragment.get("paths") instanceof Map<?, ?> p) {
                paths.putAll((Map<String, Object>) p);
            }
            if (fragment.get("components") instanceof Map<?, ?> c && c.get("schemas") instanceof Map<?, ?> s) {
                schemas.putAll((Map<String, Object>) s);
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", VERSION);
        doc.put("info", Map.of("title", "Partner Finance Portal API", "version", "1",
                "description", "Invoices, credit notes, payments, statements, claims and partners. Authenticate "
                        + "with a personal API token: Authorization: Bearer <token> (portal user menu > API tokens, "
                        + "or pf:token-create at the console). Lists take page (from 1) and size and answer "
                        + "{\"items\": [...], \"total\": n}. Amounts are decimal strings."));
        doc.put("servers", List.of(Map.of("url", "/api/v1")));
        doc.put("security", List.of(Map.of("bearer", List.of())));
        doc.put("paths", paths);
        doc.put("components", Map.of(
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
                "schemas", schemas,
                "parameters", Map.of(
                        "page", Map.of("name", "page", "in", "query", "description", "Page number, from 1",
                                "schema", Map.of("type", "integer", "minimum", 1, "default", 1)),
                        "size", Map.of("name", "size", "in", "query", "description", "Items per page",
                                "schema", Map.of("type", "integer", "minimum", 1,
                                        "maximum", org.partnerfinance.rest.api.Paging.MAX_SIZE, "default",
                                        org.partnerfinance.rest.api.Paging.DEFAULT_SIZE))),
                "responses", Map.of(
                        "Error", Map.of("description", "Error",
                                "content", Map.of("application/json",
                                        Map.of("schema", Map.of("$ref", "#/components/schemas/Error")))))));
        return doc;
    }

    private static Map<String, Object> baseSchemas() {
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("Error", Map.of("type", "object", "required", List.of("code", "message"),
                "properties", Map.of(
                        "code", Map.of("type", "string"),
                        "message", Map.of("type", "string"),
                        "field", Map.of("type", "string", "description", "The invalid input field (400, 422)"))));
        schemas.put("Money", Map.of("type", "object", "required", List.of("amount", "currency"),
                "properties", Map.of(
                        "amount", Map.of("type", "string", "example", "123.45",
                                "description", "Decimal string"),
                        "currency", Map.of("type", "string", "example", "EUR",
                                "description", "ISO 4217 code"))));
        schemas.put("Decimal", Map.of("type", "string", "example", "123.45", "description", "Decimal string"));
        return schemas;
    }
}
