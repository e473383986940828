package org.partnerfinance.claims.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.internal.AuditConfiguration;
import org.partnerfinance.audit.internal.AuditTrailImpl;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimType;
import org.partnerfinance.claims.api.ComplianceRule;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.internal.LedgerServiceImpl;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.partner.internal.PartnerServiceImpl;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;

/**
 * The real claims service with the real audit trail, ledger and partner services on a test database, wired as DS
 * wires them in the distribution (every extension switched on, no listeners). Public, in the claims test-jar, so the
 * database tests and benchmarks of the claim-type and rule bundles run against the real core instead of a stand-in.
 * Reference limits: reviewers approve up to EUR 10,000, managers up to EUR 250,000; the default approval chains.
 */
public final class ClaimsTestStack {

    /** Where the audit trail keeps its signing key: one folder per JVM, deleted when it exits. */
    private static final Path ETC = createEtc();

    private final AuditTrailImpl audit;
    private final LedgerServiceImpl ledger;
    private final PartnerServiceImpl partners;
    private final ClaimServiceImpl claims;

    private ClaimsTestStack(TestPersistence db, Clock clock, List<String> partnerIds) {
        audit = new AuditTrailImpl(db.persistenceService(), contextOf(AuditTrailImpl.class),
                TestClaims.defaults(AuditConfiguration.class));
        ledger = new LedgerServiceImpl(db.persistenceService(), contextOf(LedgerServiceImpl.class), audit);
        partners = new PartnerServiceImpl(db.persistenceService(), db.unitOfWork(), audit,
                contextOf(PartnerServiceImpl.class));
        for (String partner : partnerIds) {
            partners.create(Caller.system(), partner, "Test partner " + partner, PartnerKind.RESELLER,
                    Currency.getInstance("EUR"));
        }
        claims = new ClaimServiceImpl(new ApprovalLimits(ApprovalLimits.parse("reviewer", "EUR 10000"),
                ApprovalLimits.parse("manager", "EUR 250000")), TestClaims.chains(),
                db.persistenceService().open(new PersistenceUnitSpec(ClaimServiceImpl.UNIT,
                        TestPersistence.bundleOf(ClaimServiceImpl.class), ClaimServiceImpl.ENTITY_CLASSES,
                        "db/claims")),
                db.unitOfWork(), ledger, audit, partners, clock);
        claims.toggles = TestClaims.allSwitchedOn();
        claims.listeners = List.of();
    }

    /** The services on {@code db}, with these EUR partners created; no claim types, no compliance rules yet. */
    public static ClaimsTestStack on(TestPersistence db, List<String> partnerIds) {
        return new ClaimsTestStack(db, Clock.systemUTC(), partnerIds);
    }

    public ClaimService claims() {
        return claims;
    }

    public LedgerService ledger() {
        return ledger;
    }

    public AuditTrail audit() {
        return audit;
    }

    public PartnerService partners() {
        return partners;
    }

    /** Installs a claim type as its bundle would: with its extension id and kind as service properties. */
    public ClaimsTestStack withClaimType(ClaimType type) {
        claims.claimTypes = List.of(Map.entry(Map.of(ExtensionConstants.EXTENSION_ID, type.id(),
                ExtensionConstants.EXTENSION_KIND, "claim-type"), type));
        return this;
    }

    /** Binds compliance rules with their service properties (which types, what they replace), as DS would. */
    public ClaimsTestStack withComplianceRules(List<Map.Entry<Map<String, ?>, ComplianceRule>> rules) {
        claims.complianceRules = List.copyOf(rules);
        return this;
    }

    /**
     * A claim type like the expense extension's: a required category (travel, hotel, meals), a receipt (PDF, PNG or
     * JPEG of at most 1,024 bytes), no future dates; accrues to partner expenses.
     */
    public static ClaimType expenseType() {
        return TestClaims.EXPENSE_TYPE;
    }

    private static BundleContext contextOf(Class<?> component) {
        return (BundleContext) Proxy.newProxyInstance(ClaimsTestStack.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getBundle")) {
                        return TestPersistence.bundleOf(component);
                    }
                    if (method.getName().equals("getProperty") && "karaf.etc".equals(args[0])) {
                        return ETC.toString(); // the audit key file goes there
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Path createEtc() {
        try {
            Path etc = Files.createTempDirectory("pf-test-etc");
            etc.toFile().deleteOnExit();
            return etc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
