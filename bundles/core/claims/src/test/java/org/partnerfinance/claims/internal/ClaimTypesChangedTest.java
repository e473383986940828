package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.partnerfinance.claims.api.ClaimEvents;
import org.partnerfinance.claims.api.ClaimTypeInfo;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The claims core announces a change of its claim types only once its own list has changed, so whoever refreshes on
 * the announcement (open screens, through the claims UI) reads the new list without waiting for anything.
 */
public class ClaimTypesChangedTest {

    private static final Caller PARTNER = new Caller("partner", null, Set.of(Role.PARTNER_USER), "P-1001");
    private static final Map<String, Object> EXPENSE = Map.of(ExtensionConstants.EXTENSION_ID, "expense",
            "pf.claim.type.id", "expense", "pf.claim.type.name", "Expense reimbursement");

    private final ClaimServiceImpl claims = new ClaimServiceImpl(null, null, null, null, null, null, null,
            Clock.systemUTC());
    /** What the service offered, as seen by a handler of each event at the moment it was posted. */
    private final List<String> seen = new ArrayList<>();
    private final List<Event> posted = new ArrayList<>();

    @Before
    public void setUp() {
        claims.toggles = TestClaims.allSwitchedOn();
        claims.events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
                seen.add(claims.availableTypes(PARTNER).stream().map(ClaimTypeInfo::id).toList().toString());
            }

            @Override
            public void sendEvent(Event event) {
                throw new AssertionError("changes of types are posted, never sent synchronously");
            }
        };
    }

    @Test
    public void aTypeArrivingOrLeavingIsAnnouncedAfterTheListChanged() {
        claims.bindClaimType(TestClaims.EXPENSE_TYPE, EXPENSE);
        claims.unbindClaimType(TestClaims.EXPENSE_TYPE, EXPENSE);

        assertEquals(List.of("[expense]", "[]"), seen);
        assertEquals(ClaimEvents.TYPES_TOPIC, posted.get(0).getTopic());
        assertEquals("expense", posted.get(0).getProperty(ClaimEvents.TYPE));
        assertNull("not a claim change: no partner", posted.get(0).getProperty(ClaimEvents.PARTNER));
    }

    @Test
    public void changedPropertiesAreReadAgainBeforeTheAnnouncement() {
        claims.bindClaimType(TestClaims.EXPENSE_TYPE, EXPENSE);
        claims.updatedClaimType(TestClaims.EXPENSE_TYPE, Map.of("pf.claim.type.id", "travel"));
        assertEquals(List.of("[expense]", "[travel]"), seen);
    }

    @Test
    public void withoutEventAdminTypesStillComeAndGo() {
        claims.events = null;
        claims.bindClaimType(TestClaims.EXPENSE_TYPE, EXPENSE);
        assertEquals(List.of("expense"), claims.availableTypes(PARTNER).stream().map(ClaimTypeInfo::id).toList());
        claims.unbindClaimType(TestClaims.EXPENSE_TYPE, EXPENSE);
        assertEquals(List.of(), claims.availableTypes(PARTNER));
    }
}
