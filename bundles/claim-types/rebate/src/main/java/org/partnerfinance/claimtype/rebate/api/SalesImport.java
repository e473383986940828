package org.partnerfinance.claimtype.rebate.api;

import java.util.List;

/**
 * The outcome of a sales upload or an invoice pick-up.
 *
 * @param source          where the lines came from: {@code csv:<SHA-256 of the file>} or {@code invoices}
 * @param linesAdded      sales lines stored now (0 when the same file was imported before)
 * @param alreadyImported whether the same file had been imported before (then nothing was added)
 * @param recalculated    agreements whose earned rebate changed, with their new state
 */
public record SalesImport(String source, int linesAdded, boolean alreadyImported, List<Agreement> recalculated) {
    public SalesImport {
        recalculated = List.copyOf(recalculated);
    }
}
