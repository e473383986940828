package org.partnerfinance.connectors.internal;

import java.io.PrintStream;

import org.partnerfinance.connectors.api.ImportRun;
import org.partnerfinance.connectors.api.RunStatus;

/**
 * The plain-text summary of a run that {@code pf:import} prints and a watched folder writes beside the file; the last
 * line starts with {@code IMPORT COMPLETED} or {@code IMPORT FAILED}, for scripts. Kept apart from the console command
 * so that using it does not load the Karaf shell API.
 */
final class RunSummary {

    /** Rejections printed; the run keeps more (see the Connectors screen or GET /api/v1/imports/{id}). */
    static final int PRINTED_REJECTIONS = 50;

    private RunSummary() {
    }

    static void print(ImportRun run, PrintStream out) {
        out.printf("Run %d with %s of %s (%,d bytes, sha256 %s)%n", run.id(), run.connector(), run.fileName(),
                run.bytes(), run.sha256() == null ? "-" : run.sha256());
        out.printf("Documents %,d: created %,d, duplicates %,d, rejected %,d%n", run.documents(), run.created(),
                run.duplicates(), run.documents() - run.created() - run.duplicates());
        run.rejected().stream().limit(PRINTED_REJECTIONS)
                .forEach(r -> out.printf("  rejected %s: %s%n", r.document(), r.reason()));
        if (run.rejected().size() > PRINTED_REJECTIONS) {
            out.printf("  ... and %,d more rejections (see the run in the Connectors screen)%n",
                    run.rejected().size() - PRINTED_REJECTIONS);
        }
        if (run.status() == RunStatus.FAILED) {
            out.println("IMPORT FAILED: " + run.failure());
        } else {
            out.println("IMPORT COMPLETED");
        }
    }
}
