package org.partnerfinance.partner.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Currency;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.BankAccount;
import org.partnerfinance.partner.api.DunningContact;
import org.partnerfinance.partner.api.PostalAddress;
import org.partnerfinance.partner.api.PartnerValidationException;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/** The partner service on its real schema; the audit trail is a recording stand-in that can be made to fail. */
public class PartnerServiceDbTest {

    private static final Caller ADMIN = new Caller("admin", null, Set.of(Role.ADMINISTRATOR), null);
    private static final Caller REVIEWER = new Caller("reviewer", null, Set.of(Role.FINANCE_REVIEWER), null);
    private static final Caller PARTNER = new Caller("partner", null, Set.of(Role.PARTNER_USER), "P-1001");
    private static final Currency EUR = Currency.getInstance("EUR");

    private TestPersistence db;
    private PartnerServiceImpl partners;
    private final List<AuditEvent> audited = new ArrayList<>();
    private boolean auditFails;

    /** The database the tests run on: in-memory Derby here, PostgreSQL in {@link PartnerServiceDbPostgresTest}. */
    protected TestPersistence newDatabase() {
        return TestPersistence.inMemory();
    }

    @Before
    public void setUp() {
        db = newDatabase();
        AuditTrail audit = new AuditTrail() {
            @Override
            public AuditRecord append(AuditEvent event) {
                if (auditFails) {
                    throw new IllegalStateException("audit trail unavailable");
                }
                audited.add(event);
                return null;
            }

            @Override
            public Verification verify(Caller caller) {
                throw new AssertionError("not used");
            }

            @Override
            public List<AuditRecord> forEntity(String entityType, String entityId) {
                throw new AssertionError("not used");
            }

            @Override
            public List<AuditRecord> recent(Caller caller, int max) {
                throw new AssertionError("not used");
            }

            @Override
            public List<AuditRecord> recentByAction(Caller caller, String action, int max) {
                throw new AssertionError("not used");
            }

            @Override
            public Optional<Verification> lastVerification(Caller caller) {
                throw new AssertionError("not used");
            }
        };
        partners = new PartnerServiceImpl(db.persistenceService().open(new PersistenceUnitSpec(PartnerServiceImpl.UNIT,
                TestPersistence.bundleOf(PartnerServiceImpl.class), List.of(PartnerEntity.class.getName()),
                "db/partner")), db.unitOfWork(), audit);
    }

    @After
    public void tearDown() {
        db.close();
    }

    @Test
    public void createdPartnerIsStoredAndAudited() {
        Partner created = partners.create(ADMIN, "P-1001", " Acme Distribution ", PartnerKind.DISTRIBUTOR, EUR);
        Partner expected = new Partner("P-1001", "Acme Distribution", PartnerKind.DISTRIBUTOR, EUR, true);
        assertEquals(PartnerDetails.of(expected), PartnerDetails.of(created));
        assertEquals("P-1001", created.id());
        assertEquals(Optional.of(created), partners.find(REVIEWER, "P-1001"));
        assertEquals(1, audited.size());
        assertEquals("partner.created", audited.get(0).action());
        assertEquals("P-1001", audited.get(0).entityId());
        assertEquals("admin", audited.get(0).actor());
    }

    @Test
    public void failedAuditLeavesNoPartner() {
        auditFails = true;
        assertThrows(IllegalStateException.class,
                () -> partners.create(ADMIN, "P-1001", "Acme", PartnerKind.RESELLER, EUR));
        assertEquals(Optional.empty(), partners.find(ADMIN, "P-1001"));
    }

