package org.partnerfinance.persistence.internal;

import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An opened persistence unit: its EntityManagerFactory, used inside the shared unit of work. */
final class JpaUnit implements Jpa {

    static final String CONCURRENT_CHANGE = "This record was changed by someone else. Reload and try again.";

    private static final Logger LOG = LoggerFactory.getLogger(JpaUnit.class);

    private final String name;
    private final EntityManagerFactory emf;
    private final UnitOfWork unitOfWork;
    private final Consumer<JpaUnit> onClose;
    private volatile boolean closed;

    JpaUnit(String name, EntityManagerFactory emf, UnitOfWork unitOfWork, Consumer<JpaUnit> onClose) {
        this.name = name;
        this.emf = emf;
        this.unitOfWork = unitOfWork;
        this.onClose = onClose;
    }

    @Override
    public <T> T tx(Function<EntityManager, T> work) {
        if (closed) {
            throw new IllegalStateException("Persistence unit " + name + " is closed");
        }
        return unitOfWork.required(() -> {
            EntityManager em = emf.createEntityManager();
            try {
                EntityTransaction tx = em.getTransaction();
                tx.begin();
                try {
                    T result = work.apply(em);
                    // With the unit-of-work connection this only flushes: the real commit happens when the
                    // outermost unit of work ends.
                    tx.commit();
                    return result;
                } catch (RuntimeException | Error e) {
                    if (tx.isActive()) {
                        try {
                            tx.rollback();
                        } catch (RuntimeException rollbackFailure) {
                            e.addSuppressed(rollbackFailure);
                        }
                    }
                    throw e;
                }
            } catch (RuntimeException e) {
                throw translate(e);
            } finally {
                em.close();
            }
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (emf.isOpen()) {
                emf.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Closing persistence unit {} failed", name, e);
        } finally {
            onClose.accept(this);
        }
    }

    boolean isClosed() {
        return closed;
    }

    EntityManagerFactory entityManagerFactory() {
        return emf;
    }

    /** Optimistic-lock conflicts (possibly wrapped by a failed commit) become {@link ConcurrentChangeException}. */
    static RuntimeException translate(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
                return new ConcurrentChangeException(CONCURRENT_CHANGE, e);
            }
        }
        return e;
    }

    @Override
    public String toString() {
        return "Jpa[" + name + (closed ? ", closed" : "") + "]";
    }
}
