package org.partnerfinance.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceException;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.persistence.internal.fixtures.AuditNote;
import org.partnerfinance.persistence.internal.fixtures.LedgerLine;

/** Two persistence units (two EntityManagerFactories) sharing one unit of work on an in-memory Derby database. */
public class UnitOfWorkJpaTest {

    private TestPersistence db;
    private UnitOfWork uow;
    private Jpa ledger;
    private Jpa audit;

    /** The database the tests run on; {@link UnitOfWorkJpaPostgresTest} runs them on PostgreSQL. */
    protected TestPersistence newDatabase() {
        return TestPersistence.inMemory();
    }

    @Before
    public void setUp() {
        db = newDatabase();
        uow = db.unitOfWork();
        ledger = db.open("ledgertest", "db/ledgertest", LedgerLine.class);
        audit = db.open("audittest", "db/audittest", AuditNote.class);
    }

    @After
    public void tearDown() {
        db.close();
    }

    @Test
    public void twoUnitsInOneUnitOfWorkCommitTogether() throws SQLException {
        uow.required(() -> {
            ledger.tx(em -> {
                em.persist(new LedgerLine("4000", new BigDecimal("12.5000")));
                return null;
            });
            audit.tx(em -> {
                em.persist(new AuditNote("posted 12.50"));
                return null;
            });
            // still one uncommitted transaction: both rows visible through the bound connection
            assertEquals(1, count("ledgertest_line"));
            assertEquals(1, count("audittest_note"));
            return null;
        });
        assertEquals(1, count("ledgertest_line"));
        assertEquals(1, count("audittest_note"));
        assertEquals(0, new BigDecimal("12.5").compareTo(ledger.tx(em ->
                em.createQuery("SELECT l.amount FROM LedgerLine l", BigDecimal.class).getSingleResult())));
    }

    @Test
    public void failureAfterTheFirstUnitWroteRollsBackBoth() throws SQLException {
        IllegalStateException boom = new IllegalStateException("audit service down");
        try {
            uow.required(() -> {
                ledger.tx(em -> {
                    em.persist(new LedgerLine("4000", BigDecimal.TEN));
                    return null;
                });
                throw boom;
            });
            fail("expected the failure to propagate");
        } catch (IllegalStateException e) {
            assertSame("runtime exceptions propagate unchanged", boom, e);
        }
        assertEquals(0, count("ledgertest_line"));
        assertEquals(0, count("audittest_note"));
    }

    @Test
    public void failureInTheSecondUnitRollsBackTheFirst() throws SQLException {
        try {
            uow.required(() -> {
                ledger.tx(em -> {
                    em.persist(new LedgerLine("4000", BigDecimal.TEN));
                    return null;
                });
                return audit.tx(em -> {
                    em.persist(new AuditNote(null)); // NOT NULL violation at flush
                    return null;
                });
            });
            fail("expected the constraint violation");
        } catch (RuntimeException expected) {
            // the database error, as EclipseLink reports it
        }
        assertEquals(0, count("ledgertest_line"));
        assertEquals(0, count("audittest_note"));
    }

    @Test
    public void nestedRequiredJoinsTheOuterUnitOfWork() throws SQLException {
        try {
            uow.required(() -> {
                uow.required(() -> ledger.tx(em -> {
                    em.persist(new LedgerLine("1000", BigDecimal.ONE));
                    return null;
                }));
                assertTrue(uow.active());
                assertEquals(1, count("ledgertest_line"));
                throw new IllegalArgumentException("outer fails after the inner returned");
            });
            fail();
        } catch (IllegalArgumentException expected) {
            // the inner work was part of the outer unit of work, so it is rolled back too
        }
        assertFalse(uow.active());
        assertEquals(0, count("ledgertest_line"));
    }

