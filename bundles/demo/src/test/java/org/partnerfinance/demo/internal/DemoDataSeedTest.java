package org.partnerfinance.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.persistence.api.Work;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserAccount;
import org.partnerfinance.security.api.UserDirectory;

/**
 * The demo partners and users are created once per database: all together with their audit record, never again at a
 * later start (whatever happened to them since), and not at all when any of them fails.
 */
public class DemoDataSeedTest {

    private final Database db = new Database();

    @Test
    public void theFirstStartCreatesThePartnersAndUsersWithTheDemoPasswordAndOneRecord() {
        start();

        assertEquals(Set.of("P-1001", "P-1002"), db.partners.keySet());
        assertEquals(List.of("partner", "partner2", "partneradmin", "reviewer", "manager", "admin", "integrator"),
                List.copyOf(db.users.keySet()));
        for (UserAccount user : db.users.values()) {
            assertEquals(user.username(), "partner-finance-demo", db.passwords.get(user.username()));
        }
        assertEquals(Set.of(Role.PARTNER_USER, Role.PARTNER_ADMIN), db.users.get("partneradmin").roles());
        assertEquals(List.of(DemoData.SEEDED), db.actions());
    }

    @Test
    public void aLaterStartCreatesNothingAgain() {
        start();
        db.users.remove("partner2"); // an administrator removed a demo user
        db.passwords.put("admin", "changed-by-its-owner");

        start();

        assertFalse("the removed demo user is back", db.users.containsKey("partner2"));
        assertEquals("changed-by-its-owner", db.passwords.get("admin"));
        assertEquals(List.of(DemoData.SEEDED), db.actions());
    }

    @Test
    public void usersAndPartnersThatExistAreLeftAsTheyAre() {
        db.users.put("partner", new UserAccount("partner", "Someone Else", Set.of(Role.PARTNER_USER), "P-1001", true));
        db.passwords.put("partner", "their-own-password");

        start();

        assertEquals("Someone Else", db.users.get("partner").displayName());
        assertEquals("their-own-password", db.passwords.get("partner"));
        assertEquals(7, db.users.size());
        assertEquals(List.of(DemoData.SEEDED), db.actions());
    }

    @Test
    public void aFailureStoresNothingAndTheNextStartTriesAgain() {
        db.failOnCreate = "manager";

        start();

        assertTrue("partners stored: " + db.partners.keySet(), db.partners.isEmpty());
        assertTrue("users stored: " + db.users.keySet(), db.users.isEmpty());
        assertEquals(List.of(), db.actions());

        db.failOnCreate = null;
        start();

        assertEquals(7, db.users.size());
        assertEquals(List.of(DemoData.SEEDED), db.actions());
    }

    /** A start of the demo bundle against the same database: a new component instance. */
    private void start() {
        DemoData demo = new DemoData();
        demo.partners = db.service(PartnerService.class);
        demo.users = db.service(UserDirectory.class);
        demo.audit = db.service(AuditTrail.class);
        demo.unitOfWork = db.service(UnitOfWork.class);
        demo.createPartnersAndUsers();
    }

    /**
     * The services' view of one database, with transactions: a unit of work that throws leaves the state as it was
     * before. Only the methods the demo data calls are implemented.
     */
    private static final class Database implements InvocationHandler {

        Map<String, Partner> partners = new LinkedHashMap<>();
        Map<String, UserAccount> users = new LinkedHashMap<>();
        Map<String, String> passwords = new LinkedHashMap<>();
        List<AuditRecord> audit = new ArrayList<>();
        String failOnCreate;

        <T> T service(Class<T> type) {
            return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, this));
        }

        List<String> actions() {
            return audit.stream().map(r -> r.event().action()).toList();
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String call = method.getDeclaringClass().getSimpleName() + "." + method.getName();
            switch (call) {
                case "UnitOfWork.required": {
                    Map<String, Partner> partnersBefore = new LinkedHashMap<>(partners);
                    Map<String, UserAccount> usersBefore = new LinkedHashMap<>(users);
                    Map<String, String> passwordsBefore = new LinkedHashMap<>(passwords);
                    List<AuditRecord> auditBefore = new ArrayList<>(audit);
                    try {
                        return ((Work<?>) args[0]).run();
                    } catch (Exception e) {
                        partners = partnersBefore;
                        users = usersBefore;
                        passwords = passwordsBefore;
                        audit = auditBefore;
                        throw e;
                    }
                }
                case "PartnerService.find":
                    return Optional.ofNullable(partners.get((String) args[1]));
                case "PartnerService.create": {
                    Partner partner = new Partner((String) args[1], (String) args[2], (PartnerKind) args[3],
                            (Currency) args[4], true);
                    partners.put(partner.id(), partner);
                    return partner;
                }
                case "PartnerService.setAllowedCurrencies": {
                    Partner before = partners.get((String) args[1]);
                    @SuppressWarnings("unchecked")
                    Set<Currency> allowed = (Set<Currency>) args[2];
                    Partner partner = new Partner(before.id(), before.name(), before.kind(), before.defaultCurrency(),
                            before.active(), allowed);
                    partners.put(partner.id(), partner);
                    return partner;
                }
                case "UserDirectory.exists":
                    return users.containsKey((String) args[0]);
                case "UserDirectory.create": {
                    String username = (String) args[1];
                    if (username.equals(failOnCreate)) {
                        throw new IllegalArgumentException("refused " + username);
                    }
                    @SuppressWarnings("unchecked")
                    UserAccount account = new UserAccount(username, (String) args[2], (Set<Role>) args[4],
                            (String) args[5], true);
                    users.put(username, account);
                    passwords.put(username, new String((char[]) args[3]));
                    return account;
                }
                case "UserDirectory.find":
                    return Optional.ofNullable(users.get((String) args[0]))
                            .map(u -> new Caller(u.username(), u.displayName(), u.roles(), u.partnerId()));
                case "AuditTrail.append": {
                    AuditRecord record = new AuditRecord(audit.size() + 1, Instant.now(), (AuditEvent) args[0], "",
                            "");
                    audit.add(record);
                    return record;
                }
                case "AuditTrail.forEntity":
                    return audit.stream().filter(r -> r.event().entityType().equals(args[0])
                            && r.event().entityId().equals(args[1])).toList();
                default:
                    throw new UnsupportedOperationException(call);
            }
        }
    }
}
