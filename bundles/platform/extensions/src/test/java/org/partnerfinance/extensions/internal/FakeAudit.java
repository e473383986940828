package org.partnerfinance.extensions.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.persistence.api.PersistenceException;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.persistence.api.Work;

/**
 * An audit trail and a unit of work for the toggles and registry tests: events appended inside a unit of work are kept
 * only when it completes, as with the database; outside one they are kept at once. The real trail is tested in
 * pf-audit.
 */
final class FakeAudit {

    final List<AuditEvent> committed = new ArrayList<>();
    private final List<AuditEvent> pending = new ArrayList<>();
    private boolean inWork;
    boolean failAppends;

    synchronized List<AuditEvent> events() {
        return List.copyOf(committed);
    }

    AuditTrail trail() {
        return (AuditTrail) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditTrail.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("append")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    synchronized (this) {
                        if (failAppends) {
                            throw new IllegalStateException("audit database unreachable");
                        }
                        (inWork ? pending : committed).add((AuditEvent) args[0]);
                        notifyAll();
                    }
                    return null;
                });
    }

    UnitOfWork unitOfWork() {
        return new UnitOfWork() {
            @Override
            public <T> T required(Work<T> work) {
                synchronized (FakeAudit.this) {
                    inWork = true;
                    try {
                        T result = work.run();
                        committed.addAll(pending);
                        return result;
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new PersistenceException(e.getMessage(), e);
                    } finally {
                        pending.clear();
                        inWork = false;
                    }
                }
            }

            @Override
            public <T> T savepoint(Work<T> work) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean active() {
                return inWork;
            }

            @Override
            public void setRollbackOnly() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void afterCommit(Runnable action) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Waits until at least {@code n} events were recorded (the registry audits on a thread of its own). */
    synchronized List<AuditEvent> awaitEvents(int n) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (committed.size() < n && System.nanoTime() < deadline) {
            wait(100);
        }
        return List.copyOf(committed);
    }
}
