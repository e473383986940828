package org.partnerfinance.audit.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands the rows of a full scan to a second thread that hashes them, so that reading the next rows from the database
 * (on the thread that owns the transaction's connection) and hashing the previous ones overlap: each takes about as
 * long as the other. Rows travel in batches through a small bounded queue, so memory stays flat whatever the size of
 * the trail. The target sees the rows in scan order, on the pipeline's thread only; {@link #finish} waits for it and
 * rethrows what it threw.
 */
final class RowPipeline implements AuditRows.RowSink, AutoCloseable {

    private static final int BATCH = 1024;
    private static final int COLUMNS = 9;

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(8);
    private final AuditRows.RowSink target;
    private final Thread worker;
    private volatile Throwable failure;
    private Batch current = new Batch(BATCH);

    RowPipeline(AuditRows.RowSink target, String threadName) {
        this.target = target;
        this.worker = new Thread(this::work, threadName);
        worker.setDaemon(true);
        worker.start();
    }

    private static final class Batch {
        final long[] seq;
        final String[] columns;
        int size;

        Batch(int capacity) {
            seq = new long[capacity];
            columns = new String[capacity * COLUMNS];
        }
    }

    @Override
    public void row(long seq, String time, String actor, String action, String entityType, String entityId,
            String before, String after, String previousHash, String hash) {
        Batch b = current;
        int at = b.size * COLUMNS;
        b.seq[b.size] = seq;
        b.columns[at] = time;
        b.columns[at + 1] = actor;
        b.columns[at + 2] = action;
        b.columns[at + 3] = entityType;
        b.columns[at + 4] = entityId;
        b.columns[at + 5] = before;
        b.columns[at + 6] = after;
        b.columns[at + 7] = previousHash;
        b.columns[at + 8] = hash;
        if (++b.size == BATCH) {
            hand(b);
            current = new Batch(BATCH);
        }
    }

    /** Hands over the last rows, waits until every row went to the target, and rethrows what the target threw. */
    void finish() {
        if (current.size > 0) {
            hand(current);
        }
        hand(new Batch(0)); // the end
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while verifying the audit trail", e);
        }
        rethrow();
    }

    private void hand(Batch b) {
        try {
            while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                if (!worker.isAlive()) {
                    rethrow();
                    throw new IllegalStateException("The audit verification's hashing thread stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while verifying the audit trail", e);
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private void work() {
        try {
            while (true) {
                Batch b = queue.take();
                if (b.seq.length == 0) {
                    return;
                }
                String[] c = b.columns;
                for (int i = 0; i < b.size; i++) {
                    int at = i * COLUMNS;
                    target.row(b.seq[i], c[at], c[at + 1], c[at + 2], c[at + 3], c[at + 4], c[at + 5], c[at + 6],
                            c[at + 7], c[at + 8]);
                }
            }
        } catch (InterruptedException e) {
            failure = new IllegalStateException("The audit verification was stopped", e);
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** Stops the thread if {@link #finish} was not reached (the scan failed). */
    @Override
    public void close() {
        if (worker.isAlive()) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
