package org.partnerfinance.connectors.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.partnerfinance.connectors.api.ImportProgress;
import org.partnerfinance.connectors.api.ImportRun;
import org.partnerfinance.connectors.api.ImportSink;
import org.partnerfinance.connectors.api.ItemOutcome;
import org.partnerfinance.connectors.api.ItemWork;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.documents.api.DuplicateDocumentException;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentDraft;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;

/**
 * The sink of one run: stores each document a connector hands over all-or-nothing — the document (with its postings
 * and audit record, by the documents service), the connector's item record and the original — and counts what came
 * of it.
 *
 * <p>Batches: a durable commit per document made the database's log writes most of an import's time, so the documents
 * of a run are stored in batches, one transaction each, every document in a savepoint of its own
 * ({@link org.partnerfinance.persistence.api.UnitOfWork#savepoint}): a refused document is undone alone and the others
 * commit together. A batch ends after {@link #BATCH_ITEMS} documents, after {@link #BATCH_MILLIS} ms (it holds the audit
 * trail's head lock, which every other change of the portal waits for), or as soon as the connector has nothing ready
 * within {@link #IDLE_MILLIS} ms (a slow upload keeps nothing locked). A unit of work spans one lambda on one thread,
 * while the connector calls this sink once per document: so the documents are stored on a thread of the run's own,
 * which runs each batch as one unit of work, and each call waits there for its document's outcome. When the database
 * rolls a batch back as a whole (a lock timeout or deadlock, see the unit of work), the batch is run again from its
 * first document; the run's counts are those of committed batches. What a connector is told when its call returns is
 * the outcome in the open batch: should the batch then fail, the run fails and says so, and the documents of that
 * batch are not there (a re-import creates them).
 *
 * <p>Idempotency: the connector's item record (connector + external id) holds a hash of the content. The same id with
 * the same hash is a duplicate; with another hash a conflicting re-import, refused. A document that another way in
 * created already (same partner, direction and number) is a duplicate by the documents service's own rule.
 */
final class RunSink implements ImportSink {

    static final String DOCUMENT = "document";
    static final String PAYMENT = "payment";

    /** Documents per batch (one transaction); the tests set it to show that batches split where they should. */
    static final int BATCH_ITEMS = 200;
    /** A batch commits after this long, so that other writers never wait long for the audit head it holds. */
    static final long BATCH_MILLIS = 250;
    /** A batch commits when the connector has handed nothing more for this long (e.g. a slow upload). */
    static final long IDLE_MILLIS = 20;

    private final ImportServiceImpl service;
    private final Caller caller;
    private final String connectorId;
    private final long runId;
    private final MeteredStream stream;
    private final ImportProgress progress;
    private final int batchItems;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    // written by the store thread when a batch commits, read by the caller's thread
    private final List<ImportRun.Rejection> rejections = new ArrayList<>();
    private volatile long documents;
    private volatile long created;
    private volatile long duplicates;
    private volatile long rejected;
    private Thread storing;
    private volatile Throwable storeFailure;

    RunSink(ImportServiceImpl service, Caller caller, String connectorId, long runId, MeteredStream stream,
            ImportProgress progress) {
        this(service, caller, connectorId, runId, stream, progress, BATCH_ITEMS);
    }

    RunSink(ImportServiceImpl service, Caller caller, String connectorId, long runId, MeteredStream stream,
            ImportProgress progress, int batchItems) {
        this.batchItems = batchItems;
        this.service = service;
        this.caller = caller;
        this.connectorId = connectorId;
        this.runId = runId;
        this.stream = stream;
        this.progress = progress;
    }

    @Override
    public ItemOutcome document(String externalId, DocumentDraft draft, Original original) {
        String label = draft != null && draft.number() != null && !draft.number().isBlank() ? draft.number().strip()
                : externalId;
        if (draft == null) {
            return reject(label, "The connector handed over no document.");
        }
        return store(label, externalId, hash(draft.toString()), () -> {
            Document document = service.documents().create(caller, draft);
            if (original != null) {
                service.jdbc(c -> {
                    RunStore.insertOriginal(c, connectorId, externalId.strip(), original.fileName(),
                            original.contentType(), original.content());
                    return null;
                });
            }
            return new ItemWork.Done(DOCUMENT, document.id());
        });
    }

