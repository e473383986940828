package org.partnerfinance.documents.api;

/**
 * An overdue receivable as collections sees it: the document, how long it is overdue, the level it is due for by its
 * days overdue and the last level recorded.
 */
public record OverdueItem(Document document, long daysOverdue, DunningLevel dueLevel, DunningLevel lastLevel,
        Reminder lastReminder) {
}
