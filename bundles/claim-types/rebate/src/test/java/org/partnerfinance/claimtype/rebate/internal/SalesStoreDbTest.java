package org.partnerfinance.claimtype.rebate.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.claimtype.rebate.api.AgreementDraft;
import org.partnerfinance.claimtype.rebate.api.Tier;
import org.partnerfinance.claimtype.rebate.api.TierMode;
import org.partnerfinance.claimtype.rebate.api.VolumeBasis;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.internal.TestPersistence;

/** The rebate tables on a real (in-memory Derby) database: migrations, scoped sums, idempotent sources. */
public class SalesStoreDbTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private TestPersistence db;
    private Jpa jpa;

    @Before
    public void open() {
        db = TestPersistence.inMemory();
        jpa = db.open(RebateServiceImpl.UNIT, "db/rebate", AgreementEntity.class);
    }

    @After
    public void close() {
        jpa.close();
        db.close();
    }

    private interface SqlWork<T> {
        T run(SalesStore store) throws SQLException;
    }

    private <T> T inStore(SqlWork<T> work) {
        return db.unitOfWork().required(() -> jpa.tx(em -> {
            try {
                return work.run(new SalesStore(em.unwrap(Connection.class)));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private static SalesCsv.Line line(long no, String date, String product, String category, String amount,
            String currency) {
        return new SalesCsv.Line(no, LocalDate.parse(date), product, category, BigDecimal.ONE, new BigDecimal(amount),
                Currency.getInstance(currency));
    }

    @Test
    public void sumsOnlyTheLinesInScopePeriodAndCurrency() {
        inStore(s -> {
            s.insert("P-1", "csv:a", List.of(line(2, "2026-01-01", "SW-1", "switches", "100.00", "EUR"),
                    line(3, "2026-06-30", "RT-1", "routers", "200.00", "EUR"),
                    line(4, "2026-07-01", "SW-1", "switches", "400.00", "EUR"),
                    line(5, "2026-03-01", "SW-1", "switches", "800.00", "USD"),
                    line(6, "2026-03-01", null, null, "1600.00", "EUR")), null);
            s.insert("P-2", "csv:a", List.of(line(2, "2026-03-01", "SW-1", "switches", "3200.00", "EUR")), null);
            return null;
        });
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 6, 30);
        assertAmount("1900", inStore(s -> s.totals("P-1", EUR, from, to, Set.of(), Set.of())));
        assertAmount("100", inStore(s -> s.totals("P-1", EUR, from, to, Set.of("SW-1"), Set.of())));
        assertAmount("300", inStore(s -> s.totals("P-1", EUR, from, to, Set.of("SW-1"), Set.of("routers"))));
        assertEquals(SalesStore.Totals.ZERO, inStore(s -> s.totals("P-3", EUR, from, to, Set.of(), Set.of())));
    }

    private static void assertAmount(String expected, SalesStore.Totals totals) {
        assertEquals(expected + " <> " + totals.amount(), 0, new BigDecimal(expected).compareTo(totals.amount()));
    }

    @Test
    public void aSourceIsStoredOnce() {
        List<SalesCsv.Line> lines = List.of(line(2, "2026-01-01", "SW-1", null, "100.00", "EUR"));
        assertFalse(inStore(s -> s.exists("P-1", "csv:x")));
        inStore(s -> {
            s.insert("P-1", "csv:x", lines, null);
            return null;
        });
        assertTrue(inStore(s -> s.exists("P-1", "csv:x")));
        // the database refuses the same lines of the same source again, whatever a racing import checked before
        assertThrows(RuntimeException.class, () -> inStore(s -> {
            s.insert("P-1", "csv:x", lines, null);
            return null;
        }));
        assertEquals(Set.of("csv:x"), inStore(s -> s.sources("P-1", "csv:")));
    }

    @Test
    public void recalculationStoresTheEarnedRebateOfTheAgreement() {
        inStore(s -> {
            s.insert("P-1", "csv:a", List.of(line(2, "2026-02-01", "SW-1", null, "12300.00", "EUR")), null);
            return null;
        });
        AgreementDraft terms = new AgreementDraft("P-1", "Switches", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), Set.of("SW-1"), Set.of(), VolumeBasis.AMOUNT, TierMode.RETROACTIVE,
                List.of(Tier.of("0", "1"), Tier.of("10000", "2")), EUR, null);
        Recalculation change = db.unitOfWork().required(() -> jpa.tx(em -> {
            AgreementEntity entity = new AgreementEntity(terms, "test", Instant.now());
            em.persist(entity);
            em.flush();
            try {
                return Recalculation.apply(new SalesStore(em.unwrap(Connection.class)), entity, Instant.now());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertEquals(Money.of("0", "EUR"), change.before());
        assertEquals(Money.of("246.00", "EUR"), change.after());
        AgreementEntity stored = jpa.tx(em -> em.createQuery("SELECT a FROM AgreementEntity a", AgreementEntity.class)
                .getSingleResult());
        assertEquals(Money.of("246.00", "EUR"), stored.earned());
        assertEquals(terms, stored.toAgreement().terms());
    }
}
