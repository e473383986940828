package org.partnerfinance.connector.csv.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.partnerfinance.connectors.api.ImportSink;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.LineDraft;

/**
 * The rows of one document while they are read: the first row carries the document's fields (dates, currency, stated
 * total, credited invoice); each row is a line. Rows that contradict the first one, and values that could not be read,
 * make the whole document refused, naming every line.
 */
final class CsvDocument {

    /** Problems listed in one rejection; the rest are counted. */
    static final int LISTED_PROBLEMS = 10;

    private final CsvLayout.Row first;
    private final List<CsvLayout.Row> rows = new ArrayList<>();

    CsvDocument(CsvLayout.Row first) {
        this.first = first;
        rows.add(first);
    }

    /** Whether the row is a further line of this document (same partner, direction, kind and number). */
    boolean accepts(CsvLayout.Row row) {
        return first.number() != null && first.partner() != null && row.documentKey().equals(first.documentKey());
    }

    void add(CsvLayout.Row row) {
        rows.add(row);
    }

    /** The document's identity across re-imports: partner, direction, kind and number. */
    String externalId() {
        return first.documentKey();
    }

    String label() {
        if (first.number() == null) {
            return "line " + first.line();
        }
        return first.number() + (rows.size() == 1 ? " (line " + first.line() + ")"
                : " (lines " + first.line() + "–" + rows.get(rows.size() - 1).line() + ")");
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (CsvLayout.Row row : rows) {
            row.problems().forEach(p -> problems.add("line " + row.line() + ": " + p));
            if (row != first) {
                differs(problems, row, "issue date", first.issueDate(), row.issueDate());
                differs(problems, row, "due date", first.dueDate(), row.dueDate());
                differs(problems, row, "currency", first.currency(), row.currency());
                differs(problems, row, "gross total", first.gross(), row.gross());
                differs(problems, row, "credited invoice", first.credited(), row.credited());
            }
        }
        return problems;
    }

    private void differs(List<String> problems, CsvLayout.Row row, String what, Object expected, Object actual) {
        boolean same = expected instanceof BigDecimal a && actual instanceof BigDecimal b ? a.compareTo(b) == 0
                : Objects.equals(expected, actual);
        if (!same && actual != null) {
            problems.add("line " + row.line() + ": " + what + " " + actual + " differs from line " + first.line()
                    + " of the same document (" + expected + ")");
        }
    }

    DocumentDraft draft(CsvLayout layout) {
        List<LineDraft> lines = new ArrayList<>();
        for (CsvLayout.Row row : rows) {
            BigDecimal rate = row.taxRate() == null ? BigDecimal.ZERO : row.taxRate();
            String category = row.taxCategory() != null ? row.taxCategory() : rate.signum() > 0 ? "S" : "Z";
            lines.add(new LineDraft(row.description(), row.quantity(), row.unitPrice(), category, rate));
        }
        return new DocumentDraft(first.partner(), first.direction(), first.kind(), first.number(), first.issueDate(),
                first.dueDate(), first.currency(), lines, first.gross(), first.credited(), layout.sourceSystem,
                null);
    }

    /** Hands the document (or its refusal) to the sink. */
    void handTo(ImportSink sink, CsvLayout layout) {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            String listed = String.join("; ", problems.subList(0, Math.min(LISTED_PROBLEMS, problems.size())));
            int more = problems.size() - LISTED_PROBLEMS;
            sink.reject(label(), more > 0 ? listed + "; and " + more + " more" : listed);
            return;
        }
        sink.document(externalId(), draft(layout), null);
    }
}
