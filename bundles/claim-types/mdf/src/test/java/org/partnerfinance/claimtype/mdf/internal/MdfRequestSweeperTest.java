package org.partnerfinance.claimtype.mdf.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.IllegalTransitionException;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.funds.api.Reservation;
import org.partnerfinance.funds.api.ReservationStatus;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The scheduled sweep with a controllable clock: which approved requests it closes on the clock's day, as whom, and
 * that one request that cannot be closed does not stop the others.
 */
public class MdfRequestSweeperTest {

    private final List<String> closed = new ArrayList<>();
    private final List<Claim> approved = new ArrayList<>();
    private final Set<Long> refusing = new java.util.HashSet<>();

    private static Claim claim(long id, String type, String end) {
        return new Claim(id, String.format("CLM-%06d", id), "P-1001", type, type, true, ClaimStatus.APPROVED,
                LocalDate.of(2026, 5, 1), "x", Money.of("500", "EUR"), Money.of("500", "EUR"),
                List.of(new ClaimField(MdfRules.START, "Planned start", "2026-05-01"),
                        new ClaimField(MdfRules.END, "Planned end", end)),
                List.of(), List.of(), null, null, null, null, "partner", Instant.EPOCH, Instant.EPOCH, null, null, 4);
    }

    /** The claims service as far as the sweep uses it; anything else fails the test. */
    private ClaimService claims() {
        return (ClaimService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { ClaimService.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "inStatus" -> {
                        assertEquals(ClaimStatus.APPROVED, args[1]);
                        yield List.copyOf(approved);
                    }
                    case "listForPartner" -> List.of();
                    case "close" -> {
                        assertEquals("the platform closes", "system", ((Caller) args[0]).username());
                        long id = (Long) args[1];
                        if (refusing.contains(id)) {
                            throw new IllegalTransitionException("Claim " + id + " was changed meanwhile.");
                        }
                        closed.add(id + " v" + args[2] + ": " + args[3]);
                        yield claim(id, MdfRules.REQUEST_TYPE, "2026-05-10");
                    }
                    default -> throw new AssertionError("The sweep does not call " + method.getName());
                });
    }

    private static FundService funds() {
        Money zero = Money.of("0", "EUR");
        return (FundService) Proxy.newProxyInstance(MdfRequestSweeperTest.class.getClassLoader(),
                new Class<?>[] { FundService.class }, (proxy, method, args) -> {
                    if (!method.getName().equals("reservation")) {
                        throw new AssertionError("The sweep does not call " + method.getName());
                    }
                    return Optional.of(new Reservation(1, 1, "P-1001", (String) args[1], Money.of("500", "EUR"), zero,
                            zero, ReservationStatus.RESERVED, Instant.EPOCH, 1));
                });
    }

    private MdfRequestSweeper sweeperOn(LocalDate day) {
        return new MdfRequestSweeper(claims(), funds(), 30,
                Clock.fixed(day.atTime(3, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    @Test
    public void aRunClosesTheRequestsWhoseWindowEndedBeforeTheClocksDay() {
        approved.add(claim(1, MdfRules.REQUEST_TYPE, "2026-05-10")); // window ends 2026-06-09
        approved.add(claim(2, MdfRules.REQUEST_TYPE, "2026-06-01")); // window ends 2026-07-01
        approved.add(claim(3, "expense", "2026-01-01"));

        sweeperOn(LocalDate.of(2026, 6, 9)).runNow();
        assertEquals("the window's last day", List.of(), closed);

        sweeperOn(LocalDate.of(2026, 6, 10)).runNow();
        assertEquals(List.of("1 v4: Closed by the platform: no proof-of-performance claim was made by 2026-06-09 "
                + "(planned end 2026-05-10 plus 30 days of grace); the reserved funds are released."), closed);

        closed.clear();
        refusing.add(1L);
        List<Claim> done = sweeperOn(LocalDate.of(2026, 7, 2)).closeOverdue(Caller.system(), LocalDate.of(2026, 7, 2));
        assertEquals("a refused close leaves that request for the next run; the others go on",
                List.of(2L), done.stream().map(Claim::id).toList());
        assertEquals(1, closed.size());
    }

    @Test
    public void onlyAdministratorsAndThePlatformRunIt() {
        MdfRequestSweeper sweeper = sweeperOn(LocalDate.of(2026, 6, 10));
        assertThrows(AccessDeniedException.class, () -> sweeper.closeOverdue(
                new Caller("rita", null, Set.of(Role.FINANCE_MANAGER), null), LocalDate.of(2026, 6, 10)));
        assertThrows(IllegalArgumentException.class, () -> sweeper.closeOverdue(Caller.system(), null));
        sweeper.closeOverdue(new Caller("admin", null, Set.of(Role.ADMINISTRATOR), null), LocalDate.of(2026, 6, 10));
    }
}
