package org.partnerfinance.ledger.api;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.Caller;

/**
 * Posts and reads journal entries; keeps the chart of accounts, the accounting periods and the exchange rates. Joins
 * the caller's unit of work; every change is audited in it.
 *
 * <p>Who may do what: finance staff (reviewers, managers) and the platform ({@link Caller#system()}) post, reverse and
 * maintain exchange rates; finance managers and administrators maintain the chart of accounts; finance managers close
 * and reopen periods; finance staff and administrators read reports; partner users read their own partner's entries
 * and balances only.
 */
@ProviderType
public interface LedgerService {

    /** The chart of accounts, active and inactive, by code. */
    List<Account> accounts();

    /**
     * Validates and posts an entry. Finance staff and the platform itself may post. Each line is converted to the base
     * currency with the latest rate dated on or before the entry date (rounded half-even to the base currency's minor
     * unit); a difference the rounding leaves between base debits and credits goes to {@link Accounts#FX_ROUNDING}.
     *
     * @throws UnbalancedEntryException      if it does not balance, or names an unknown or inactive account
     * @throws PeriodClosedException         if its date lies in a closed period
     * @throws MissingExchangeRateException  if a currency other than the base currency has no rate for the date
     */
    JournalEntry post(Caller caller, JournalEntryDraft draft);

    /**
     * Posts the reversal of a posted entry (posted entries are never changed), with the original's exchange rates so it
     * undoes the original exactly in both currencies. The reversal is dated today, which is in an open period unless
     * the current month has been closed.
     */
    JournalEntry reverse(Caller caller, long entryId, String reason);

    /** Entries touching a partner, newest first (partner users: their own partner only). */
    List<JournalEntry> entriesForPartner(Caller caller, String partnerId);

    /** Entries whose source is the given business document, e.g. {@code claim:42}. */
    List<JournalEntry> entriesForSource(Caller caller, String source);

    /** Non-zero balances of a partner by account and currency. */
    List<Balance> balancesForPartner(Caller caller, String partnerId);

    // --- chart of accounts ---------------------------------------------------------------------------------------

    /**
     * Opens a new account (finance managers, administrators).
     *
     * @throws IllegalArgumentException when the code is taken or the code or name is not valid
     */
    Account openAccount(Caller caller, String code, String name, AccountType type);

    /** Renames an account (finance managers, administrators). */
    Account renameAccount(Caller caller, String code, String name);

    /**
     * Deactivates ({@code active = false}: no postings accepted) or reactivates an account (finance managers,
     * administrators). Accounts are never deleted.
     */
    Account setAccountActive(Caller caller, String code, boolean active);

    // --- accounting periods --------------------------------------------------------------------------------------

    /** Periods that have been closed or reopened, newest first (finance staff, administrators); others are open. */
    List<AccountingPeriod> periods(Caller caller);

    /** Whether postings dated in this month are accepted. */
    boolean isOpen(YearMonth period);

    /** Closes a month (finance managers): postings dated in it are refused from now on. */
    AccountingPeriod closePeriod(Caller caller, YearMonth period);

    /** Reopens a closed month (finance managers), with a reason that is kept and audited. */
    AccountingPeriod reopenPeriod(Caller caller, YearMonth period, String reason);

    // --- base currency and exchange rates ------------------------------------------------------------------------

    /** The base currency (configuration {@code base.currency} of {@code org.partnerfinance.ledger}, default EUR). */
    Currency baseCurrency();

    /**
     * Sets the rate of a currency from a date on (finance staff): base units per one unit of the currency. A rate of
     * the same currency and date is replaced; entries posted before keep the rate they were posted with.
     *
     * @throws IllegalArgumentException for the base currency itself, a rate that is not positive or has more than 10
     *                                  decimals
     */
    ExchangeRate setRate(Caller caller, Currency currency, LocalDate date, BigDecimal rate);

    /** Rates, newest first, of one currency or of all ({@code currency == null}) (finance staff, administrators). */
    List<ExchangeRate> rates(Caller caller, Currency currency);

    /**
     * The rate a posting dated {@code date} would use: the latest one dated on or before it; rate 1 for the base
     * currency.
     */
    Optional<ExchangeRate> rateOn(Currency currency, LocalDate date);

    /**
     * Imports rates from CSV (finance staff): a header line {@code date,currency,rate}, then one rate per line
     * ({@code 2025-03-31,USD,0.9231}). All or nothing: a file with any bad line stores nothing and every problem is
     * reported with its line number.
     *
     * @return how many rates were stored
     * @throws RateImportException listing every problem, when nothing was stored
     */
    int importRates(Caller caller, Reader csv);

    // --- reports ---------------------------------------------------------------------------------------------------

    /** The trial balance of all entries dated on or before {@code asOf} (finance staff, administrators). */
    TrialBalance trialBalance(Caller caller, LocalDate asOf);

    /**
     * Balance of an account in one currency over all entries dated on or before {@code asOf}, signed by the account's
     * normal side (finance staff, administrators): the figure a sub-ledger reconciles with.
     */
    Money accountBalance(Caller caller, String accountCode, Currency currency, LocalDate asOf);

    /**
     * Non-zero balances per partner of one account and currency over all entries dated on or before {@code asOf},
     * signed by the account's normal side (finance staff, administrators). Lines without a partner are not included:
     * their sum is {@link #accountBalance} minus the sum of this map.
     */
    Map<String, Money> partnerBalances(Caller caller, String accountCode, Currency currency, LocalDate asOf);
}
