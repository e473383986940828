package org.partnerfinance.claims.api;

import java.util.List;

/** A draft that cannot be saved or submitted; carries every problem found. Messages are safe to show. */
public class ClaimValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ClaimValidationException(List<Problem> problems) {
        super(problems.stream().map(Problem::message).reduce((a, b) -> a + " " + b).orElse("Invalid claim."));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
