package org.partnerfinance.connector.camt.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.connector.camt.BankEntryView;
import org.partnerfinance.connector.camt.EntryStatus;
import org.partnerfinance.connector.camt.SplitCandidate;
import org.partnerfinance.connector.camt.SplitPart;
import org.partnerfinance.connector.camt.SplitProposal;
import org.partnerfinance.connector.camt.Suggestion;
import org.partnerfinance.connector.camt.SuggestionKind;
import org.partnerfinance.connectors.api.ItemWork;
import org.partnerfinance.documents.api.AllocationRequest;
import org.partnerfinance.documents.api.BankConfirmation;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.Page;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentDraft;
import org.partnerfinance.documents.api.PaymentMethod;
import org.partnerfinance.documents.api.PaymentQuery;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.BankAccount;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceException;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Caller;

/**
 * The camt bundle's records (persistence unit {@code camt}, tables {@code camt_entry} and {@code camt_suggestion}) and
 * what a bank entry does to payments: the import's automatic match and finance's match from the queue end in the same
 * confirmation ({@code apply}). Shared by the connector and the queue service of this bundle; not an API.
 */
@Component(service = CamtBook.class)
public class CamtBook {

    static final String UNIT = "camt";
    static final String ENTITY = "bank-entry";
    static final String SOURCE = "camt";
    /** Who resolved an entry the import matched itself. */
    static final String BY_IMPORT = "import";

    private final Jpa jpa;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final DocumentService documents;
    private final PartnerService partners;
    private final Clock clock;

