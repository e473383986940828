package org.partnerfinance.ledger.ui.internal;

import java.io.BufferedReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountType;
import org.partnerfinance.ledger.api.AccountingPeriod;
import org.partnerfinance.ledger.api.Balance;
import org.partnerfinance.ledger.api.ExchangeRate;
import org.partnerfinance.ledger.api.JournalEntry;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.api.RateImportException;
import org.partnerfinance.ledger.api.TrialBalance;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * An in-memory ledger for the screens' tests: keeps accounts, periods and rates in lists and answers the trial balance
 * it is given. The real service and its rules are tested in pf-ledger.
 */
class FakeLedger implements LedgerService {

    final List<Account> accounts = new ArrayList<>(List.of(new Account("1000", "Bank", AccountType.ASSET)));
    final List<AccountingPeriod> periods = new ArrayList<>();
    final List<ExchangeRate> rates = new ArrayList<>();
    TrialBalance trialBalance;
    LocalDate trialBalanceAsked;

    @Override
    public List<Account> accounts() {
        return List.copyOf(accounts);
    }

    @Override
    public Account openAccount(Caller caller, String code, String name, AccountType type) {
        Access.requireAnyRole(caller, Role.FINANCE_MANAGER, Role.ADMINISTRATOR);
        if (accounts.stream().anyMatch(a -> a.code().equals(code))) {
            throw new IllegalArgumentException("Account " + code + " exists already.");
        }
        Account account = new Account(code, name, type);
        accounts.add(account);
        return account;
    }

    @Override
    public Account renameAccount(Caller caller, String code, String name) {
        return replace(code, a -> new Account(a.code(), name, a.type(), a.active()));
    }

    @Override
    public Account setAccountActive(Caller caller, String code, boolean active) {
        return replace(code, a -> new Account(a.code(), a.name(), a.type(), active));
    }

    private Account replace(String code, java.util.function.UnaryOperator<Account> change) {
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i).code().equals(code)) {
                accounts.set(i, change.apply(accounts.get(i)));
                return accounts.get(i);
            }
        }
        throw new IllegalArgumentException("There is no account " + code + ".");
    }

    @Override
    public List<AccountingPeriod> periods(Caller caller) {
        return List.copyOf(periods);
    }

    @Override
    public boolean isOpen(YearMonth period) {
        return periods.stream().noneMatch(p -> p.period().equals(period) && p.closed());
    }

    @Override
    public AccountingPeriod closePeriod(Caller caller, YearMonth period) {
        Access.requireAnyRole(caller, Role.FINANCE_MANAGER);
        AccountingPeriod closed = new AccountingPeriod(period, true, caller.username(), null, "");
        periods.removeIf(p -> p.period().equals(period));
        periods.add(closed);
        return closed;
    }

    @Override
    public AccountingPeriod reopenPeriod(Caller caller, YearMonth period, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Give a reason for the reopening.");
        }
        AccountingPeriod open = new AccountingPeriod(period, false, caller.username(), null, reason);
        periods.removeIf(p -> p.period().equals(period));
        periods.add(open);
        return open;
    }

    @Override
    public Currency baseCurrency() {
        return Money.currency("EUR");
    }

    @Override
    public ExchangeRate setRate(Caller caller, Currency currency, LocalDate date, BigDecimal rate) {
        if (rate == null) {
            throw new IllegalArgumentException("Enter a rate.");
        }
        ExchangeRate r = new ExchangeRate(currency, date, rate);
        rates.add(0, r);
        return r;
    }

    @Override
    public List<ExchangeRate> rates(Caller caller, Currency currency) {
        return List.copyOf(rates);
    }

    @Override
    public Optional<ExchangeRate> rateOn(Currency currency, LocalDate date) {
        return Optional.empty();
    }

    /** Lines {@code date,currency,rate}; a line with {@code bad} is refused with its number. */
    @Override
    public int importRates(Caller caller, Reader csv) {
        List<String> lines = new BufferedReader(csv).lines().toList();
        List<String> errors = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).contains("bad")) {
                errors.add("Line " + (i + 1) + ": bad rate");
            }
        }
        if (!errors.isEmpty()) {
            throw new RateImportException(errors);
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] v = lines.get(i).split(",");
            rates.add(new ExchangeRate(Money.currency(v[1]), LocalDate.parse(v[0]), new BigDecimal(v[2])));
        }
        return lines.size() - 1;
    }

    @Override
    public TrialBalance trialBalance(Caller caller, LocalDate asOf) {
        trialBalanceAsked = asOf;
        return trialBalance;
    }

    @Override
    public JournalEntry post(Caller caller, JournalEntryDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JournalEntry reverse(Caller caller, long entryId, String reason) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<JournalEntry> entriesForPartner(Caller caller, String partnerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<JournalEntry> entriesForSource(Caller caller, String source) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Balance> balancesForPartner(Caller caller, String partnerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Money accountBalance(Caller caller, String accountCode, Currency currency, LocalDate asOf) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Money> partnerBalances(Caller caller, String accountCode, Currency currency, LocalDate asOf) {
        throw new UnsupportedOperationException();
    }
}