    @Test
    public void duplicateAndMalformedIdsAreRefused() {
        partners.create(ADMIN, "P-1001", "Acme", PartnerKind.RESELLER, EUR);
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> partners.create(ADMIN, "P-1001", "Other", PartnerKind.VENDOR, EUR));
        assertTrue(duplicate.getMessage(), duplicate.getMessage().contains("already exists"));
        assertThrows(IllegalArgumentException.class,
                () -> partners.create(ADMIN, "1001", "Other", PartnerKind.VENDOR, EUR));
        assertThrows(IllegalArgumentException.class,
                () -> partners.create(ADMIN, "P-1002", "Other", null, EUR));
        assertEquals(1, audited.size());
    }

    @Test
    public void thePartnerDirectoryAnswersWhetherAnIdExists() {
        partners.create(ADMIN, "P-1001", "Acme", PartnerKind.RESELLER, EUR);
        org.partnerfinance.security.api.PartnerDirectory lookup = partners;
        assertTrue(lookup.exists("P-1001"));
        assertFalse(lookup.exists("P-2002"));
        assertFalse(lookup.exists(null));
        assertFalse(lookup.exists(" "));
    }

    @Test
    public void partnerUsersSeeOnlyTheirOwnOrganisation() {
        partners.create(ADMIN, "P-1001", "Acme", PartnerKind.RESELLER, EUR);
        partners.create(ADMIN, "P-2002", "Globex", PartnerKind.DISTRIBUTOR, EUR);

        assertEquals(List.of("P-1001", "P-2002"), partners.list(REVIEWER).stream().map(Partner::id).toList());
        assertEquals(List.of("P-1001"), partners.list(PARTNER).stream().map(Partner::id).toList());
        assertEquals(Optional.empty(), partners.find(PARTNER, "P-2002"));
        assertTrue(partners.find(PARTNER, "P-1001").isPresent());
    }

    @Test
    public void onlyAdministratorsManagersAndIntegratorsCreate() {
        assertThrows(AccessDeniedException.class,
                () -> partners.create(REVIEWER, "P-1001", "Acme", PartnerKind.RESELLER, EUR));
        assertThrows(AccessDeniedException.class,
                () -> partners.create(PARTNER, "P-1001", "Acme", PartnerKind.RESELLER, EUR));
        partners.create(new Caller("manager", null, Set.of(Role.FINANCE_MANAGER), null), "P-1001", "Acme",
                PartnerKind.RESELLER, EUR);
        Caller integrator = new Caller("integrator", null, Set.of(Role.INTEGRATOR), null);
        partners.create(integrator, "P-1002", "Beta", PartnerKind.VENDOR, EUR);
        // integrators read partners: the documents they import belong to them
        assertEquals(2, partners.list(integrator).size());
    }

    @Test
    public void aNewPartnerAllowsItsDefaultCurrencyOnly() {
        Partner created = partners.create(ADMIN, "P-1001", "Acme", PartnerKind.RESELLER, EUR);
        assertEquals(Set.of(EUR), created.allowedCurrencies());
        assertEquals(Set.of(EUR), partners.find(PARTNER, "P-1001").orElseThrow().allowedCurrencies());
    }

    @Test
    public void allowedCurrenciesAreStoredKeepTheDefaultAndAreAudited() {
        partners.create(ADMIN, "P-1001", "Acme", PartnerKind.RESELLER, EUR);
        Currency usd = Currency.getInstance("USD");
        Currency chf = Currency.getInstance("CHF");

        Partner changed = partners.setAllowedCurrencies(ADMIN, "P-1001", Set.of(usd, chf));

        assertEquals("the default currency stays allowed", Set.of(EUR, usd, chf), changed.allowedCurrencies());
        assertEquals(Set.of(EUR, usd, chf), partners.find(REVIEWER, "P-1001").orElseThrow().allowedCurrencies());
        assertEquals("CHF, EUR, USD", partners.find(REVIEWER, "P-1001").orElseThrow().allowedCurrencyCodes());
        AuditEvent event = audited.get(audited.size() - 1);
        assertEquals("partner.currencies-changed", event.action());
        assertEquals("allowed currencies=EUR", event.before());
        assertEquals("allowed currencies=CHF, EUR, USD", event.after());

        partners.setAllowedCurrencies(ADMIN, "P-1001", Set.of(EUR));
        assertEquals(Set.of(EUR), partners.find(REVIEWER, "P-1001").orElseThrow().allowedCurrencies());
    }

    @Test
    public void allowedCurrenciesAreChangedOnlyByAdministratorsAndManagersAndLoseNothingOnFailure() {
        partners.create(ADMIN, "P-1001", "Acme", PartnerKind.RESELLER, EUR);
        Currency usd = Currency.getInstance("USD");
        assertThrows(AccessDeniedException.class, () -> partners.setAllowedCurrencies(REVIEWER, "P-1001", Set.of(usd)));
        assertThrows(AccessDeniedException.class, () -> partners.setAllowedCurrencies(PARTNER, "P-1001", Set.of(usd)));
        assertThrows(IllegalArgumentException.class, () -> partners.setAllowedCurrencies(ADMIN, "P-1001", Set.of()));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> partners.setAllowedCurrencies(ADMIN, "P-9999", Set.of(usd)));
        assertTrue(unknown.getMessage(), unknown.getMessage().contains("P-9999 is not known"));

        auditFails = true;
        assertThrows(IllegalStateException.class, () -> partners.setAllowedCurrencies(ADMIN, "P-1001", Set.of(usd)));
        assertEquals(Set.of(EUR), partners.find(ADMIN, "P-1001").orElseThrow().allowedCurrencies());
    }

    private static PartnerDetails acmeDetails() {
        return new PartnerDetails("Acme", PartnerKind.DISTRIBUTOR, EUR, Set.of(EUR, Currency.getInstance("USD")),
                "de 123.456-789", "0088:5790000435968", new PostalAddress("Hauptstr. 1", "10115", "Berlin", "de"),
                45, new DunningContact("Accounts payable", "ap@acme.example", "+49 30 1234"), true);
    }

    @Test
    public void masterDataIsStoredNormalisedAndAudited() {
        Partner created = partners.create(ADMIN, "P-1001", acmeDetails());
        assertEquals("DE123456789", created.vatId());
        assertEquals("0088:5790000435968", created.peppolId());
        assertEquals(new PostalAddress("Hauptstr. 1", "10115", "Berlin", "DE"), created.address());
        assertEquals(45, created.paymentTermsDays());
        assertEquals("ap@acme.example", created.dunningContact().email());
        assertEquals(Set.of(EUR, Currency.getInstance("USD")), created.allowedCurrencies());
        assertEquals(created, partners.find(REVIEWER, "P-1001").orElseThrow());
        assertTrue(audited.get(0).after().contains("vatId=DE123456789"));
    }

    @Test
    public void invalidMasterDataNamesTheField() {
        PartnerDetails d = acmeDetails();
        assertField("vatId", new PartnerDetails(d.name(), d.kind(), d.defaultCurrency(), d.allowedCurrencies(), "123",
                d.peppolId(), d.address(), 30, d.dunningContact(), true));
        assertField("peppolId", new PartnerDetails(d.name(), d.kind(), d.defaultCurrency(), d.allowedCurrencies(),
                d.vatId(), "5790000435968", d.address(), 30, d.dunningContact(), true));
        assertField("paymentTermsDays", new PartnerDetails(d.name(), d.kind(), d.defaultCurrency(),
                d.allowedCurrencies(), d.vatId(), d.peppolId(), d.address(), -1, d.dunningContact(), true));
        assertField("address.countryCode", new PartnerDetails(d.name(), d.kind(), d.defaultCurrency(),
                d.allowedCurrencies(), d.vatId(), d.peppolId(), new PostalAddress("", "", "", "XX"), 30,
                d.dunningContact(), true));
        assertField("dunningContact.email", new PartnerDetails(d.name(), d.kind(), d.defaultCurrency(),
                d.allowedCurrencies(), d.vatId(), d.peppolId(), d.address(), 30,
                new DunningContact("AP", "not-an-address", ""), true));
        assertField("name", new PartnerDetails(" ", d.kind(), d.defaultCurrency(), d.allowedCurrencies(), d.vatId(),
                d.peppolId(), d.address(), 30, d.dunningContact(), true));
        assertTrue("nothing written", partners.list(ADMIN).isEmpty());
        assertTrue(audited.isEmpty());
    }

    @Test
    public void theBankAccountIsCheckedStoredNormalisedAndAudited() {
        Partner created = partners.create(ADMIN, "P-1001", acmeDetails());
        Partner updated = partners.update(ADMIN, "P-1001", created.version(), PartnerDetails.of(created)
                .withBankAccount(new BankAccount("de89 3704 0044 0532 0130 00", "cobadeffxxx", " Acme Payables ")));
        assertEquals(new BankAccount("DE89370400440532013000", "COBADEFFXXX", "Acme Payables"),
                updated.bankAccount());
        assertEquals(updated.bankAccount(), partners.find(REVIEWER, "P-1001").orElseThrow().bankAccount());
        AuditEvent event = audited.get(audited.size() - 1);
        assertEquals("partner.updated", event.action());
        assertTrue(event.before(), event.before().contains("bank account=, , "));
        assertTrue(event.after(), event.after().contains("bank account=DE89370400440532013000, COBADEFFXXX, "
                + "Acme Payables"));

        int before = audited.size();
        for (String[] bad : new String[][] {{"bankAccount.iban", "DE89370400440532013001", "", ""},
                {"bankAccount.bic", "DE89370400440532013000", "COBADE", ""},
                {"bankAccount.iban", "", "COBADEFFXXX", ""},
                {"bankAccount.holder", "DE89370400440532013000", "", "x".repeat(71)}}) {
            PartnerValidationException e = assertThrows(PartnerValidationException.class,
                    () -> partners.update(ADMIN, "P-1001", updated.version(), PartnerDetails.of(updated)
                            .withBankAccount(new BankAccount(bad[1], bad[2], bad[3]))));
            assertEquals(e.getMessage(), bad[0], e.field());
        }
        assertEquals("nothing changed", updated, partners.find(REVIEWER, "P-1001").orElseThrow());
        assertEquals(before, audited.size());

        Partner cleared = partners.update(ADMIN, "P-1001", updated.version(), PartnerDetails.of(updated)
                .withBankAccount(BankAccount.NONE));
        assertTrue(cleared.bankAccount().isEmpty());
    }

    private void assertField(String field, PartnerDetails details) {
        PartnerValidationException e = assertThrows(PartnerValidationException.class,
                () -> partners.create(ADMIN, "P-1001", details));
        assertEquals(e.getMessage(), field, e.field());
    }

    @Test
    public void identifiersBelongToOnePartnerAndFindIt() {
        partners.create(ADMIN, "P-1001", acmeDetails());
        PartnerDetails same = acmeDetails();
        PartnerValidationException e = assertThrows(PartnerValidationException.class,
                () -> partners.create(ADMIN, "P-1002", new PartnerDetails("Other", same.kind(), EUR, Set.of(EUR),
                        "DE123456789", "", null, 30, null, true)));
        assertEquals("vatId", e.field());
        assertTrue(e.getMessage(), e.getMessage().contains("P-1001"));
        assertEquals("P-1001", partners.findByIdentifier(REVIEWER, "0088:5790000435968").orElseThrow().id());
        assertEquals("P-1001", partners.findByIdentifier(REVIEWER, "DE 123 456 789").orElseThrow().id());
        assertEquals(Optional.empty(), partners.findByIdentifier(REVIEWER, "0088:0000000000000"));
        Caller otherPartner = new Caller("other", null, Set.of(Role.PARTNER_USER), "P-1002");
        assertEquals("another partner's identifier reads as unknown", Optional.empty(),
                partners.findByIdentifier(otherPartner, "DE123456789"));
    }

    @Test
    public void updateNeedsTheCurrentVersion() {
        Partner created = partners.create(ADMIN, "P-1001", acmeDetails());
        PartnerDetails d = PartnerDetails.of(created);
        PartnerDetails changed = new PartnerDetails("Acme Europe", d.kind(), d.defaultCurrency(), d.allowedCurrencies(),
                d.vatId(), d.peppolId(), d.address(), 60, d.dunningContact(), true);
        Partner updated = partners.update(ADMIN, "P-1001", created.version(), changed);
        assertEquals("Acme Europe", updated.name());
        assertEquals(60, updated.paymentTermsDays());
        assertThrows(ConcurrentChangeException.class,
                () -> partners.update(ADMIN, "P-1001", created.version(), changed));
        assertThrows(AccessDeniedException.class,
                () -> partners.update(REVIEWER, "P-1001", updated.version(), changed));
        assertEquals("partner.updated", audited.get(audited.size() - 1).action());
    }

    @Test
    public void findAllAnswersTheKnownPartnersInTheOrderAskedWithAllTheirData() {
        partners.create(ADMIN, "P-1001", acmeDetails());
        partners.create(ADMIN, "P-2002", "Globex", PartnerKind.DISTRIBUTOR, EUR);
        partners.create(ADMIN, "P-3003", "Initech", PartnerKind.VENDOR, Currency.getInstance("GBP"));

        Map<String, Partner> found = partners.findAll(REVIEWER,
                Arrays.asList("P-3003", "P-9999", "P-1001", null, "P-3003"));
        assertEquals("unknown ids and nulls are left out, duplicates answered once", List.of("P-3003", "P-1001"),
                List.copyOf(found.keySet()));
        // the same partner as one find reads, allowed currencies (fetched with the partner) included
        assertEquals(partners.find(REVIEWER, "P-1001").orElseThrow(), found.get("P-1001"));
        assertEquals(Set.of(EUR, Currency.getInstance("USD")), found.get("P-1001").allowedCurrencies());
        assertEquals(partners.find(REVIEWER, "P-3003").orElseThrow(), found.get("P-3003"));
        assertEquals(Map.of(), partners.findAll(REVIEWER, List.of()));
        assertEquals(Map.of(), partners.findAll(REVIEWER, List.of("P-9999")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> partners.findAll(REVIEWER, null));
        assertTrue(e.getMessage(), e.getMessage().contains("partnerIds"));
    }

    @Test
    public void findAllGivesPartnerUsersTheirOwnOrganisationOnly() {
        partners.create(ADMIN, "P-1001", "Acme", PartnerKind.RESELLER, EUR);
        partners.create(ADMIN, "P-2002", "Globex", PartnerKind.DISTRIBUTOR, EUR);

        assertEquals(List.of("P-1001"), List.copyOf(partners.findAll(PARTNER, List.of("P-2002", "P-1001")).keySet()));
        assertEquals("another partner's id reads as unknown", Map.of(), partners.findAll(PARTNER, List.of("P-2002")));
        for (Caller staff : List.of(ADMIN, REVIEWER, new Caller("m", null, Set.of(Role.FINANCE_MANAGER), null),
                new Caller("i", null, Set.of(Role.INTEGRATOR), null))) {
            assertEquals(staff.username(), List.of("P-2002", "P-1001"),
                    List.copyOf(partners.findAll(staff, List.of("P-2002", "P-1001")).keySet()));
        }
        assertThrows(AccessDeniedException.class,
                () -> partners.findAll(new Caller("nobody", null, Set.of(), null), List.of("P-1001")));
        assertThrows(AccessDeniedException.class, () -> partners.findAll(null, List.of("P-1001")));
    }

    @Test
    public void findAllReadsMoreIdsThanOneQueryTakes() {
        partners.create(ADMIN, "P-1001", "Acme", PartnerKind.RESELLER, EUR);
        partners.create(ADMIN, "P-2002", "Globex", PartnerKind.DISTRIBUTOR, EUR);
        partners.create(ADMIN, "P-3003", "Initech", PartnerKind.VENDOR, EUR);
        // three chunks of ids, a known partner in the first, the middle and the last one
        int size = 2 * PartnerServiceImpl.FIND_ALL_CHUNK + 7;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ids.add(String.format("P-X%05d", i));
        }
        ids.set(size - 1, "P-1001");
        ids.set(PartnerServiceImpl.FIND_ALL_CHUNK + 3, "P-3003");
        ids.set(2, "P-2002");

        Map<String, Partner> found = partners.findAll(REVIEWER, ids);
        assertEquals(List.of("P-2002", "P-3003", "P-1001"), List.copyOf(found.keySet()));
        assertEquals("Acme", found.get("P-1001").name());
        assertEquals("Initech", found.get("P-3003").name());
    }
}
