package org.partnerfinance.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.partnerfinance.rest.api.RestResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The aggregated document of this bundle's resources describes every endpoint of the contract and is consistent. */
public class OpenApiTest {

    private static final List<String> CONTRACT = List.of("/me", "/partners", "/partners/{id}", "/invoices",
            "/invoices/{id}", "/invoices/{id}/pdf", "/credit-notes", "/credit-notes/{id}", "/credit-notes/{id}/pdf",
            "/payments", "/payments/{id}", "/payments/{id}/confirm", "/statement", "/aging", "/claims",
            "/claims/{id}", "/disputes");

    private JsonNode document() throws Exception {
        List<RestResource> resources = List.of(new MeResource(), new PartnersResource(null, null),
                new ClaimsResource(null, null), new InvoicesResource(null), new CreditNotesResource(null),
                new PaymentsResource(), new StatementResource(null), new AgingResource(),
                new DisputesResource());
        Json json = new Json();
        Map<String, Object> doc = OpenApi.document(json, resources);
        return new ObjectMapper().readTree(json.write(doc));
    }

    @Test
    public void describesEveryContractEndpoint() throws Exception {
        JsonNode paths = document().get("paths");
        for (String path : CONTRACT) {
            assertTrue("missing " + path, paths.has(path));
        }
        assertTrue(paths.get("/invoices").has("post"));
        assertTrue(paths.get("/payments/{id}/confirm").has("post"));
        assertTrue(paths.get("/disputes").has("post"));
        assertEquals("/api/v1", document().get("servers").get(0).get("url").asText());
    }

    @Test
    public void everyReferenceResolvesAndEveryOperationHasResponses() throws Exception {
        JsonNode doc = document();
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertTrue(refs.size() > 50);
        for (String ref : refs) {
            assertTrue(ref, ref.startsWith("#/"));
            JsonNode target = doc.at(ref.substring(1));
            if (target.isMissingNode()) {
                fail("unresolved " + ref);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            assertTrue(path.getKey(), path.getKey().startsWith("/"));
            assertTrue("no templates left in " + path.getKey(), !path.getKey().contains("{{"));
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                assertTrue(path.getKey() + " " + op.getKey(), List.of("get", "post").contains(op.getKey()));
                assertTrue(path.getKey() + " " + op.getKey(), op.getValue().get("responses").size() > 0);
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    if (!parameter.has("$ref")) {
                        assertTrue(parameter.toString(), parameter.has("name") && parameter.has("in"));
                    }
                }
                if (path.getKey().contains("{id}")) {
                    assertTrue(path.getKey() + " declares its id", op.getValue().get("parameters").toString()
                            .contains("\"in\":\"path\""));
                }
            }
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
