package org.partnerfinance.documents.ui.internal.finance;

import java.util.List;

import org.partnerfinance.documents.api.DunningLevel;
import org.partnerfinance.documents.api.OverdueItem;

/** How the overdue list words and suggests dunning levels. Pure. */
final class Dunning {

    /** The levels finance can record (NONE is where every document starts). */
    static final List<DunningLevel> RECORDABLE = List.of(DunningLevel.REMINDER, DunningLevel.SECOND_NOTICE,
            DunningLevel.FINAL_DEMAND);

    private Dunning() {
    }

    static String label(DunningLevel level) {
        if (level == null) {
            return "";
        }
        return switch (level) {
            case NONE -> "None";
            case REMINDER -> "Reminder";
            case SECOND_NOTICE -> "Second notice";
            case FINAL_DEMAND -> "Final demand";
        };
    }

    /** Whether the document is due for a further step than finance has recorded. */
    static boolean behind(OverdueItem item) {
        return level(item.dueLevel()).ordinal() > level(item.lastLevel()).ordinal();
    }

    /**
     * The level to offer for the next reminder: one step after the last recorded one while the document is due for
     * more (collections escalate a step at a time, whatever the days overdue say), else the last level again (a
     * follow-up at the same level); at least a reminder.
     */
    static DunningLevel suggested(OverdueItem item) {
        DunningLevel last = level(item.lastLevel());
        if (behind(item)) {
            return DunningLevel.values()[last.ordinal() + 1];
        }
        return last == DunningLevel.NONE ? DunningLevel.REMINDER : last;
    }

    /** The status cell of a row, e.g. {@code Second notice due (last: Reminder)}. */
    static String status(OverdueItem item) {
        DunningLevel last = level(item.lastLevel());
        if (behind(item)) {
            return label(item.dueLevel()) + " due" + (last == DunningLevel.NONE ? "" : " (last: " + label(last) + ")");
        }
        return last == DunningLevel.NONE ? "" : label(last) + " sent";
    }

    private static DunningLevel level(DunningLevel level) {
        return level == null ? DunningLevel.NONE : level;
    }
}
