package org.partnerfinance.ledger.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.AccountContribution;
import org.partnerfinance.ledger.api.AccountType;
import org.partnerfinance.ledger.api.AccountingPeriod;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Balance;
import org.partnerfinance.ledger.api.ExchangeRate;
import org.partnerfinance.ledger.api.JournalEntry;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.api.MissingExchangeRateException;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.api.PeriodClosedException;
import org.partnerfinance.ledger.api.TrialBalance;
import org.partnerfinance.ledger.api.UnbalancedEntryException;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The double-entry ledger on the {@code ledger} persistence unit. Finance staff and the platform ({@link
 * Caller#system()}) post and reverse; finance staff and administrators read every partner's entries; partner users read
 * their own partner's only. Changes of the chart of accounts, the periods and the rates, and reversals, are audited in
 * the unit of work that makes them (postings made for a business document are audited by the bundle owning it, with
 * the document's change).
 */
@Component(service = LedgerService.class, configurationPid = LedgerServiceImpl.PID)
@Designate(ocd = LedgerConfiguration.class)
public class LedgerServiceImpl implements LedgerService {

    static final String PID = "org.partnerfinance.ledger";
    static final String UNIT = "ledger";
    static final List<String> ENTITY_CLASSES = List.of(AccountEntity.class.getName(),
            JournalEntryEntity.class.getName(), JournalLineEntity.class.getName(), PeriodEntity.class.getName(),
            RateEntity.class.getName(), UtcInstantConverter.class.getName());

    private static final Logger LOG = LoggerFactory.getLogger(LedgerServiceImpl.class);

    private static final int MAX_REASON = 300;
    /** Characters of a rates file read at most (a few MB: tens of thousands of rates). */
    static final int MAX_CSV_CHARS = 5_000_000;

    /** Lines are loaded for at most this many entries per query. */
    private static final int IN_CHUNK = 500;

    private final Jpa jpa;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile Currency base;

    @Activate
    public LedgerServiceImpl(LedgerConfiguration config,
            @Reference(name = "persistence") PersistenceService persistence, BundleContext context,
            @Reference(name = "audit") AuditTrail audit) {
        this(persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), ENTITY_CLASSES, "db/ledger")),
                audit, Clock.systemDefaultZone(), baseCurrencyOf(config));
    }

    /** With the default configuration (base currency EUR). */
    public LedgerServiceImpl(PersistenceService persistence, BundleContext context, AuditTrail audit) {
        this(persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), ENTITY_CLASSES, "db/ledger")),
                audit, Clock.systemDefaultZone(), Money.currency("EUR"));
    }

    LedgerServiceImpl(Jpa jpa, AuditTrail audit, Clock clock) {
        this(jpa, audit, clock, Money.currency("EUR"));
    }

    LedgerServiceImpl(Jpa jpa, AuditTrail audit, Clock clock, Currency base) {
        this.jpa = jpa;
        this.audit = audit;
        this.clock = clock;
        this.base = base;
        checkBaseAmounts();
    }

    private static Currency baseCurrencyOf(LedgerConfiguration config) {
        try {
            return Money.currency(config.base_currency() == null ? "" : config.base_currency().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("base.currency in " + PID + ": " + e.getMessage(), e);
        }
    }

    @Modified
    void modified(LedgerConfiguration config) {
        base = baseCurrencyOf(config);
        checkBaseAmounts();
    }

    @Deactivate
    void deactivate() {
        jpa.close();
    }

    /**
     * Gives lines posted before base amounts were kept their base amount where that needs no rate (lines in the base
     * currency), and reports lines that look like another base currency's.
     */
    private void checkBaseAmounts() {
        Currency currentBase = base;
        jpa.tx(em -> {
            int filled = em.createQuery("UPDATE JournalLineEntity l SET l.baseAmount = l.amount, l.rate = 1 "
                            + "WHERE l.baseAmount IS NULL AND l.currency = :base")
                    .setParameter("base", currentBase.getCurrencyCode()).executeUpdate();
            if (filled > 0) {
                audit.append(new AuditEvent(Caller.system().username(), "ledger.base-amounts-filled", "ledger",
                        "lines", "", "lines=" + filled + "; base=" + currentBase.getCurrencyCode()));
                LOG.info("Ledger: {} lines in {} posted before base amounts were kept got their base amount",
                        filled, currentBase.getCurrencyCode());
            }
            long foreignWithoutBase = em.createQuery(
                            "SELECT COUNT(l) FROM JournalLineEntity l WHERE l.baseAmount IS NULL", Long.class)
                    .getSingleResult();
            if (foreignWithoutBase > 0) {
                LOG.warn("Ledger: {} lines in foreign currencies were posted before base amounts were kept; "
                        + "they count as zero in the base columns of reports", foreignWithoutBase);
            }
            long otherBase = em.createQuery("SELECT COUNT(l) FROM JournalLineEntity l WHERE l.rate = 1 "
                            + "AND l.amount > 0 AND l.currency <> :base", Long.class)
                    .setParameter("base", currentBase.getCurrencyCode()).getSingleResult();
            if (otherBase > 0) {
                LOG.error("Ledger: the base currency is {} but {} posted lines in other currencies have rate 1: "
                        + "was base.currency changed after postings? Base columns of reports mix currencies.",
                        currentBase.getCurrencyCode(), otherBase);
            }
            return null;
        });
    }

    // --- account contributions ----------------------------------------------------------------------------------

    @Reference(name = "accountContributions", service = AccountContribution.class,
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeContribution")
    void addContribution(ServiceReference<AccountContribution> reference, AccountContribution contribution) {
        String origin = reference.getBundle() == null ? "an extension" : reference.getBundle().getSymbolicName();
        try {
            contribute(contribution.accounts(), origin);
        } catch (RuntimeException e) {
            // a faulty extension must not stop the ledger; its accounts are tried again when it comes back
            LOG.error("Ledger: the accounts contributed by {} could not be opened: {}", origin, e.getMessage(), e);
        }
    }

    void removeContribution(AccountContribution contribution) {
        // accounts stay: postings refer to them
    }

    /**
     * Opens the contributed accounts that do not exist yet, as the system, audited, in one unit of work. Existing
     * accounts are left as they are; one with another type is refused and logged.
     *
     * @return the accounts opened
     */
    List<Account> contribute(List<Account> accounts, String origin) {
        if (accounts == null || accounts.isEmpty()) {
            return List.of();
        }
        return jpa.tx(em -> {
            List<Account> opened = new ArrayList<>();
            for (Account wanted : accounts) {
                String code;
                String name;
                try {
                    code = LedgerRules.requireAccountCode(wanted.code());
                    name = LedgerRules.requireAccountName(wanted.name());
                } catch (IllegalArgumentException e) {
                    LOG.error("Ledger: account {} contributed by {} refused: {}", wanted.code(), origin,
                            e.getMessage());
                    continue;
                }
                AccountEntity existing = em.find(AccountEntity.class, code);
                if (existing != null) {
                    if (existing.toAccount().type() != wanted.type()) {
                        LOG.error("Ledger: account {} contributed by {} as {} exists as {}; it is left unchanged",
                                code, origin, wanted.type(), existing.toAccount().type());
                    }
                    continue;
                }
                AccountEntity entity = new AccountEntity(code, name, wanted.type());
                em.persist(entity);
                opened.add(entity.toAccount());
                audit.append(new AuditEvent(Caller.system().username(), "ledger.account-opened", "ledger-account",
                        code, "", describe(entity.toAccount()) + "; contributedBy=" + origin));
            }
            if (!opened.isEmpty()) {
                LOG.info("Ledger: opened accounts {} contributed by {}",
                        opened.stream().map(Account::code).toList(), origin);
            }
            return opened;
        });
    }

    // --- posting ---------------------------------------------------------------------------------------------------

    @Override
    public List<Account> accounts() {
        return jpa.tx(em -> List.copyOf(loadAccounts(em).values()));
    }

    @Override
    public JournalEntry post(Caller caller, JournalEntryDraft draft) {
        Access.requireFinance(caller);
        if (draft == null) {
            throw new UnbalancedEntryException("A journal entry is required.");
        }
        return jpa.tx(em -> {
            PostingStore store = PostingStore.of(em);
            PostingStore.Checks checks = store.checks(accountCodes(draft.lines()), YearMonth.from(draft.date()));
            Map<String, Account> chart = checks.accounts();
            LedgerRules.checkPostable(draft, chart);
            if (draft.lines().stream().anyMatch(l -> l.baseAmount() != null)) {
                throw new UnbalancedEntryException(
                        "Base-currency amounts are set by the ledger; post lines in document currency only.");
            }
            if (checks.closed()) {
                throw new PeriodClosedException(YearMonth.from(draft.date()));
            }
            Currency currentBase = base;
            Map<Currency, BigDecimal> rates = new HashMap<>();
            List<JournalLine> lines = FxRules.withBaseAmounts(draft.lines(), currentBase,
                    c -> rates.computeIfAbsent(c, k -> store.rate(k, draft.date())
                            .orElseThrow(() -> new MissingExchangeRateException(k, draft.date(), currentBase))),
                    Accounts.FX_ROUNDING);
            requireActiveRoundingAccount(chart, lines, draft);
            return insert(store, draft, lines, caller, null);
        });
    }

    /** The codes a posting of these lines may touch: theirs and the FX rounding account. */
    private static List<String> accountCodes(List<JournalLine> lines) {
        List<String> codes = new ArrayList<>(lines.size() + 1);
        lines.forEach(l -> codes.add(l.accountCode()));
        codes.add(Accounts.FX_ROUNDING);
        return codes;
    }

    @Override
    public JournalEntry reverse(Caller caller, long entryId, String reason) {
        Access.requireFinance(caller);
        String why = LedgerRules.requireReason(reason, MAX_REASON, "reversal");
        return jpa.tx(em -> {
            JournalEntryEntity original = em.find(JournalEntryEntity.class, entryId);
            if (original == null) {
                throw new IllegalArgumentException("There is no journal entry " + entryId + ".");
            }
            if (original.getReverses() != null) {
                throw new IllegalStateException("Entry " + entryId + " is itself a reversal of entry "
                        + original.getReverses() + "; post a new entry instead.");
            }
            Long reversedBy = em.createQuery(
                            "SELECT COUNT(e) FROM JournalEntryEntity e WHERE e.reverses = :id", Long.class)
                    .setParameter("id", entryId).getSingleResult();
            if (reversedBy > 0) {
                throw new IllegalStateException("Entry " + entryId + " has already been reversed.");
            }
            JournalEntry entry = toEntries(em, List.of(original), Function.identity()).get(0);
            // dated today: a correction of a closed period goes into the open one of today
            JournalEntryDraft reversal = LedgerRules.reversalOf(entry, LocalDate.now(clock), why);
            PostingStore store = PostingStore.of(em);
            PostingStore.Checks checks = store.checks(accountCodes(reversal.lines()), YearMonth.from(reversal.date()));
            Map<String, Account> chart = checks.accounts();
            LedgerRules.checkPostable(reversal, chart);
            if (checks.closed()) {
                throw new PeriodClosedException(YearMonth.from(reversal.date()));
            }
            // the original's base amounts and rates, swapped: the reversal undoes it exactly in both currencies
            List<JournalLine> lines = reversal.lines();
            if (lines.stream().anyMatch(l -> l.baseAmount() == null)) {
                lines = FxRules.withBaseAmounts(lines.stream()
                                .map(l -> new JournalLine(l.accountCode(), l.side(), l.amount(), l.partnerId()))
                                .toList(), base,
                        c -> store.rate(c, reversal.date()).orElseThrow(
                                () -> new MissingExchangeRateException(c, reversal.date(), base)),
                        Accounts.FX_ROUNDING);
                requireActiveRoundingAccount(chart, lines, reversal);
            }
            JournalEntry posted = insert(store, reversal, lines, caller, entryId);
            // in the same unit of work: no reversal without its audit record, and no record without the reversal
            audit.append(new AuditEvent(caller.username(), "ledger.entry-reversed", "journal-entry",
                    Long.toString(entryId), "", "reversedBy=" + posted.id() + "; reason=" + why));
            return posted;
        });
    }

    private static void requireActiveRoundingAccount(Map<String, Account> chart, List<JournalLine> lines,
            JournalEntryDraft draft) {
        if (lines.size() > draft.lines().size()) {
            Account rounding = chart.get(Accounts.FX_ROUNDING);
            if (rounding == null || !rounding.active()) {
                throw new UnbalancedEntryException("The FX rounding account " + Accounts.FX_ROUNDING
                        + " is missing or inactive, so the base-currency rounding difference of this entry cannot "
                        + "be posted.");
            }
        }
    }

    @Override
    public List<JournalEntry> entriesForPartner(Caller caller, String partnerId) {
        Access.requirePartnerRead(caller, partnerId);
        return jpa.tx(em -> toEntries(em, em.createQuery("SELECT e FROM JournalEntryEntity e WHERE e.id IN "
                                + "(SELECT l.entryId FROM JournalLineEntity l WHERE l.partnerId = :partner) "
                                + "ORDER BY e.id DESC", JournalEntryEntity.class)
                        .setParameter("partner", partnerId).getResultList(),
                visibleLines(caller)));
    }

    @Override
    public List<JournalEntry> entriesForSource(Caller caller, String source) {
        requireLedgerReader(caller);
        return jpa.tx(em -> {
            List<JournalEntry> entries = toEntries(em, em.createQuery(
                            "SELECT e FROM JournalEntryEntity e WHERE e.source = :source ORDER BY e.id DESC",
                            JournalEntryEntity.class)
                    .setParameter("source", source).getResultList(), visibleLines(caller));
            // visibleLines empties the entries a partner user may not see
            return entries.stream().filter(e -> !e.lines().isEmpty()).toList();
        });
    }

    @Override
    public List<Balance> balancesForPartner(Caller caller, String partnerId) {
        Access.requirePartnerRead(caller, partnerId);
        return jpa.tx(em -> {
            List<LedgerRules.SideTotal> totals = em.createQuery(
                            "SELECT l.accountCode, l.currency, l.side, SUM(l.amount) FROM JournalLineEntity l "
                                    + "WHERE l.partnerId = :partner GROUP BY l.accountCode, l.currency, l.side",
                            Object[].class)
                    .setParameter("partner", partnerId).getResultList().stream()
                    .map(row -> new LedgerRules.SideTotal((String) row[0], (String) row[1],
                            (JournalLine.Side) row[2], (BigDecimal) row[3]))
                    .toList();
            return LedgerRules.balances(partnerId, loadAccounts(em), totals);
        });
    }

    // --- chart of accounts -------------------------------------------------------------------------------------

    @Override
    public Account openAccount(Caller caller, String code, String name, AccountType type) {
        requireChartKeeper(caller);
        String checkedCode = LedgerRules.requireAccountCode(code);
        String checkedName = LedgerRules.requireAccountName(name);
        if (type == null) {
            throw new IllegalArgumentException("Choose the account type.");
        }
        return jpa.tx(em -> {
            AccountEntity existing = em.find(AccountEntity.class, checkedCode);
            if (existing != null) {
                throw new IllegalArgumentException("Account " + checkedCode + " exists already: "
                        + existing.toAccount().name() + ".");
            }
            AccountEntity entity = new AccountEntity(checkedCode, checkedName, type);
            em.persist(entity);
            audit.append(new AuditEvent(caller.username(), "ledger.account-opened", "ledger-account", checkedCode,
                    "", describe(entity.toAccount())));
            return entity.toAccount();
        });
    }

    @Override
    public Account renameAccount(Caller caller, String code, String name) {
        requireChartKeeper(caller);
        String checkedName = LedgerRules.requireAccountName(name);
        return jpa.tx(em -> {
            AccountEntity entity = requireAccount(em, code);
            Account before = entity.toAccount();
            if (before.name().equals(checkedName)) {
                return before;
            }
            entity.rename(checkedName);
            audit.append(new AuditEvent(caller.username(), "ledger.account-renamed", "ledger-account", before.code(),
                    "name=" + before.name(), "name=" + checkedName));
            return entity.toAccount();
        });
    }

    @Override
    public Account setAccountActive(Caller caller, String code, boolean active) {
        requireChartKeeper(caller);
        return jpa.tx(em -> {
            AccountEntity entity = requireAccount(em, code);
            Account before = entity.toAccount();
            if (before.active() == active) {
                return before;
            }
            if (!active && Accounts.FX_ROUNDING.equals(before.code())) {
                throw new IllegalArgumentException("Account " + before.code() + " takes the rounding differences of "
                        + "foreign-currency postings and cannot be deactivated; rename it if needed.");
            }
            entity.setActive(active);
            audit.append(new AuditEvent(caller.username(),
                    active ? "ledger.account-activated" : "ledger.account-deactivated", "ledger-account",
                    before.code(), "active=" + before.active(), "active=" + active));
            return entity.toAccount();
        });
    }

    private static AccountEntity requireAccount(EntityManager em, String code) {
        AccountEntity entity = code == null ? null : em.find(AccountEntity.class, code.strip());
        if (entity == null) {
            throw new IllegalArgumentException("There is no account " + code + ".");
        }
        return entity;
    }

    private static String describe(Account a) {
        return "name=" + a.name() + "; type=" + a.type() + "; active=" + a.active();
    }

    // --- periods -------------------------------------------------------------------------------------------------

    @Override
    public List<AccountingPeriod> periods(Caller caller) {
        requireLedgerStaff(caller);
        return jpa.tx(em -> em.createQuery("SELECT p FROM PeriodEntity p ORDER BY p.period DESC", PeriodEntity.class)
                .getResultList().stream().map(PeriodEntity::toPeriod).toList());
    }

    @Override
    public boolean isOpen(YearMonth period) {
        return jpa.tx(em -> {
            PeriodEntity entity = em.find(PeriodEntity.class, period.toString());
            return entity == null || !entity.isClosed();
        });
    }

    @Override
    public AccountingPeriod closePeriod(Caller caller, YearMonth period) {
        Access.requireAnyRole(caller, Role.FINANCE_MANAGER);
        if (period == null) {
            throw new IllegalArgumentException("Choose the month to close.");
        }
        return jpa.tx(em -> {
            PeriodEntity entity = em.find(PeriodEntity.class, period.toString());
            if (entity != null && entity.isClosed()) {
                throw new IllegalStateException("The period " + period + " is closed already.");
            }
            if (entity == null) {
                entity = new PeriodEntity(period);
                entity.change(true, caller.username(), now(), "");
                em.persist(entity);
            } else {
                entity.change(true, caller.username(), now(), "");
            }
            audit.append(new AuditEvent(caller.username(), "ledger.period-closed", "ledger-period",
                    period.toString(), "closed=false", "closed=true"));
            return entity.toPeriod();
        });
    }

    @Override
    public AccountingPeriod reopenPeriod(Caller caller, YearMonth period, String reason) {
        Access.requireAnyRole(caller, Role.FINANCE_MANAGER);
        if (period == null) {
            throw new IllegalArgumentException("Choose the month to reopen.");
        }
        String why = LedgerRules.requireReason(reason, MAX_REASON, "reopening");
        return jpa.tx(em -> {
            PeriodEntity entity = em.find(PeriodEntity.class, period.toString());
            if (entity == null || !entity.isClosed()) {
                throw new IllegalStateException("The period " + period + " is open.");
            }
            entity.change(false, caller.username(), now(), why);
            audit.append(new AuditEvent(caller.username(), "ledger.period-reopened", "ledger-period",
                    period.toString(), "closed=true", "closed=false; reason=" + why));
            return entity.toPeriod();
        });
    }

    // --- rates -----------------------------------------------------------------------------------------------------

    @Override
    public Currency baseCurrency() {
        return base;
    }

    @Override
    public ExchangeRate setRate(Caller caller, Currency currency, LocalDate date, BigDecimal rate) {
        Access.requireFinance(caller);
        if (currency == null || date == null) {
            throw new IllegalArgumentException("Give the currency and the date of the rate.");
        }
        if (currency.equals(base)) {
            throw new IllegalArgumentException(currency.getCurrencyCode()
                    + " is the base currency: its rate is always 1.");
        }
        BigDecimal checked = FxRules.requireValidRate(rate);
        return jpa.tx(em -> {
            ExchangeRate stored = store(em, caller, new ExchangeRate(currency, date, checked));
            return stored;
        });
    }

    /** Stores one rate (insert or replace) and audits it. */
    private ExchangeRate store(EntityManager em, Caller caller, ExchangeRate rate) {
        String code = rate.currency().getCurrencyCode();
        RateEntity entity = em.find(RateEntity.class, new RateEntity.Key(code, rate.date()));
        String before = entity == null ? "" : "rate=" + entity.getRate().toPlainString();
        if (entity == null) {
            entity = new RateEntity(code, rate.date());
            entity.set(rate.rate(), caller.username(), now());
            em.persist(entity);
        } else {
            entity.set(rate.rate(), caller.username(), now());
        }
        audit.append(new AuditEvent(caller.username(), "ledger.rate-set", "exchange-rate",
                code + " " + rate.date(), before, "rate=" + rate.rate().toPlainString() + "; base="
                        + base.getCurrencyCode()));
        return entity.toRate();
    }

    @Override
    public List<ExchangeRate> rates(Caller caller, Currency currency) {
        requireLedgerStaff(caller);
        return jpa.tx(em -> (currency == null
                ? em.createQuery("SELECT r FROM RateEntity r ORDER BY r.date DESC, r.currency", RateEntity.class)
                : em.createQuery("SELECT r FROM RateEntity r WHERE r.currency = :c ORDER BY r.date DESC",
                        RateEntity.class).setParameter("c", currency.getCurrencyCode()))
                .getResultList().stream().map(RateEntity::toRate).toList());
    }

    @Override
    public Optional<ExchangeRate> rateOn(Currency currency, LocalDate date) {
        if (currency.equals(base)) {
            return Optional.of(new ExchangeRate(currency, date, BigDecimal.ONE));
        }
        return jpa.tx(em -> findRateEntity(em, currency, date).map(RateEntity::toRate));
    }

    private static Optional<RateEntity> findRateEntity(EntityManager em, Currency currency, LocalDate date) {
        return em.createQuery("SELECT r FROM RateEntity r WHERE r.currency = :c AND r.date <= :d "
                        + "ORDER BY r.date DESC", RateEntity.class)
                .setParameter("c", currency.getCurrencyCode()).setParameter("d", date)
                .setMaxResults(1).getResultList().stream().findFirst();
    }

    @Override
    public int importRates(Caller caller, Reader csv) {
        Access.requireFinance(caller);
        String text = readBounded(csv);
        Currency currentBase = base;
        List<ExchangeRate> rates = RateCsv.parse(new StringReader(text), currentBase);
        String sha256 = sha256(text);
        return jpa.tx(em -> {
            for (ExchangeRate rate : rates) {
                store(em, caller, rate);
            }
            TreeSet<String> currencies = new TreeSet<>();
            rates.forEach(r -> currencies.add(r.currency().getCurrencyCode()));
            LocalDate first = rates.stream().map(ExchangeRate::date).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate last = rates.stream().map(ExchangeRate::date).max(Comparator.naturalOrder()).orElseThrow();
            audit.append(new AuditEvent(caller.username(), "ledger.rates-imported", "exchange-rate", "import",
                    "", "rates=" + rates.size() + "; currencies=" + String.join(",", currencies) + "; from=" + first
                            + "; to=" + last + "; sha256=" + sha256));
            return rates.size();
        });
    }

    private static String readBounded(Reader csv) {
        if (csv == null) {
            throw new IllegalArgumentException("Choose a CSV file of rates.");
        }
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            int n;
            while ((n = csv.read(buffer)) >= 0) {
                text.append(buffer, 0, n);
                if (text.length() > MAX_CSV_CHARS) {
                    throw new IllegalArgumentException("A rates file has at most " + MAX_CSV_CHARS
                            + " characters; split it.");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The rates file could not be read: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    // --- reports ---------------------------------------------------------------------------------------------------

    @Override
    public TrialBalance trialBalance(Caller caller, LocalDate asOf) {
        requireLedgerStaff(caller);
        if (asOf == null) {
            throw new IllegalArgumentException("Choose the date of the trial balance.");
        }
        Currency currentBase = base;
        return jpa.tx(em -> {
            List<Object[]> rows = em.createQuery("SELECT l.accountCode, l.currency, l.side, SUM(l.amount), "
                            + "SUM(l.baseAmount) FROM JournalLineEntity l, JournalEntryEntity e "
                            + "WHERE l.entryId = e.id AND e.date <= :asOf "
                            + "GROUP BY l.accountCode, l.currency, l.side", Object[].class)
                    .setParameter("asOf", asOf).getResultList();
            List<LedgerRules.SideTotal> totals = new ArrayList<>();
            for (Object[] row : rows) {
                totals.add(new LedgerRules.SideTotal((String) row[0], (String) row[1], (JournalLine.Side) row[2],
                        (BigDecimal) row[3], row[4] == null ? BigDecimal.ZERO : (BigDecimal) row[4]));
            }
            return LedgerRules.trialBalance(asOf, currentBase, loadAccounts(em), totals);
        });
    }

    @Override
    public Money accountBalance(Caller caller, String accountCode, Currency currency, LocalDate asOf) {
        requireLedgerStaff(caller);
        requireReportArguments(currency, asOf);
        return jpa.tx(em -> {
            Account account = requireAccount(em, accountCode).toAccount();
            BigDecimal net = BigDecimal.ZERO;
            for (Object[] row : em.createQuery("SELECT l.side, SUM(l.amount) FROM JournalLineEntity l, "
                            + "JournalEntryEntity e WHERE l.entryId = e.id AND e.date <= :asOf "
                            + "AND l.accountCode = :account AND l.currency = :currency GROUP BY l.side", Object[].class)
                    .setParameter("asOf", asOf).setParameter("account", account.code())
                    .setParameter("currency", currency.getCurrencyCode()).getResultList()) {
                BigDecimal sum = (BigDecimal) row[1];
                net = net.add(row[0] == JournalLine.Side.DEBIT ? sum : sum.negate());
            }
            return new Money(account.type().debitNormal() ? net : net.negate(), currency);
        });
    }

    @Override
    public Map<String, Money> partnerBalances(Caller caller, String accountCode, Currency currency, LocalDate asOf) {
        requireLedgerStaff(caller);
        requireReportArguments(currency, asOf);
        return jpa.tx(em -> {
            Account account = requireAccount(em, accountCode).toAccount();
            Map<String, BigDecimal> net = new TreeMap<>();
            for (Object[] row : em.createQuery("SELECT l.partnerId, l.side, SUM(l.amount) FROM JournalLineEntity l, "
                            + "JournalEntryEntity e WHERE l.entryId = e.id AND e.date <= :asOf "
                            + "AND l.accountCode = :account AND l.currency = :currency AND l.partnerId IS NOT NULL "
                            + "GROUP BY l.partnerId, l.side", Object[].class)
                    .setParameter("asOf", asOf).setParameter("account", account.code())
                    .setParameter("currency", currency.getCurrencyCode()).getResultList()) {
                BigDecimal sum = (BigDecimal) row[2];
                net.merge((String) row[0], row[1] == JournalLine.Side.DEBIT ? sum : sum.negate(), BigDecimal::add);
            }
            Map<String, Money> balances = new LinkedHashMap<>();
            net.forEach((partner, amount) -> {
                if (amount.signum() != 0) {
                    balances.put(partner, new Money(account.type().debitNormal() ? amount : amount.negate(),
                            currency));
                }
            });
            return balances;
        });
    }

    private static void requireReportArguments(Currency currency, LocalDate asOf) {
        if (currency == null || asOf == null) {
            throw new IllegalArgumentException("Give the currency and the date.");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** Finance managers and administrators keep the chart of accounts. */
    private static void requireChartKeeper(Caller caller) {
        Access.requireAnyRole(caller, Role.FINANCE_MANAGER, Role.ADMINISTRATOR);
        requireCompanyStaff(caller);
    }

    /** Finance staff and administrators read the ledger's reports, periods and rates. */
    private static void requireLedgerStaff(Caller caller) {
        Access.requireAnyRole(caller, Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR);
        requireCompanyStaff(caller);
    }

    private static void requireCompanyStaff(Caller caller) {
        if (caller.isPartner()) {
            throw new org.partnerfinance.security.api.AccessDeniedException("You are not allowed to do this.");
        }
    }

    /** Finance staff and administrators read the whole ledger; partner users their own partner's lines. */
    private static void requireLedgerReader(Caller caller) {
        if (caller != null && caller.isPartner()) {
            Access.requirePartnerRead(caller, caller.partnerId());
            return;
        }
        Access.requireAnyRole(caller, Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR);
    }

    /**
     * Which lines of an entry the caller may see: all for company staff; for a partner user only lines of their own
     * partner and lines without a partner (so another partner's amounts never show).
     */
    private static Function<List<JournalLine>, List<JournalLine>> visibleLines(Caller caller) {
        if (!caller.isPartner()) {
            return Function.identity();
        }
        String own = caller.partnerId();
        return lines -> lines.stream().anyMatch(l -> own.equals(l.partnerId()))
                ? lines.stream().filter(l -> l.partnerId() == null || own.equals(l.partnerId())).toList()
                : List.of();
    }

    private static Map<String, Account> loadAccounts(EntityManager em) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        em.createQuery("SELECT a FROM AccountEntity a ORDER BY a.code", AccountEntity.class).getResultList()
                .forEach(a -> accounts.put(a.toAccount().code(), a.toAccount()));
        return accounts;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private JournalEntry insert(PostingStore store, JournalEntryDraft draft, List<JournalLine> lines, Caller caller,
            Long reverses) {
        Instant postedAt = now();
        String description = draft.description().strip();
        long id = store.insert(draft, description, lines, caller.username(), postedAt, reverses);
        return new JournalEntry(id, draft.date(), description, draft.source(), lines, caller.username(), postedAt,
                reverses, draft.journal());
    }

    /** Builds API entries with their lines (loaded in chunks), filtering lines through {@code visible}. */
    private List<JournalEntry> toEntries(EntityManager em, List<JournalEntryEntity> headers,
            Function<List<JournalLine>, List<JournalLine>> visible) {
        Currency currentBase = base;
        Map<Long, List<JournalLine>> linesByEntry = new LinkedHashMap<>();
        List<Long> ids = headers.stream().map(JournalEntryEntity::getId).toList();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            em.createQuery("SELECT l FROM JournalLineEntity l WHERE l.entryId IN :ids ORDER BY l.entryId, l.lineNo",
                            JournalLineEntity.class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(l -> linesByEntry.computeIfAbsent(l.getEntryId(), k -> new ArrayList<>())
                            .add(l.toLine(currentBase)));
        }
        List<JournalEntry> entries = new ArrayList<>();
        for (JournalEntryEntity h : headers) {
            List<JournalLine> lines = visible.apply(linesByEntry.getOrDefault(h.getId(), List.of()));
            entries.add(new JournalEntry(h.getId(), h.getDate(), h.getDescription(), h.getSource(), lines,
                    h.getPostedBy(), h.getPostedAt(), h.getReverses(), h.getJournal()));
        }
        return entries;
    }
}
