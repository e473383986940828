package org.partnerfinance.connectors.internal.rest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.partnerfinance.connectors.api.ImportRun;

/**
 * A run as the REST API shows it: {@code {"id","connector","status","documents","created","duplicates","rejected":
 * [{"document","reason"}]}} plus the file's name, hash and size, who ran it, when, and why it failed.
 */
public record RunJson(long id, String connector, String status, long documents, long created, long duplicates,
        List<Rejected> rejected, String fileName, String sha256, long bytes, String startedBy, String startedAt,
        String finishedAt, String failure) {

    /** A refused document with the reason. */
    public record Rejected(String document, String reason) {
    }

    static RunJson of(ImportRun run) {
        return new RunJson(run.id(), run.connector(), run.status().name().toLowerCase(Locale.ROOT), run.documents(),
                run.created(), run.duplicates(),
                run.rejected().stream().map(r -> new Rejected(r.document(), r.reason())).toList(), run.fileName(),
                run.sha256(), run.bytes(), run.startedBy(), run.startedAt().toString(),
                run.finishedAt() == null ? null : run.finishedAt().toString(), run.failure());
    }

    /** The same fields as a map, to travel as the details of an error answer. */
    Map<String, Object> asMap() {
        java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("id", id);
        map.put("connector", connector);
        map.put("status", status);
        map.put("documents", documents);
        map.put("created", created);
        map.put("duplicates", duplicates);
        map.put("rejected", rejected);
        map.put("fileName", fileName);
        map.put("sha256", sha256);
        map.put("bytes", bytes);
        map.put("startedBy", startedBy);
        map.put("startedAt", startedAt);
        map.put("finishedAt", finishedAt);
        map.put("failure", failure);
        return map;
    }
}
