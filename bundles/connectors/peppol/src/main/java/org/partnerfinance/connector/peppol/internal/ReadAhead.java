package org.partnerfinance.connector.peppol.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.partnerfinance.connectors.api.ImportFormatException;

/**
 * Reads a file's documents on a thread of its own, a few ahead of the caller, who hands them to the sink in the
 * order read. The sink stores each document before it answers, so without this the next file of a zip would only be
 * parsed (schema validation, JAXB, partner lookup) once the previous one is stored; with it both run at once.
 *
 * <p>The caller's thread sees everything as if read on it: documents in order, then the reader's failure (rethrown
 * after the documents read before it were handed) or the end. When handing fails, the reader stops at its next
 * document; the caller returns only after the reading thread has ended, so the core reads the rest of the file (to
 * keep it) alone. The reader is never interrupted: interrupting a thread that reads a file channel would close it.
 */
final class ReadAhead {

    /** Documents read ahead at most: bounds the memory to a few documents' XML. */
    static final int AHEAD = 4;
    private static final long POLL_MILLIS = 100;

    /** Reads the documents, handing each to the given consumer in order. */
    @FunctionalInterface
    interface Reader<T> {
        void read(Consumer<T> handed) throws ImportFormatException, IOException;
    }

    private ReadAhead() {
    }

    /**
     * Runs {@code reader} on a thread of its own and {@code handler} on the caller's for each document read, in
     * order.
     *
     * @throws ImportFormatException as the reader threw it, after the documents read before were handled
     * @throws IOException           as the reader threw it, likewise
     */
    static <T> void run(Reader<T> reader, Consumer<T> handler) throws ImportFormatException, IOException {
        BlockingQueue<Step<T>> queue = new ArrayBlockingQueue<>(AHEAD);
        Stop stop = new Stop();
        Thread reading = new Thread(() -> {
            Step<T> last;
            try {
                reader.read(item -> put(queue, new Step<>(item, null, false), stop));
                last = new Step<>(null, null, true);
            } catch (Stopped e) {
                return;
            } catch (Exception | Error e) {
                last = new Step<>(null, e, true);
            }
            try {
                put(queue, last, stop);
            } catch (Stopped e) {
                // the caller stopped taking: nobody waits for the end
            }
        }, "pf-peppol-read-ahead");
        reading.setDaemon(true);
        reading.start();
        boolean ended = false;
        try {
            while (true) {
                Step<T> step = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (step == null) {
                    if (!reading.isAlive() && queue.isEmpty()) {
                        throw new IllegalStateException("The file's reader ended without a result.");
                    }
                    continue;
                }
                if (step.failure() != null) {
                    ended = true;
                    rethrow(step.failure());
                }
                if (step.end()) {
                    ended = true;
                    return;
                }
                handler.accept(step.item());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("The import was interrupted while reading the zip.");
        } finally {
            if (!ended) {
                stop.requested = true;
                queue.clear();
            }
            joinUninterruptibly(reading);
        }
    }

    private static <T> void put(BlockingQueue<Step<T>> queue, Step<T> step, Stop stop) {
        try {
            while (!stop.requested) {
                if (queue.offer(step, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Stopped();
    }

    private static void rethrow(Throwable failure) throws ImportFormatException, IOException {
        if (failure instanceof ImportFormatException e) {
            throw e;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(failure);
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One document read, or the end of the file, or the reader's failure. */
    private record Step<T>(T item, Throwable failure, boolean end) {
    }

    private static final class Stop {
        volatile boolean requested;
    }

    /** Unwinds the reader when the caller stopped taking documents. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }
}
