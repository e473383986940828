package org.partnerfinance.documents.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.BundleContext;
import org.partnerfinance.audit.api.AuditProofs;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.internal.AuditConfiguration;
import org.partnerfinance.audit.internal.AuditTrailImpl;
import org.partnerfinance.documents.api.AllocationRequest;
import org.partnerfinance.documents.api.BankConfirmation;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Dispute;
import org.partnerfinance.documents.api.DisputeAttachment;
import org.partnerfinance.documents.api.DisputeDraft;
import org.partnerfinance.documents.api.DisputeStatus;
import org.partnerfinance.documents.api.DisputeSubject;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.documents.api.DuplicateDocumentException;
import org.partnerfinance.documents.api.DunningLevel;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.documents.api.OverdueItem;
import org.partnerfinance.documents.api.Page;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentDraft;
import org.partnerfinance.documents.api.PaymentMethod;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.api.Reconciliation;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.JournalEntryDraft;
import org.partnerfinance.ledger.api.JournalLine;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.internal.LedgerServiceImpl;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.internal.PartnerServiceImpl;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The documents services with the real ledger, audit trail and partner services on one database (in-memory Derby,
 * or PostgreSQL in the *PostgresTest subclasses) through the real unit of work.
 */
public abstract class DocumentsDbBase {

    static final Caller FINANCE = new Caller("finance", null, Set.of(Role.FINANCE_REVIEWER), null);
    static final Caller MANAGER = new Caller("manager", null, Set.of(Role.FINANCE_MANAGER), null);
    static final Caller INTEGRATOR = new Caller("erp", null, Set.of(Role.INTEGRATOR), null);
    static final Caller ACME = new Caller("acme-user", null, Set.of(Role.PARTNER_USER), "P-1001");
    static final Caller GLOBEX = new Caller("globex-user", null, Set.of(Role.PARTNER_USER), "P-2002");
    static final LocalDate TODAY = LocalDate.of(2025, 3, 20);

    @ClassRule
    public static final TemporaryFolder ETC = new TemporaryFolder();

    TestPersistence db;
    LedgerService ledger;
    DocumentServiceImpl documents;
    StatementServiceImpl statements;
    DisputeServiceImpl disputes;
    PartnerServiceImpl partners;
    DocumentsEngine engine;

    protected TestPersistence newDatabase() {
        return TestPersistence.inMemory();
    }

    static <A> A defaults(Class<A> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getName().equals("annotationType") ? type
                        : method.getDefaultValue()));
    }

    static BundleContext contextOf(Class<?> component) {
        return contextFor(component, ETC.getRoot().toPath());
    }

    /** A bundle context of the bundle holding the component, with Karaf's etc/ folder at {@code etc}. */
    static BundleContext contextFor(Class<?> component, java.nio.file.Path etc) {
        return (BundleContext) Proxy.newProxyInstance(DocumentsDbBase.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getBundle")) {
                        return TestPersistence.bundleOf(component);
                    }
                    if (method.getName().equals("getProperty") && "karaf.etc".equals(args[0])) {
                        return etc.toAbsolutePath().toString();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Before
    public void setUp() {
        db = newDatabase();
        AuditTrail audit = new AuditTrailImpl(db.persistenceService(), contextOf(AuditTrailImpl.class),
                defaults(AuditConfiguration.class));
        ledger = new LedgerServiceImpl(db.persistenceService(), contextOf(LedgerServiceImpl.class), audit);
        for (Account a : DocumentAccounts.ACCOUNTS) {
            ledger.openAccount(Caller.system(), a.code(), a.name(), a.type());
        }
        partners = new PartnerServiceImpl(db.persistenceService(), db.unitOfWork(), audit,
                contextOf(PartnerServiceImpl.class));
        partners.create(Caller.system(), "P-1001", "Acme Resellers", PartnerKind.RESELLER, Currency.getInstance("EUR"));
        partners.create(Caller.system(), "P-2002", "Globex", PartnerKind.DISTRIBUTOR, Currency.getInstance("EUR"));
        engine = new DocumentsEngine(new Collections.Thresholds(1, 15, 30),
                db.persistenceService().open(new PersistenceUnitSpec(DocumentsEngine.UNIT,
                        TestPersistence.bundleOf(DocumentsEngine.class), DocumentsEngine.ENTITY_CLASSES,
                        "db/documents")),
                db.unitOfWork(), ledger, audit, partners,
                Clock.fixed(Instant.parse("2025-03-20T10:00:00Z"), ZoneOffset.UTC));
        documents = new DocumentServiceImpl(engine);
        statements = new StatementServiceImpl(engine);
        disputes = new DisputeServiceImpl(engine);
        documents.proofs = (AuditProofs) audit;
        disputes.proofs = (AuditProofs) audit;
    }

    @After
    public void tearDown() {
        db.close();
    }

    static LineDraft line(String description, String qty, String price, String category, String rate) {
        return new LineDraft(description, new BigDecimal(qty), new BigDecimal(price), category, new BigDecimal(rate));
    }

    static DocumentDraft invoice(String partner, Direction direction, String number, LocalDate issued, String net) {
        return new DocumentDraft(partner, direction, DocumentKind.INVOICE, number, issued, null, "EUR",
                List.of(line("Goods", "1", net, "S", "20")), null, null, "SAP", "");
    }

    Document receivable(String number, LocalDate issued, String net) {
        return documents.create(FINANCE, invoice("P-1001", Direction.RECEIVABLE, number, issued, net));
    }

    static PaymentDraft payment(Direction direction, String amount, PaymentStatus status, LocalDate valueDate,
            String remittance, String bankReference, List<AllocationRequest> allocations) {
        return new PaymentDraft("P-1001", direction, new BigDecimal(amount), "EUR", PaymentMethod.BANK_TRANSFER,
                valueDate, status, remittance, null, "SAP", bankReference, allocations);
    }

    BigDecimal ledgerBalance(String account, String partner) {
        if (partner == null) {
            return ledger.accountBalance(FINANCE, account, Currency.getInstance("EUR"), TODAY).amount();
        }
        return ledger.partnerBalances(FINANCE, account, Currency.getInstance("EUR"), TODAY)
                .getOrDefault(partner, Money.of("0", "EUR")).amount();
    }

}
