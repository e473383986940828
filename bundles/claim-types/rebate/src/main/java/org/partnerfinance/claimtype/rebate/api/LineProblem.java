package org.partnerfinance.claimtype.rebate.api;

/**
 * A problem with one line of an uploaded sales file.
 *
 * @param line    1-based line number in the file (the header is line 1), or 0 for the whole file
 * @param message what is wrong, for the person who uploaded the file
 */
public record LineProblem(long line, String message) {
}
