package org.partnerfinance.documents.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;

import org.osgi.framework.BundleContext;
import org.partnerfinance.audit.api.AuditProofs;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.internal.AuditConfiguration;
import org.partnerfinance.audit.internal.AuditTrailImpl;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.ledger.api.Account;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.internal.LedgerServiceImpl;
import org.partnerfinance.partner.internal.PartnerServiceImpl;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;

/**
 * The real audit trail, ledger, partner and documents services on one test database, for the connectors core's
 * database tests: an export marks payments SENT through the documents service inside its own unit of work, and only
 * the real services on the same database show that both commit or roll back together. It lives in the documents'
 * internal package because the documents engine is wired by its package-private constructor (as in the documents
 * bundle's own DocumentsDbBase).
 */
public final class DocumentsHarness {

    public final AuditTrail audit;
    public final LedgerService ledger;
    public final PartnerServiceImpl partners;
    public final DocumentService documents;

    public DocumentsHarness(TestPersistence db, Path etc, Clock clock) {
        audit = new AuditTrailImpl(db.persistenceService(), context(AuditTrailImpl.class, etc),
                defaults(AuditConfiguration.class));
        ledger = new LedgerServiceImpl(db.persistenceService(), context(LedgerServiceImpl.class, etc), audit);
        for (Account a : DocumentAccounts.ACCOUNTS) {
            ledger.openAccount(Caller.system(), a.code(), a.name(), a.type());
        }
        partners = new PartnerServiceImpl(db.persistenceService(), db.unitOfWork(), audit,
                context(PartnerServiceImpl.class, etc));
        DocumentsEngine engine = new DocumentsEngine(new Collections.Thresholds(1, 15, 30),
                db.persistenceService().open(new PersistenceUnitSpec(DocumentsEngine.UNIT,
                        TestPersistence.bundleOf(DocumentsEngine.class), DocumentsEngine.ENTITY_CLASSES,
                        "db/documents")),
                db.unitOfWork(), ledger, audit, partners, clock);
        DocumentServiceImpl impl = new DocumentServiceImpl(engine);
        impl.proofs = (AuditProofs) audit;
        documents = impl;
    }

    static <A> A defaults(Class<A> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getName().equals("annotationType") ? type
                        : method.getDefaultValue()));
    }

    /** A bundle context of the bundle holding the component, with Karaf's etc/ folder at {@code etc}. */
    public static BundleContext context(Class<?> component, Path etc) {
        return (BundleContext) Proxy.newProxyInstance(DocumentsHarness.class.getClassLoader(),
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
}
