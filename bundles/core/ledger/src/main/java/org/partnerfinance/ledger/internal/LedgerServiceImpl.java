package org.partnerfinance.ledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.Balance;
import org.partnerfinance.ledger.api.JournalEntry;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The double-entry ledger on the {@code ledger} persistence unit. Finance staff and the platform ({@link
 * Caller#system()}) post and reverse; finance staff and administrators read every partner's entries; partner users read
 * their own partner's only. A reversal is audited in the unit of work that posts it (postings made for a claim are
 * audited by the claims service with the claim's change).
 */
@Component(service = LedgerService.class)
public class LedgerServiceImpl implements LedgerService {

    static final String UNIT = "ledger";
    static final List<String> ENTITY_CLASSES = List.of(AccountEntity.class.getName(),
            JournalEntryEntity.class.getName(), JournalLineEntity.class.getName(), UtcInstantConverter.class.getName());

    private static final int MAX_REASON = 300;

    /** Lines are loaded for at most this many entries per query. */
    private static final int IN_CHUNK = 500;

    private final Jpa jpa;
    private final AuditTrail audit;
    private final Clock clock;

    @Activate
    public LedgerServiceImpl(@Reference(name = "persistence") PersistenceService persistence, BundleContext context,
            @Reference(name = "audit") AuditTrail audit) {
        this(persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), ENTITY_CLASSES, "db/ledger")),
                audit, Clock.systemDefaultZone());
    }

    LedgerServiceImpl(Jpa jpa, AuditTrail audit, Clock clock) {
        this.jpa = jpa;
        this.audit = audit;
        this.clock = clock;
    }

    @Deactivate
    void deactivate() {
        jpa.close();
    }

    @Override
    public List<Account> accounts() {
        return jpa.tx(em -> List.copyOf(loadAccounts(em).values()));
    }

    @Override
    public JournalEntry post(Caller caller, JournalEntryDraft draft) {
        Access.requireFinance(caller);
        return jpa.tx(em -> {
            LedgerRules.checkPostable(draft, loadAccounts(em).keySet());
            return insert(em, draft, caller, null);
        });
    }

    @Override
    public JournalEntry reverse(Caller caller, long entryId, String reason) {
        Access.requireFinance(caller);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Give a reason for the reversal.");
        }
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("A reversal reason has at most " + MAX_REASON + " characters.");
        }
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
            JournalEntryDraft reversal = LedgerRules.reversalOf(entry, LocalDate.now(clock), reason);
            LedgerRules.checkPostable(reversal, loadAccounts(em).keySet());
            JournalEntry posted = insert(em, reversal, caller, entryId);
            // in the same unit of work: no reversal without its audit record, and no record without the reversal
            audit.append(new AuditEvent(caller.username(), "ledger.entry-reversed", "journal-entry",
                    Long.toString(entryId), "", "reversedBy=" + posted.id() + "; reason=" + reason.strip()));
            return posted;
        });
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
                            (JournalLine.Side) row[2], (java.math.BigDecimal) row[3]))
                    .toList();
            return LedgerRules.balances(partnerId, loadAccounts(em), totals);
        });
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

    private JournalEntry insert(EntityManager em, JournalEntryDraft draft, Caller caller, Long reverses) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        JournalEntryEntity header = new JournalEntryEntity(draft.date(), draft.description().strip(), draft.source(),
                caller.username(), now, reverses);
        em.persist(header);
        em.flush(); // assigns the identity the lines refer to
        int lineNo = 1;
        for (JournalLine line : draft.lines()) {
            em.persist(new JournalLineEntity(header.getId(), lineNo++, line));
        }
        return new JournalEntry(header.getId(), header.getDate(), header.getDescription(), header.getSource(),
                draft.lines(), header.getPostedBy(), header.getPostedAt(), reverses);
    }

    /** Builds API entries with their lines (loaded in chunks), filtering lines through {@code visible}. */
    private static List<JournalEntry> toEntries(EntityManager em, List<JournalEntryEntity> headers,
            Function<List<JournalLine>, List<JournalLine>> visible) {
        Map<Long, List<JournalLine>> linesByEntry = new LinkedHashMap<>();
        List<Long> ids = headers.stream().map(JournalEntryEntity::getId).toList();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            em.createQuery("SELECT l FROM JournalLineEntity l WHERE l.entryId IN :ids ORDER BY l.entryId, l.lineNo",
                            JournalLineEntity.class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(l -> linesByEntry.computeIfAbsent(l.getEntryId(), k -> new ArrayList<>()).add(l.toLine()));
        }
        List<JournalEntry> entries = new ArrayList<>();
        for (JournalEntryEntity h : headers) {
            List<JournalLine> lines = visible.apply(linesByEntry.getOrDefault(h.getId(), List.of()));
            entries.add(new JournalEntry(h.getId(), h.getDate(), h.getDescription(), h.getSource(), lines,
                    h.getPostedBy(), h.getPostedAt(), h.getReverses()));
        }
        return entries;
    }
}