    @Activate
    public CamtBook(BundleContext context, @Reference(name = "persistence") PersistenceService persistence,
            @Reference(name = "unitOfWork") UnitOfWork unitOfWork, @Reference(name = "audit") AuditTrail audit,
            @Reference(name = "documents") DocumentService documents,
            @Reference(name = "partners") PartnerService partners) {
        this(persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), List.of(), "db/camt")), unitOfWork,
                audit, documents, partners, Clock.systemUTC());
    }

    CamtBook(Jpa jpa, UnitOfWork unitOfWork, AuditTrail audit, DocumentService documents, PartnerService partners,
            Clock clock) {
        this.jpa = jpa;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.documents = documents;
        this.partners = partners;
        this.clock = clock;
    }

    @Deactivate
    void deactivate() {
        jpa.close();
    }

    UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    DocumentService documents() {
        return documents;
    }

    // ---- the import ------------------------------------------------------------------------------------------

    /**
     * Everything open that bank entries may pay, as the caller sees it, indexed for matching. Read in id order page
     * after page (each page starts after the last id of the one before), so reading 100,000 open items costs each
     * page the same: with offset paging the database sorted and stepped over every earlier item again on each page.
     */
    EntryMatcher openItems(Caller caller) {
        Map<String, String> partnerNames = new HashMap<>();
        List<OpenItem> docs = new ArrayList<>();
        for (DocumentStatus status : List.of(DocumentStatus.OPEN, DocumentStatus.PARTIALLY_SETTLED)) {
            DocumentQuery query = new DocumentQuery(null, null, DocumentKind.INVOICE, status, null, null, null, null,
                    DocumentQuery.Sort.ISSUE_DATE, true, 0, DocumentQuery.MAX_LIMIT);
            long after = 0;
            while (true) {
                List<Document> page = documents.searchAfter(caller, query, after);
                for (Document d : page) {
                    partnerNames.putIfAbsent(d.partnerId(), d.partnerName());
                    if (d.open().amount().signum() > 0) {
                        docs.add(documentItem(d));
                    }
                }
                if (page.size() < query.limit()) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
        }
        List<OpenItem> pays = new ArrayList<>();
        for (PaymentStatus status : List.of(PaymentStatus.SENT, PaymentStatus.REPORTED, PaymentStatus.SCHEDULED)) {
            PaymentQuery query = new PaymentQuery(null, null, status, null, null, 0, DocumentQuery.MAX_LIMIT);
            long after = 0;
            while (true) {
                List<Payment> page = documents.paymentsAfter(caller, query, after);
                for (Payment p : page) {
                    pays.add(paymentItem(p, partnerNames.get(p.partnerId())));
                }
                if (page.size() < query.limit()) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
        }
        return new EntryMatcher(pays, docs, accounts(caller));
    }

    /** The partners' bank accounts the caller may see, by IBAN (see {@link EntryMatcher#accountIndex}). */
    private Map<String, String> accounts(Caller caller) {
        Map<String, String> ibanByPartner = new HashMap<>();
        for (Partner p : partners.list(caller)) {
            if (!p.bankAccount().isEmpty()) {
                ibanByPartner.put(p.id(), p.bankAccount().iban());
            }
        }
        return EntryMatcher.accountIndex(ibanByPartner);
    }

    static OpenItem documentItem(Document d) {
        return new OpenItem(SuggestionKind.DOCUMENT, d.id(), d.version(), d.partnerId(), d.partnerName(),
                d.direction(), d.open().amount(), d.open().currency().getCurrencyCode(), null, null,
                List.of(d.number()), List.of(d.id()), d.partnerName() + " · " + d.direction().id() + " " + d.number()
                        + " (open " + d.open().amount().toPlainString() + ")", d.dueDate());
    }

    static OpenItem paymentItem(Payment p, String partnerName) {
        List<String> numbers = p.allocations().stream().map(a -> a.documentNumber()).toList();
        List<Long> ids = p.allocations().stream().map(a -> a.documentId()).toList();
        String label = (partnerName == null ? p.partnerId() : partnerName) + " · payment " + p.id() + " "
                + p.status().name().toLowerCase(java.util.Locale.ROOT)
                + (p.endToEndId() == null ? "" : " e2e " + p.endToEndId())
                + (numbers.isEmpty() ? "" : " for " + String.join(", ", numbers));
        return new OpenItem(SuggestionKind.PAYMENT, p.id(), p.version(), p.partnerId(), partnerName, p.direction(),
                p.amount().amount(), p.amount().currency().getCurrencyCode(), p.endToEndId(), p.remittance(), numbers,
                ids, label);
    }

    /**
     * One entry of a file, in the current unit of work: matched and confirmed if the evidence is unambiguous,
     * otherwise queued with its suggestions; recorded and audited either way. An entry recorded before (same key) is
     * left as it is.
     */
    ItemWork.Done settle(Caller caller, BankEntry entry, EntryMatcher matcher) {
        String key = entry.externalId();
        Optional<Long> earlier = jdbc(c -> findId(c, key));
        if (earlier.isPresent()) {
            return new ItemWork.Done(ENTITY, earlier.get());
        }
        List<EntryMatcher.Scored> ranked = matcher.rank(entry);
        Optional<EntryMatcher.Scored> match = EntryMatcher.confident(entry, ranked);
        Instant now = now();
        long id = jdbc(c -> insert(c, key, entry, now));
        if (match.isPresent()) {
            OpenItem target = match.get().item();
            long paymentId = apply(caller, entry, entry.bankReference(), target.kind(), target.id());
            String how = match.get().reason() + " → " + target.label();
            jdbc(c -> resolve(c, id, 0, EntryStatus.MATCHED, paymentId, BY_IMPORT, now, how));
            matcher.settled(target.kind(), target.id());
            audit.append(new AuditEvent(caller.username(), "camt.entry-matched", ENTITY, Long.toString(id), "",
                    describe(entry) + "; payment=" + paymentId + "; by=import; evidence=" + match.get().reason()));
        } else {
            jdbc(c -> {
                insertSuggestions(c, id, ranked);
                return null;
            });
            audit.append(new AuditEvent(caller.username(), "camt.entry-queued", ENTITY, Long.toString(id), "",
                    describe(entry) + "; suggestions=" + ranked.size()));
        }
        return new ItemWork.Done(ENTITY, id);
    }

    /**
     * Confirms what the entry pays, in the current unit of work, and answers the payment's id: an open payment is
     * confirmed with the entry's bank reference and booking date; for an open document the payment of the entry's
     * amount is recorded, allocated to it (at most what is open), and confirmed.
     */
    long apply(Caller caller, BankEntry entry, String bankReference, SuggestionKind kind, long targetId) {
        check(kind != SuggestionKind.SPLIT, "A split across documents names each document with its amount: split "
                + "the entry instead of matching it.");
        Direction direction = entry.credit() ? Direction.RECEIVABLE : Direction.PAYABLE;
        BankConfirmation confirmation = new BankConfirmation(bankReference, entry.bookingDate());
        if (kind == SuggestionKind.PAYMENT) {
            Payment p = documents.findPayment(caller, targetId)
                    .orElseThrow(() -> new IllegalArgumentException("Payment " + targetId + " does not exist."));
            check(p.direction() == direction, "Payment " + targetId + " is " + p.direction().id() + ", the entry "
                    + (entry.credit() ? "a credit (receivable)" : "a debit (payable)") + ".");
            check(p.amount().currency().getCurrencyCode().equals(entry.currency()), "Payment " + targetId + " is in "
                    + p.amount().currency().getCurrencyCode() + ", the entry in " + entry.currency() + ".");
            check(p.amount().amount().compareTo(entry.amount()) == 0, "Payment " + targetId + " is "
                    + p.amount().amount().toPlainString() + ", the entry " + entry.amount().toPlainString() + ".");
            check(p.status() != PaymentStatus.CONFIRMED || bankReference.equals(p.bankReference()),
                    "Payment " + targetId + " is confirmed already (bank reference " + p.bankReference() + ").");
            return documents.confirmPayment(caller, p.id(), p.version(), confirmation).id();
        }
        Document d = documents.find(caller, targetId)
                .orElseThrow(() -> new IllegalArgumentException("Document " + targetId + " does not exist."));
        check(d.direction() == direction, "Document " + d.number() + " is " + d.direction().id() + ", the entry "
                + (entry.credit() ? "a credit (receivable)" : "a debit (payable)") + ".");
        check(d.kind() == DocumentKind.INVOICE, "Document " + d.number() + " is a credit note.");
        check(d.open().currency().getCurrencyCode().equals(entry.currency()), "Document " + d.number() + " is in "
                + d.open().currency().getCurrencyCode() + ", the entry in " + entry.currency() + ".");
        check(d.open().amount().signum() > 0, "Document " + d.number() + " has nothing open.");
        BigDecimal allocated = entry.amount().min(d.open().amount());
        Payment recorded = documents.recordPayment(caller, new PaymentDraft(d.partnerId(), d.direction(),
                entry.amount(), entry.currency(), PaymentMethod.BANK_TRANSFER,
                entry.valueDate() == null ? entry.bookingDate() : entry.valueDate(), PaymentStatus.REPORTED,
                clip(entry.remittance() == null ? entry.label() : entry.remittance(), 500),
                clip(entry.endToEndId(), 100), SOURCE, null, List.of(new AllocationRequest(d.id(), allocated))));
        return documents.confirmPayment(caller, recorded.id(), recorded.version(), confirmation).id();
    }

    // ---- splits ------------------------------------------------------------------------------------------------

    /** A proposal lists at most this many documents; a split names at most this many. */
    static final int MAX_SPLIT_DOCUMENTS = 200;

    /**
     * The open invoices of a partner an entry may be split across, oldest due first, with the entry's amount spread
     * greedily; without a partner: the one whose bank account is the counterparty's IBAN, else the best suggestion's.
     */
    SplitProposal splitProposal(Caller caller, Stored stored, String partnerId) {
        BankEntry entry = stored.entry();
        Partner partner;
        String basis;
        if (partnerId != null && !partnerId.isBlank()) {
            partner = partners.find(caller, partnerId.strip()).orElseThrow(() -> new IllegalArgumentException(
                    "Partner " + partnerId.strip() + " is not known."));
            basis = "chosen";
        } else {
            Optional<String> byAccount = EntryMatcher.iban(entry.counterpartyIban())
                    .map(iban -> accounts(caller).get(iban));
            Optional<String> bySuggestion = stored.view().suggestions().stream().map(Suggestion::partnerId)
                    .findFirst();
            String id = byAccount.or(() -> bySuggestion).orElse(null);
            if (id == null) {
                return new SplitProposal(null, null, "the entry names no partner: choose one", List.of());
            }
            partner = partners.find(caller, id).orElse(null);
            if (partner == null) {
                return new SplitProposal(null, null, "the entry names no partner: choose one", List.of());
            }
            basis = byAccount.isPresent() ? "the counterparty's account " + BankAccount.normalise(
                    entry.counterpartyIban()) : "the best suggestion";
        }
        // as in matching: a document an open (sent, reported, scheduled) payment already pays is that payment's
        Set<Long> paidByOpenPayments = paidByOpenPayments(caller, partner.id(), direction(entry));
        List<Document> open = openInvoices(caller, partner.id(), direction(entry), entry.currency()).stream()
                .filter(d -> !paidByOpenPayments.contains(d.id())).toList();
        List<BigDecimal> proposed = Splits.greedy(entry.amount(), open.stream().map(d -> d.open().amount())
                .toList());
        List<SplitCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            Document d = open.get(i);
            candidates.add(new SplitCandidate(d.id(), d.number(), d.issueDate(), d.dueDate(), d.open(),
                    proposed.get(i)));
        }
        return new SplitProposal(partner.id(), partner.name(), basis, candidates);
    }

    private Set<Long> paidByOpenPayments(Caller caller, String partnerId, Direction direction) {
        Set<Long> ids = new HashSet<>();
        for (PaymentStatus status : List.of(PaymentStatus.SENT, PaymentStatus.REPORTED, PaymentStatus.SCHEDULED)) {
            int offset = 0;
            while (true) {
                Page<Payment> page = documents.payments(caller, new PaymentQuery(partnerId, direction, status, null,
                        null, offset, DocumentQuery.MAX_LIMIT));
                page.items().forEach(p -> p.allocations().forEach(a -> ids.add(a.documentId())));
                offset += page.items().size();
                if (page.items().isEmpty() || offset >= page.total()) {
                    break;
                }
            }
        }
        return ids;
    }

    /** A partner's open invoices of a direction and currency, oldest due first, at most {@value #MAX_SPLIT_DOCUMENTS}. */
    private List<Document> openInvoices(Caller caller, String partnerId, Direction direction, String currency) {
        List<Document> out = new ArrayList<>();
        for (DocumentStatus status : List.of(DocumentStatus.OPEN, DocumentStatus.PARTIALLY_SETTLED)) {
            int offset = 0;
            int taken = 0;
            while (taken < MAX_SPLIT_DOCUMENTS) {
                Page<Document> page = documents.search(caller, new DocumentQuery(partnerId, direction,
                        DocumentKind.INVOICE, status, null, null, null, null, DocumentQuery.Sort.DUE_DATE, true,
                        offset, DocumentQuery.MAX_LIMIT));
                for (Document d : page.items()) {
                    if (d.open().amount().signum() > 0 && d.open().currency().getCurrencyCode().equals(currency)
                            && taken < MAX_SPLIT_DOCUMENTS) {
                        out.add(d);
                        taken++;
                    }
                }
                offset += page.items().size();
                if (page.items().isEmpty() || offset >= page.total()) {
                    break;
                }
            }
        }
        out.sort(Comparator.comparing(Document::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Document::issueDate).thenComparingLong(Document::id));
        return out.size() <= MAX_SPLIT_DOCUMENTS ? out : new ArrayList<>(out.subList(0, MAX_SPLIT_DOCUMENTS));
    }

    /** What a split did: the confirmed payment, and its parts in words (for the entry's resolution and the audit). */
    record SplitDone(long paymentId, String parts, BigDecimal onAccount) {
    }

    /**
     * Splits an entry across open invoices of one partner, in the current unit of work: everything is checked before
     * anything is written; then one payment of the entry's amount is recorded with the parts as its allocations and
     * confirmed with the entry's bank reference and booking date. Only a credit (money in: the partner paid) may leave
     * a remainder, on the partner's account as the payment's unapplied amount, and only when asked to: money the
     * company paid out is a payment of documents, and an amount beyond them is not a prepayment the bank file can
     * tell.
     */
    SplitDone split(Caller caller, BankEntry entry, String bankReference, List<SplitPart> parts,
            boolean remainderOnAccount) {
        check(parts != null && !parts.isEmpty(), "Choose the documents the entry pays, with an amount for each.");
        check(parts.size() <= MAX_SPLIT_DOCUMENTS, "A split names at most " + MAX_SPLIT_DOCUMENTS + " documents.");
        Direction direction = direction(entry);
        Currency currency = Currency.getInstance(entry.currency());
        // at the currency's scale, as people read it (357.00, not 357)
        BigDecimal total = new Money(entry.amount(), currency).amount();
        Set<Long> seen = new HashSet<>();
        List<AllocationRequest> allocations = new ArrayList<>();
        List<String> described = new ArrayList<>();
        String partnerId = null;
        BigDecimal sum = BigDecimal.ZERO;
        for (SplitPart part : parts) {
            check(part != null, "A part of the split is empty.");
            check(seen.add(part.documentId()), "Document " + part.documentId() + " is named twice.");
            Document d = documents.find(caller, part.documentId()).orElseThrow(() -> new IllegalArgumentException(
                    "Document " + part.documentId() + " does not exist."));
            check(d.kind() == DocumentKind.INVOICE, "Document " + d.number() + " is a credit note.");
            check(d.direction() == direction, "Invoice " + d.number() + " is " + d.direction().id() + ", the entry "
                    + (entry.credit() ? "a credit (receivable)" : "a debit (payable)") + ".");
            check(d.open().currency().equals(currency), "Invoice " + d.number() + " is in "
                    + d.open().currency().getCurrencyCode() + ", the entry in " + entry.currency() + ".");
            if (partnerId == null) {
                partnerId = d.partnerId();
            }
            check(d.partnerId().equals(partnerId), "Invoice " + d.number() + " is partner " + d.partnerId()
                    + "'s, the other documents partner " + partnerId + "'s: one entry pays one partner.");
            check(part.amount() != null && part.amount().signum() > 0, "The amount for invoice " + d.number()
                    + " must be positive.");
            Money amount;
            try {
                amount = new Money(part.amount(), currency);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The amount for invoice " + d.number() + ": " + e.getMessage(), e);
            }
            check(d.open().amount().signum() > 0, "Invoice " + d.number() + " has nothing open.");
            check(amount.amount().compareTo(d.open().amount()) <= 0, "Invoice " + d.number() + " has only "
                    + d.open().amount().toPlainString() + " " + entry.currency() + " open, not "
                    + amount.amount().toPlainString() + ".");
            sum = sum.add(amount.amount());
            allocations.add(new AllocationRequest(d.id(), amount.amount()));
            described.add(d.number() + " " + amount.amount().toPlainString());
        }
        BigDecimal remainder = total.subtract(sum);
        check(remainder.signum() >= 0, "The parts add up to " + sum.toPlainString() + " " + entry.currency()
                + ", more than the entry's " + total.toPlainString() + ".");
        if (remainder.signum() > 0) {
            check(entry.credit(), "The parts add up to " + sum.toPlainString() + " " + entry.currency()
                    + ", the entry is " + total.toPlainString() + ": an outgoing payment is split across "
                    + "documents in full (only money a partner paid may stay on its account).");
            check(remainderOnAccount, "The parts add up to " + sum.toPlainString() + " " + entry.currency()
                    + ", the entry is " + total.toPlainString() + ": " + remainder.toPlainString()
                    + " remain. Leave the remainder on the partner's account or change the amounts.");
        }
        Payment recorded = documents.recordPayment(caller, new PaymentDraft(partnerId, direction, entry.amount(),
                entry.currency(), PaymentMethod.BANK_TRANSFER,
                entry.valueDate() == null ? entry.bookingDate() : entry.valueDate(), PaymentStatus.REPORTED,
                clip(entry.remittance() == null ? entry.label() : entry.remittance(), 500),
                clip(entry.endToEndId(), 100), SOURCE, null, allocations));
        Payment confirmed = documents.confirmPayment(caller, recorded.id(), recorded.version(),
                new BankConfirmation(bankReference, entry.bookingDate()));
        // the confirmation applies at most what a document has open then: all of it, or someone settled it meanwhile
        BigDecimal applied = confirmed.allocations().stream().filter(a -> a.effective())
                .map(a -> a.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (applied.compareTo(sum) != 0) {
            throw new ConcurrentChangeException("A document of the split was settled by someone else meanwhile; "
                    + "reload the entry.", null);
        }
        return new SplitDone(confirmed.id(), String.join(", ", described), remainder);
    }

    private static Direction direction(BankEntry entry) {
        return entry.credit() ? Direction.RECEIVABLE : Direction.PAYABLE;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    static String describe(BankEntry e) {
        return "key=" + e.externalId() + "; " + e.messageType() + "." + e.version() + "; statement=" + e.statementId()
                + "; entry=" + e.entryIndex() + (e.transactionIndex() > 0 ? "." + e.transactionIndex() : "")
                + "; amount=" + (e.credit() ? "" : "-") + e.amount().toPlainString() + " " + e.currency()
                + "; booked=" + e.bookingDate() + "; bankReference=" + e.bankReference();
    }

    // ---- the queue -------------------------------------------------------------------------------------------

    /** The queue's view of an entry, with the entry it was read as (for a later match). */
    record Stored(BankEntryView view, BankEntry entry) {
    }

    List<BankEntryView> list(EntryStatus status, int limit) {
        return jdbcUnit(c -> {
            String sql = "SELECT * FROM camt_entry" + (status == null ? " ORDER BY entry_id DESC"
                    : " WHERE status = ? ORDER BY booking_date, entry_id");
            List<BankEntryView> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setMaxRows(limit);
                if (status != null) {
                    ps.setString(1, status.name());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs).view());
                    }
                }
            }
            List<BankEntryView> withSuggestions = new ArrayList<>();
            for (BankEntryView v : out) {
                withSuggestions.add(withSuggestions(c, v));
            }
            return withSuggestions;
        });
    }

    Optional<Stored> find(long id) {
        return jdbcUnit(c -> findStored(c, id));
    }

    /** In the current unit of work. */
    Optional<Stored> findInUnit(long id) {
        return jdbc(c -> findStored(c, id));
    }

    private Optional<Stored> findStored(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM camt_entry WHERE entry_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Stored s = row(rs);
                return Optional.of(new Stored(withSuggestions(c, s.view()), s.entry()));
            }
        }
    }

    /** Sets an entry's outcome if it still has the expected version. */
    void resolveInUnit(long id, long expectedVersion, EntryStatus status, Long paymentId, String by, String how) {
        jdbc(c -> resolve(c, id, expectedVersion, status, paymentId, by, now(), how));
    }

    AuditTrail audit() {
        return audit;
    }

    // ---- SQL ---------------------------------------------------------------------------------------------------

    private static Optional<Long> findId(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT entry_id FROM camt_entry WHERE entry_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static long insert(Connection c, String key, BankEntry e, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO camt_entry (entry_key, message_type, "
                + "message_version, message_id, statement_id, account, entry_index, tx_index, amount, currency, credit, "
                + "booking_date, value_date, bank_reference, end_to_end_id, creditor_reference, counterparty_name, "
                + "counterparty_iban, remittance, status, created_at, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                Statement.RETURN_GENERATED_KEYS)) {
            int i = 1;
            ps.setString(i++, key);
            ps.setString(i++, e.messageType());
            ps.setString(i++, e.version());
            ps.setString(i++, clip(e.messageId(), 140));
            ps.setString(i++, clip(e.statementId(), 140));
            ps.setString(i++, clip(e.account(), 70));
            ps.setInt(i++, e.entryIndex());
            ps.setInt(i++, e.transactionIndex());
            ps.setBigDecimal(i++, e.amount());
            ps.setString(i++, e.currency());
            ps.setShort(i++, (short) (e.credit() ? 1 : 0));
            ps.setDate(i++, Date.valueOf(e.bookingDate()));
            if (e.valueDate() == null) {
                ps.setNull(i++, Types.DATE);
            } else {
                ps.setDate(i++, Date.valueOf(e.valueDate()));
            }
            ps.setString(i++, e.bankReference());
            ps.setString(i++, clip(e.endToEndId(), 140));
            ps.setString(i++, clip(e.creditorReference(), 140));
            ps.setString(i++, clip(e.counterpartyName(), 140));
            ps.setString(i++, clip(e.counterpartyIban(), 40));
            ps.setString(i++, clip(e.remittance(), 1000));
            ps.setString(i++, EntryStatus.OPEN.name());
            ps.setString(i++, now.toString());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static Void resolve(Connection c, long id, long expectedVersion, EntryStatus status, Long paymentId,
            String by, Instant at, String how) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE camt_entry SET status = ?, payment_id = ?, "
                + "resolved_by = ?, resolved_at = ?, resolution = ?, version = version + 1 "
                + "WHERE entry_id = ? AND version = ? AND status = 'OPEN'")) {
            ps.setString(1, status.name());
            if (paymentId == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, paymentId);
            }
            ps.setString(3, clip(by, 100));
            ps.setString(4, at.toString());
            ps.setString(5, clip(how, 1000));
            ps.setLong(6, id);
            ps.setLong(7, expectedVersion);
            if (ps.executeUpdate() != 1) {
                throw new ConcurrentChangeException("Bank entry " + id + " was changed by someone else meanwhile; "
                        + "reload it.", null);
            }
        }
        return null;
    }

    private static void insertSuggestions(Connection c, long id, List<EntryMatcher.Scored> ranked)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO camt_suggestion (entry_id, rank_no, kind, "
                + "target_id, partner_id, label, amount, currency, score, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement parts = c.prepareStatement("INSERT INTO camt_suggestion_part (entry_id, rank_no, "
                        + "part_no, document_id, amount) VALUES (?, ?, ?, ?, ?)")) {
            int rank = 0;
            int partRows = 0;
            for (EntryMatcher.Scored s : ranked) {
                OpenItem item = s.item();
                ps.setLong(1, id);
                ps.setInt(2, ++rank);
                ps.setString(3, item.kind().name());
                ps.setLong(4, item.id());
                ps.setString(5, clip(item.partnerId(), 64));
                ps.setString(6, clip(item.label(), 255));
                ps.setBigDecimal(7, item.amount());
                ps.setString(8, item.currency());
                ps.setInt(9, s.score());
                ps.setString(10, clip(s.reason(), 500));
                ps.addBatch();
                int partNo = 0;
                for (OpenItem part : s.parts()) {
                    parts.setLong(1, id);
                    parts.setInt(2, rank);
                    parts.setInt(3, ++partNo);
                    parts.setLong(4, part.id());
                    parts.setBigDecimal(5, part.amount());
                    parts.addBatch();
                    partRows++;
                }
            }
            if (rank > 0) {
                ps.executeBatch();
            }
            if (partRows > 0) {
                parts.executeBatch();
            }
        }
    }

    private static Stored row(ResultSet rs) throws SQLException {
        Date value = rs.getDate("value_date");
        long payment = rs.getLong("payment_id");
        Long paymentId = rs.wasNull() ? null : payment;
        BankEntry entry = new BankEntry(rs.getString("message_type"), rs.getString("message_version"),
                rs.getString("message_id"), rs.getString("statement_id"), rs.getString("account"),
                rs.getInt("entry_index"), rs.getInt("tx_index"), rs.getBigDecimal("amount").stripTrailingZeros(),
                rs.getString("currency"), rs.getShort("credit") == 1, false, "BOOK",
                rs.getDate("booking_date").toLocalDate(), value == null ? null : value.toLocalDate(), null,
                rs.getString("end_to_end_id"), rs.getString("counterparty_name"), rs.getString("counterparty_iban"),
                rs.getString("creditor_reference"), rs.getString("remittance"));
        String bankReference = rs.getString("bank_reference");
        BankEntryView view = new BankEntryView(rs.getLong("entry_id"), entry.messageType(), entry.statementId(),
                entry.entryIndex(), entry.transactionIndex(), money(rs.getBigDecimal("amount"), entry.currency()),
                entry.credit(), entry.bookingDate(), entry.valueDate(), bankReference, entry.endToEndId(),
                entry.creditorReference(), entry.counterpartyName(), entry.counterpartyIban(), entry.remittance(),
                EntryStatus.valueOf(rs.getString("status")), paymentId, rs.getString("resolved_by"),
                rs.getString("resolution"), Instant.parse(rs.getString("created_at")), List.of(),
                rs.getLong("version"));
        return new Stored(view, entry);
    }

    private static BankEntryView withSuggestions(Connection c, BankEntryView v) throws SQLException {
        Map<Integer, List<SplitPart>> parts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT rank_no, document_id, amount FROM camt_suggestion_part "
                + "WHERE entry_id = ? ORDER BY rank_no, part_no")) {
            ps.setLong(1, v.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parts.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new SplitPart(rs.getLong(2),
                            money(rs.getBigDecimal(3), v.amount().currency().getCurrencyCode()).amount()));
                }
            }
        }
        List<Suggestion> suggestions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM camt_suggestion WHERE entry_id = ? "
                + "ORDER BY rank_no")) {
            ps.setLong(1, v.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int rank = rs.getInt("rank_no");
                    suggestions.add(new Suggestion(rank, SuggestionKind.valueOf(rs.getString("kind")),
                            rs.getLong("target_id"), rs.getString("partner_id"), rs.getString("label"),
                            money(rs.getBigDecimal("amount"), rs.getString("currency")), rs.getInt("score"),
                            rs.getString("reason"), parts.getOrDefault(rank, List.of())));
                }
            }
        }
        return new BankEntryView(v.id(), v.messageType(), v.statementId(), v.entryIndex(), v.transactionIndex(),
                v.amount(), v.credit(), v.bookingDate(), v.valueDate(), v.bankReference(), v.endToEndId(),
                v.creditorReference(), v.counterpartyName(), v.counterpartyIban(), v.remittance(), v.status(),
                v.paymentId(), v.resolvedBy(), v.resolution(), v.createdAt(), suggestions, v.version());
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount, Currency.getInstance(currency));
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** JDBC on the current unit of work's connection. */
    <T> T jdbc(SqlWork<T> work) {
        return jpa.tx(em -> {
            try {
                return work.run(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new PersistenceException("Bank entries: " + e.getMessage(), e);
            }
        });
    }

    <T> T jdbcUnit(SqlWork<T> work) {
        return unitOfWork.required(() -> jdbc(work));
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