    @Test
    public void swallowedInnerFailureStillRollsBackAndIsReported() throws SQLException {
        try {
            uow.required(() -> {
                ledger.tx(em -> {
                    em.persist(new LedgerLine("1000", BigDecimal.ONE));
                    return null;
                });
                try {
                    uow.required(() -> {
                        throw new IllegalStateException("inner step failed");
                    });
                } catch (IllegalStateException swallowed) {
                    // a careless caller goes on
                }
                return "done";
            });
            fail("the caller must learn that nothing was committed");
        } catch (PersistenceException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("inner step failed"));
        }
        assertEquals(0, count("ledgertest_line"));
    }

    @Test
    public void optimisticLockConflictBecomesConcurrentChangeException() throws SQLException {
        LedgerLine line = ledger.tx(em -> {
            LedgerLine l = new LedgerLine("4000", BigDecimal.ONE);
            em.persist(l);
            return l;
        });
        // reviewer A holds a copy (version 1); reviewer B changes the row first
        LedgerLine staleCopy = ledger.tx(em -> em.find(LedgerLine.class, line.getId()));
        ledger.tx(em -> {
            em.find(LedgerLine.class, line.getId()).setAmount(BigDecimal.TEN);
            return null;
        });
        staleCopy.setAmount(new BigDecimal("5"));
        try {
            ledger.tx(em -> em.merge(staleCopy));
            fail("expected a concurrent change");
        } catch (ConcurrentChangeException e) {
            assertEquals("This record was changed by someone else. Reload and try again.", e.getMessage());
        }
        assertEquals(0, BigDecimal.TEN.compareTo(ledger.tx(em -> em.find(LedgerLine.class, line.getId()).getAmount())));
    }

    @Test
    public void setRollbackOnlyRollsBackWithoutError() throws SQLException {
        String result = uow.required(() -> {
            ledger.tx(em -> {
                em.persist(new LedgerLine("1000", BigDecimal.ONE));
                return null;
            });
            uow.setRollbackOnly();
            return "previewed";
        });
        assertEquals("previewed", result);
        assertEquals(0, count("ledgertest_line"));
    }

    @Test
    public void checkedExceptionsAreWrapped() {
        Exception checked = new java.io.IOException("receipt unreadable");
        try {
            uow.required(() -> {
                throw checked;
            });
            fail();
        } catch (PersistenceException e) {
            assertSame(checked, e.getCause());
        }
    }

    @Test
    public void txOutsideAUnitOfWorkCommitsOnItsOwn() throws SQLException {
        assertFalse(uow.active());
        Long id = ledger.tx(em -> {
            LedgerLine l = new LedgerLine("2000", BigDecimal.ONE);
            em.persist(l);
            em.flush();
            return l.getId();
        });
        assertNotEquals(null, id);
        assertEquals(1, count("ledgertest_line"));
    }

    @Test
    public void entitiesAreNotServedFromASharedCacheAfterRollback() throws SQLException {
        LedgerLine line = ledger.tx(em -> {
            LedgerLine l = new LedgerLine("4000", BigDecimal.ONE);
            em.persist(l);
            return l;
        });
        try {
            uow.required(() -> {
                ledger.tx(em -> {
                    em.find(LedgerLine.class, line.getId()).setAmount(new BigDecimal("999"));
                    return null;
                });
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // nothing committed
        }
        BigDecimal amount = ledger.tx(em -> em.find(LedgerLine.class, line.getId()).getAmount());
        assertEquals(0, BigDecimal.ONE.compareTo(amount));
    }

    @Test
    public void closedUnitRefusesWork() {
        ledger.close();
        try {
            ledger.tx(em -> null);
            fail();
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("closed"));
        }
    }

    private int count(String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    public void afterCommitActionsRunOnlyAfterTheOutermostCommit() {
        java.util.List<String> events = new java.util.ArrayList<>();
        uow.required(() -> {
            uow.required(() -> {
                uow.afterCommit(() -> events.add("inner"));
                return null;
            });
            uow.afterCommit(() -> events.add("outer"));
            assertTrue("nothing runs before the commit", events.isEmpty());
            return null;
        });
        assertEquals(java.util.List.of("inner", "outer"), events);
    }

    @Test
    public void afterCommitActionsDoNotRunOnRollback() {
        java.util.List<String> events = new java.util.ArrayList<>();
        try {
            uow.required(() -> {
                uow.afterCommit(() -> events.add("committed"));
                throw new IllegalStateException("boom");
            });
            fail("the failure must propagate");
        } catch (IllegalStateException expected) {
            assertEquals("boom", expected.getMessage());
        }
        assertTrue(events.isEmpty());
    }

    @Test
    public void afterCommitOutsideAUnitOfWorkRunsAtOnceAndAFailingActionDoesNotStopTheOthers() {
        java.util.List<String> events = new java.util.ArrayList<>();
        uow.afterCommit(() -> events.add("now"));
        assertEquals(java.util.List.of("now"), events);
        uow.required(() -> {
            uow.afterCommit(() -> {
                throw new IllegalStateException("listener failed");
            });
            uow.afterCommit(() -> events.add("second"));
            return null;
        });
        assertEquals(java.util.List.of("now", "second"), events);
    }
}
