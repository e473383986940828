package org.partnerfinance.connectors.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.connectors.api.ImportProgress;
import org.partnerfinance.connectors.api.ImportRun;
import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.connectors.api.RunStatus;
import org.partnerfinance.connectors.api.UnknownConnectorException;
import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.rest.api.RestResource;
import org.partnerfinance.rest.api.RestResponse;

/**
 * {@code POST /api/v1/imports/{connector-id}} with the file as the body (streamed, never held whole), optionally
 * {@code ?filename=}; {@code GET /api/v1/imports/{id}}; {@code GET /api/v1/imports?connector=} the latest runs.
 * A completed run answers 201; a run that could not read its file answers 422 {@code import_failed} with the run's
 * fields beside the message. Same roles as the console and the Connectors screen (integrators, finance managers,
 * administrators).
 */
@Component(service = RestResource.class)
public class ImportsResource implements RestResource {

    private final ImportService imports;

    @Activate
    public ImportsResource(@Reference ImportService imports) {
        this.imports = imports;
    }

    @Override
    public String path() {
        return "imports";
    }

    @Override
    public RestResponse handle(RestRequest request) {
        List<String> segments = request.segments();
        String method = request.method();
        if (segments.isEmpty()) {
            if (!method.equals("GET")) {
                throw RestException.methodNotAllowed(method);
            }
            String connector = request.parameter("connector").orElse(null);
            List<RunJson> runs = imports.recent(request.caller(), connector, 500).stream().map(RunJson::of)
                    .toList();
            return RestResponse.page(runs, request.paging());
        }
        if (segments.size() == 2 && segments.get(1).equals("retry")) {
            if (!method.equals("POST")) {
                throw RestException.methodNotAllowed(method);
            }
            return retry(request, runId(segments.get(0)));
        }
        if (segments.size() != 1) {
            throw RestException.notFound("There is no such endpoint.");
        }
        String id = segments.get(0);
        if (method.equals("GET")) {
            long runId = runId(id);
            Optional<ImportRun> run = imports.find(request.caller(), runId);
            return RestResponse.ok(RunJson.of(run.orElseThrow(() -> RestException.notFound("There is no import run "
                    + runId + "."))));
        }
        if (method.equals("POST")) {
            return importFile(request, id);
        }
        throw RestException.methodNotAllowed(method);
    }

    private RestResponse importFile(RestRequest request, String connectorId) {
        String fileName = request.parameter("filename").orElse("upload");
        ImportRun run;
        try (InputStream body = request.stream()) {
            run = imports.run(request.caller(), connectorId, fileName, body, ImportProgress.NONE);
        } catch (UnknownConnectorException e) {
            throw RestException.notFound(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer(run);
    }

    /** {@code POST /imports/{id}/retry}: the run's kept file again, as a new run (answered like an import). */
    private RestResponse retry(RestRequest request, long runId) {
        ImportRun run;
        try {
            run = imports.retry(request.caller(), runId, ImportProgress.NONE);
        } catch (UnknownConnectorException e) {
            throw new RestException(409, "connector_unavailable", e.getMessage(), null);
        } catch (IllegalArgumentException e) {
            if (imports.find(request.caller(), runId).isEmpty()) {
                throw RestException.notFound("There is no import run " + runId + ".");
            }
            throw new RestException(409, "not_retryable", e.getMessage(), null);
        }
        return answer(run);
    }

    private static RestResponse answer(ImportRun run) {
        RunJson json = RunJson.of(run);
        if (run.status() == RunStatus.FAILED) {
            RestException failed = new RestException(422, "import_failed", run.failure(), null);
            for (Map.Entry<String, Object> field : json.asMap().entrySet()) {
                if (field.getValue() != null) {
                    failed = failed.with(field.getKey(), field.getValue());
                }
            }
            throw failed;
        }
        return RestResponse.created(json);
    }

    private static long runId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw RestException.notFound("There is no such import run.");
        }
    }

    @Override
    public String openApi() {
        return Fragments.load("imports");
    }
}
