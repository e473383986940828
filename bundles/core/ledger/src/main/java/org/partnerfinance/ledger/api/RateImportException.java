package org.partnerfinance.ledger.api;

import java.util.List;

/**
 * A CSV file of exchange rates that was refused as a whole: nothing of it was stored. {@link #errors()} names every
 * problem with its line number ({@code Line 4: ...}), so the file can be corrected in one go.
 */
public class RateImportException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public RateImportException(List<String> errors) {
        super(errors.size() == 1 ? "The rates were not imported: " + errors.get(0)
                : "The rates were not imported: " + errors.size() + " problems, the first: " + errors.get(0));
        this.errors = List.copyOf(errors);
    }

    /** Every problem found, in line order, e.g. {@code Line 3: unknown currency XYZ}. */
    public List<String> errors() {
        return errors;
    }
}
