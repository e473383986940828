package org.partnerfinance.connectors.api;

import java.time.Instant;
import java.util.List;

/**
 * One run of an import connector, as recorded by the core.
 *
 * @param id         the run's id
 * @param connector  the connector's id
 * @param status     running, completed or failed
 * @param fileName   the file's name as given
 * @param sha256     the file's SHA-256 (hex) once read to its end, else {@code null}
 * @param bytes      bytes read
 * @param startedBy  who started it (a user, or {@code shell:<name>} from the console)
 * @param startedAt  when it started
 * @param finishedAt when it ended; {@code null} while running
 * @param documents  documents found in the file (created + duplicates + rejected)
 * @param created    documents created
 * @param duplicates documents that were there already (nothing changed)
 * @param rejected   documents refused, with the reason
 * @param failure    why the file could not be read to its end; {@code null} unless failed
 */
public record ImportRun(long id, String connector, RunStatus status, String fileName, String sha256, long bytes,
        String startedBy, Instant startedAt, Instant finishedAt, long documents, long created, long duplicates,
        List<Rejection> rejected, String failure) {

    public ImportRun {
        rejected = List.copyOf(rejected);
    }

    /** A document of the file that was refused. */
    public record Rejection(String document, String reason) {
    }
}