    @Override
    public ItemOutcome payment(String externalId, PaymentDraft draft) {
        String label = externalId;
        if (draft == null) {
            return reject(label, "The connector handed over no payment.");
        }
        return store(label, externalId, hash(draft.toString()), () -> {
            Payment payment = service.documents().recordPayment(caller, draft);
            return new ItemWork.Done(PAYMENT, payment.id());
        });
    }

    @Override
    public ItemOutcome item(String externalId, String label, String content, ItemWork work) {
        String shown = label == null || label.isBlank() ? externalId : label.strip();
        if (work == null) {
            return reject(shown, "The connector handed over no work for the item.");
        }
        return store(shown, externalId, hash(content == null ? "" : content), () -> {
            ItemWork.Done done = work.apply(caller);
            if (done == null) {
                throw new IllegalArgumentException("The connector did nothing with the item.");
            }
            return done;
        });
    }

    @Override
    public ItemOutcome reject(String externalId, String reason) {
        return count(rejected(externalId == null || externalId.isBlank() ? "(unnamed)" : externalId.strip(),
                reason == null || reason.isBlank() ? "Refused by the connector." : reason.strip()));
    }

    /** Creates one item in the current batch, in a savepoint of its own, unless the connector created it before. */
    private ItemOutcome store(String label, String externalId, String hash, Creation creation) {
        if (externalId == null || externalId.isBlank()) {
            return count(rejected(label == null ? "(unnamed)" : label,
                    "The document has no identity in its source (external id), so a re-import could not be told "
                            + "from a new document."));
        }
        String id = externalId.strip();
        if (id.length() > 255) {
            return count(rejected(RunStore.clip(id, 60), "The document's identity is longer than 255 characters."));
        }
        return hand(new Item(() -> create(label, id, hash, creation), null));
    }

    /** Runs on the store thread, inside a batch. */
    private ItemOutcome create(String label, String id, String hash, Creation creation) {
        try {
            return service.unitOfWork().savepoint(() -> {
                Optional<RunStore.Item> earlier = service.jdbc(c -> RunStore.findItem(c, connectorId, id));
                if (earlier.isPresent()) {
                    return earlierOutcome(label, earlier.get(), hash);
                }
                ItemWork.Done done = creation.create();
                service.jdbc(c -> {
                    RunStore.insertItem(c, new RunStore.Item(connectorId, id, hash, done.kind(), done.id()), runId,
                            service.now());
                    return null;
                });
                return new ItemOutcome(label, ItemOutcome.Result.CREATED, done.id(), null);
            });
        } catch (DuplicateDocumentException e) {
            return new ItemOutcome(label, ItemOutcome.Result.DUPLICATE, e.existingId(), e.getMessage());
        } catch (DocumentValidationException | AccessDeniedException e) {
            return rejected(label, e.getMessage());
        } catch (IllegalArgumentException e) {
            return rejected(label, e.getMessage());
        } catch (RuntimeException e) {
            // a concurrent run may have stored the same item between our check and our insert: then it is a duplicate
            Optional<RunStore.Item> now = service.jdbcUnit(c -> RunStore.findItem(c, connectorId, id));
            if (now.isPresent()) {
                return earlierOutcome(label, now.get(), hash);
            }
            throw e;
        }
    }

    /** A refusal that needs no database: counted in the order the connector handed it, with the batch it is in. */
    private ItemOutcome count(ItemOutcome outcome) {
        return hand(new Item(null, outcome));
    }

    /** Hands the item to the store thread and waits for its outcome in the open batch. */
    private ItemOutcome hand(Item item) {
        failIfStoringFailed();
        if (storing == null) {
            storing = new Thread(this::storeBatches, "pf-import-run-" + runId);
            storing.setDaemon(true);
            storing.start();
        }
        queue.add(item);
        ItemOutcome outcome = null;
        while (outcome == null) {
            try {
                outcome = item.outcome.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!storing.isAlive()) {
                    // it failed after draining the queue and before this item arrived
                    failIfStoringFailed();
                    throw new IllegalStateException("The import's documents are no longer stored.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The import was interrupted.", e);
            } catch (ExecutionException e) {
                failIfStoringFailed();
                throw new IllegalStateException("The import's documents could not be stored: " + e.getCause(), e);
            }
        }
        progress.update(stream.count(), documents);
        return outcome;
    }

