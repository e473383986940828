package org.partnerfinance.connectors.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of import runs, kept so that a run can be retried (after its connector was fixed or reconfigured, or the
 * partners it rejected were created) and its file downloaded: one file per run, named by the run id, written while
 * the run reads it ({@code <id>.part}) and kept once the whole file has passed ({@code <id>}). They live on the
 * portal's disk, not in the database: a bank or ERP file may be hundreds of megabytes. Files older than the
 * configured number of days are removed.
 */
final class RunFiles {

    private static final Logger LOG = LoggerFactory.getLogger(RunFiles.class);
    private static final String PART = ".part";

    private final Path folder;
    private final int keepDays;

    /**
     * @param keepDays how long files are kept; 0 keeps none (runs cannot be retried then)
     */
    RunFiles(Path folder, int keepDays) {
        if (keepDays < 0) {
            throw new IllegalArgumentException("keep.originals.days must be 0 or more, not " + keepDays);
        }
        this.folder = folder;
        this.keepDays = keepDays;
    }

    boolean enabled() {
        return keepDays > 0;
    }

    int keepDays() {
        return keepDays;
    }

    /** Where the file of a run is written while the run reads it. */
    OutputStream create(long runId) throws IOException {
        Files.createDirectories(folder);
        return Files.newOutputStream(folder.resolve(runId + PART));
    }

    /** The whole file has passed: it is the run's original from now on. */
    void keep(long runId) throws IOException {
        Files.move(folder.resolve(runId + PART), folder.resolve(Long.toString(runId)),
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The file did not pass whole (over the size limit, or reading it failed): nothing is kept. */
    void discard(long runId) {
        try {
            Files.deleteIfExists(folder.resolve(runId + PART));
        } catch (IOException e) {
            LOG.warn("Could not delete the partial copy of run {}'s file in {}", runId, folder, e);
        }
    }

    /** The kept file of a run, if there is one. */
    Optional<Path> find(long runId) {
        Path file = folder.resolve(Long.toString(runId));
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Removes the files last written before {@code now} minus the days to keep (and partial copies of runs that
     * never finished).
     *
     * @return how many files were removed
     */
    int purge(Instant now) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        Instant before = now.minus(Duration.ofDays(keepDays));
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                        Files.delete(file);
                        removed++;
                    }
                } catch (NoSuchFileException e) {
                    // removed meanwhile (a run's .part renamed or deleted): nothing to do
                }
            }
        }
        return removed;
    }
}
