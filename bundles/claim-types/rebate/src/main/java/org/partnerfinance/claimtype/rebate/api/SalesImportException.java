package org.partnerfinance.claimtype.rebate.api;

import java.util.List;

/** An uploaded sales file has bad lines: nothing of it was stored. */
public class SalesImportException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<LineProblem> problems;

    public SalesImportException(List<LineProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, by line. */
    public List<LineProblem> problems() {
        return problems;
    }

    private static String summary(List<LineProblem> problems) {
        return problems.size() == 1 ? "1 line of the file is wrong; nothing was imported."
                : problems.size() + " lines of the file are wrong; nothing was imported.";
    }
}