    private void failIfStoringFailed() {
        Throwable failure = storeFailure;
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /**
     * Commits the last batch and ends the store thread; the connector hands nothing more. Rethrows what made storing
     * fail, if anything did (the run then fails; what earlier batches committed stays).
     */
    void finish() {
        if (storing == null) {
            return;
        }
        queue.add(Item.END);
        boolean interrupted = false;
        while (storing.isAlive()) {
            try {
                storing.join();
            } catch (InterruptedException e) {
                // the batch in progress must end before the run is recorded: wait, and keep the interrupt
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        progress.update(stream.count(), documents);
        failIfStoringFailed();
    }

    /** The store thread: batches until the end, each a unit of work; counts what each committed batch did. */
    private void storeBatches() {
        List<Item> batch = new ArrayList<>();
        try {
            boolean end = false;
            while (!end) {
                Item first = queue.take();
                if (first == Item.END) {
                    return;
                }
                batch = new ArrayList<>();
                batch.add(first);
                List<Item> current = batch;
                end = service.unitOfWork().required(() -> batch(current));
                counted(batch);
            }
        } catch (Throwable e) {
            storeFailure = e;
            // whoever waits for an item of the failed batch, or handed one since, must not wait for ever
            for (Item item : batch) {
                item.outcome.completeExceptionally(e);
            }
            for (Item waiting; (waiting = queue.poll()) != null;) {
                waiting.outcome.completeExceptionally(e);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * One batch in the current unit of work: the items it has (again, when the unit of work runs a second time after
     * the database rolled it back), then new ones until it is full, old or idle, or the run ends.
     *
     * @return whether the run has ended
     */
    private boolean batch(List<Item> batch) throws InterruptedException {
        for (Item item : batch) {
            item.store();
        }
        long deadline = System.nanoTime() + BATCH_MILLIS * 1_000_000;
        while (batch.size() < batchItems && System.nanoTime() < deadline) {
            Item next = queue.poll(IDLE_MILLIS, TimeUnit.MILLISECONDS);
            if (next == null) {
                return false;
            }
            if (next == Item.END) {
                return true;
            }
            batch.add(next);
            next.store();
        }
        return false;
    }

    /** Counts a committed batch. */
    private void counted(List<Item> batch) {
        for (Item item : batch) {
            ItemOutcome outcome = item.stored;
            switch (outcome.result()) {
                case CREATED -> created++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> {
                    rejected++;
                    synchronized (rejections) {
                        if (rejections.size() < RunStore.MAX_REJECTIONS) {
                            rejections.add(new ImportRun.Rejection(RunStore.clip(outcome.document(), 255),
                                    RunStore.clip(outcome.reason(), 1000)));
                        }
                    }
                }
            }
            documents++;
        }
    }

    private static ItemOutcome earlierOutcome(String label, RunStore.Item earlier, String hash) {
        if (earlier.contentHash().equals(hash)) {
            return new ItemOutcome(label, ItemOutcome.Result.DUPLICATE, earlier.targetId(),
                    "Imported before as " + earlier.kind() + " " + earlier.targetId() + "; nothing changed.");
        }
        return new ItemOutcome(label, ItemOutcome.Result.REJECTED, null, "Imported before as " + earlier.kind() + " "
                + earlier.targetId() + " with other content; a changed re-import is not applied (correct the "
                + "document in the portal, e.g. with a credit note).");
    }

    private static ItemOutcome rejected(String label, String reason) {
        return new ItemOutcome(label, ItemOutcome.Result.REJECTED, null, reason);
    }

    static String hash(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }

    long documents() {
        return documents;
    }

    long created() {
        return created;
    }

    long duplicates() {
        return duplicates;
    }

    long rejectedCount() {
        return rejected;
    }

    List<ImportRun.Rejection> rejections() {
        synchronized (rejections) {
            return List.copyOf(rejections);
        }
    }

    @FunctionalInterface
    private interface Creation {
        ItemWork.Done create();
    }

    /**
     * What the connector handed: work to do in the batch, or an outcome known at once. The outcome of its last store
     * is what a committed batch counts; the first one answers the connector's call.
     */
    private static final class Item {
        static final Item END = new Item(null, null);

        final Supplier<ItemOutcome> work;
        final CompletableFuture<ItemOutcome> outcome = new CompletableFuture<>();
        ItemOutcome stored;

        Item(Supplier<ItemOutcome> work, ItemOutcome known) {
            this.work = work;
            this.stored = known;
        }

        void store() {
            if (work != null) {
                stored = work.get();
            }
            outcome.complete(stored);
        }
    }
}
