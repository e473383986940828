package org.example.portal.connector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.connectors.api.ImportConnector;
import org.partnerfinance.connectors.api.ImportFormatException;
import org.partnerfinance.connectors.api.ImportSink;
import org.partnerfinance.connectors.api.ImportSource;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.LineDraft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An import connector as an integrator writes one, built only against the portal's published API jars: invoices of
 * an ERP that writes one JSON object per line, e.g.
 *
 * <pre>
 * {"partner": "P-1001", "number": "INV-7", "issueDate": "2026-11-02", "dueDate": "2026-12-02", "currency": "EUR",
 *  "lines": [{"description": "Routers", "quantity": "2", "unitPrice": "100.00", "taxRate": "19"}]}
 * </pre>
 *
 * <p>What every connector does, in this order: read the file as a stream, one document at a time; hand each complete
 * document to the sink under an id that identifies it in its source (so that importing it again is a duplicate);
 * refuse a document it cannot make sense of with a reason the integrator can act on ({@link ImportSink#reject}); end
 * the run with an {@link ImportFormatException} when the file itself cannot be read on. The portal does the rest: it
 * records and audits the run, stores each document all-or-nothing with its postings, counts duplicates, offers the
 * console, the screen, REST and watched folders, and switches the connector off and on by its extension id.
 */
@Component(service = ImportConnector.class, configurationPid = JsonLinesConnector.PID, property = {
        "pf.extension.id=" + JsonLinesConnector.ID,
        "pf.extension.kind=connector",
        "pf.extension.name=Example: invoices as JSON lines",
        "pf.extension.detail=Template connector of the integrators' guide (pf:import jsonl <file>)" })
@Designate(ocd = JsonLinesConfiguration.class)
public class JsonLinesConnector implements ImportConnector {

    static final String ID = "jsonl";
    static final String PID = "org.example.portal.connector.jsonl";

    private final ObjectMapper json = new ObjectMapper();
    private volatile JsonLinesConfiguration config;

    @Activate
    public JsonLinesConnector(JsonLinesConfiguration config) {
        this.config = config;
    }

    @Modified
    void modified(JsonLinesConfiguration changed) {
        this.config = changed;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Example: invoices as JSON lines";
    }

    @Override
    public List<String> formats() {
        return List.of("JSON lines (one invoice per line)");
    }

    @Override
    public void read(ImportSource source, ImportSink sink) throws ImportFormatException, IOException {
        JsonLinesConfiguration settings = config;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(source.stream(), StandardCharsets.UTF_8))) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode invoice;
                try {
                    invoice = json.readTree(line);
                } catch (JsonProcessingException e) {
                    // a line that is not JSON at all means the file is not of this format: stop, say where
                    throw new ImportFormatException("Line " + number + " is not JSON: " + e.getOriginalMessage());
                }
                String label = text(invoice, "number").isEmpty() ? "line " + number
                        : text(invoice, "number") + " (line " + number + ")";
                DocumentDraft draft;
                try {
                    draft = draft(invoice, settings);
                } catch (IllegalArgumentException e) {
                    sink.reject(label, e.getMessage());
                    continue;
                }
                // the partner and the invoice number identify an invoice in the ERP across re-imports
                sink.document(draft.partnerId() + "/" + draft.number(), draft, null);
            }
        }
    }

    /** One invoice from its JSON object; a missing or malformed field is refused with its name. */
    static DocumentDraft draft(JsonNode invoice, JsonLinesConfiguration settings) {
        if (!invoice.isObject()) {
            throw new IllegalArgumentException("an invoice is a JSON object");
        }
        List<LineDraft> lines = new ArrayList<>();
        JsonNode given = invoice.path("lines");
        if (!given.isArray() || given.isEmpty()) {
            throw new IllegalArgumentException("lines: at least one line is needed");
        }
        int n = 0;
        for (JsonNode line : given) {
            n++;
            String category = text(line, "taxCategory");
            lines.add(new LineDraft(required(line, "description", "lines[" + n + "]."),
                    decimal(line, "quantity", "lines[" + n + "]."), decimal(line, "unitPrice", "lines[" + n + "]."),
                    category.isEmpty() ? settings.default_tax_category() : category,
                    decimal(line, "taxRate", "lines[" + n + "]."), null));
        }
        return new DocumentDraft(required(invoice, "partner", ""), Direction.RECEIVABLE, DocumentKind.INVOICE,
                required(invoice, "number", ""), date(invoice, "issueDate"), date(invoice, "dueDate"), required(invoice, "currency", ""), lines, null,
                null, settings.source_system(), text(invoice, "reference").isEmpty() ? null
                        : text(invoice, "reference"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText().strip();
    }

    private static String required(JsonNode node, String field, String prefix) {
        String value = text(node, field);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(prefix + field + " is missing");
        }
        return value;
    }

    private static LocalDate date(JsonNode node, String field) {
        String value = required(node, field, "");
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " \"" + value + "\" is not a date (YYYY-MM-DD)");
        }
    }

    private static BigDecimal decimal(JsonNode node, String field, String prefix) {
        String value = required(node, field, prefix);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(prefix + field + " \"" + value + "\" is not a number");
        }
    }
}
