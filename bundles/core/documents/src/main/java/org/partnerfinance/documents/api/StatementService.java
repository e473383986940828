package org.partnerfinance.documents.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.Caller;

/**
 * Statements of account, aging, collections and reconciliation, computed from the stored documents, payments and
 * allocations as of any date (what was known of that date: documents issued and payments booked up to it).
 */
@ProviderType
public interface StatementService {

    /**
     * The statement of one partner in one currency from a date to a date (partner users: their own partner only).
     *
     * @param from first day of movements; {@code null} = the first day of the month twelve months before {@code asOf}
     * @throws DocumentValidationException for an unknown partner (or another partner's, for a partner user: the same
     *                                     answer), a currency code that is not ISO 4217, {@code from} after {@code asOf}
     */
    Statement statement(Caller caller, String partnerId, String currency, LocalDate from, LocalDate asOf);

    /** The currencies a partner has documents or payments in (what a statement can be asked for). */
    List<String> currencies(Caller caller, String partnerId);

    /** Receivables aging of every partner with something open in the currency (finance and administrators). */
    List<AgingRow> aging(Caller caller, String currency, LocalDate asOf);

    /** Overdue receivables across partners, most overdue first (finance). */
    Page<OverdueItem> overdue(Caller caller, String currency, LocalDate asOf, int offset, int limit);

    /** Open payables by due date, soonest first: what the company must pay (finance). */
    Page<Document> payablesDue(Caller caller, String currency, LocalDate dueBy, int offset, int limit);

    /** DSO of one partner ({@code null}: all partners) at a date over the preceding {@code periodDays} (finance). */
    DsoPoint dso(Caller caller, String partnerId, String currency, LocalDate asOf, int periodDays);

    /** DSO at the end of each of the last {@code months} months, oldest first (finance). */
    List<DsoPoint> dsoTrend(Caller caller, String partnerId, String currency, LocalDate asOf, int months);

    /** Records a collections step for an overdue receivable (finance). */
    Reminder recordReminder(Caller caller, long documentId, DunningLevel level, String note);

    /** Collections steps for a document, oldest first (finance; partner users for their own documents). */
    List<Reminder> reminders(Caller caller, long documentId);

    /**
     * The sub-ledger of open items reconciled with the partners' balances on the control accounts (receivables, payables)
     * as of a date, naming every difference (finance and administrators).
     */
    Reconciliation reconcile(Caller caller, LocalDate asOf);
}
