package org.partnerfinance.connectors.api;

import java.util.List;

/**
 * An export was refused and nothing was written, marked or recorded (1.2). {@link #reasons()} names every payment or
 * partner at fault, e.g. {@code Payment 42: partner P-1001 (Acme) has no valid IBAN}.
 */
public class ExportRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> reasons;

    public ExportRefusedException(List<String> reasons) {
        super(reasons.isEmpty() ? "The export was refused." : "The export was refused: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    /** Why, one entry per payment or partner at fault. */
    public List<String> reasons() {
        return reasons;
    }
}
