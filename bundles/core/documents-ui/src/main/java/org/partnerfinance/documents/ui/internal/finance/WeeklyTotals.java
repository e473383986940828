package org.partnerfinance.documents.ui.internal.finance;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.partnerfinance.documents.api.Document;

/**
 * Open payables summed per week of their due date (weeks start on Monday, ISO 8601), so that finance sees what must be
 * paid when. Whatever fell due before the current week is one line: overdue.
 */
final class WeeklyTotals {

    /** One line: the week's Monday ({@code null} for the overdue line), how many documents, what is open. */
    record Week(LocalDate monday, int count, BigDecimal open) {

        boolean overdue() {
            return monday == null;
        }
    }

    private WeeklyTotals() {
    }

    static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * The weeks in order, the overdue line first; credit notes (negative open amounts) reduce their week.
     *
     * @param documents open payables
     * @param today     the current date: its week is the first that is not overdue
     */
    static List<Week> of(List<Document> documents, LocalDate today) {
        LocalDate thisWeek = monday(today);
        int overdueCount = 0;
        BigDecimal overdue = BigDecimal.ZERO;
        Map<LocalDate, BigDecimal> open = new TreeMap<>();
        Map<LocalDate, Integer> counts = new TreeMap<>();
        for (Document d : documents) {
            BigDecimal amount = signedOpen(d);
            LocalDate week = monday(d.dueDate());
            if (week.isBefore(thisWeek)) {
                overdueCount++;
                overdue = overdue.add(amount);
            } else {
                open.merge(week, amount, BigDecimal::add);
                counts.merge(week, 1, Integer::sum);
            }
        }
        List<Week> weeks = new ArrayList<>();
        if (overdueCount > 0) {
            weeks.add(new Week(null, overdueCount, overdue));
        }
        open.forEach((week, sum) -> weeks.add(new Week(week, counts.get(week), sum)));
        return weeks;
    }

    /** What the company owes for a document: positive for an invoice, negative for a credit note. */
    static BigDecimal signedOpen(Document d) {
        BigDecimal amount = d.open().amount();
        return d.kind() == org.partnerfinance.documents.api.DocumentKind.CREDIT_NOTE ? amount.negate() : amount;
    }

    /** e.g. {@code Week of 2025-03-10} or {@code Overdue}. */
    static String label(Week week) {
        return week.overdue() ? "Overdue" : "Week of " + week.monday();
    }
}
