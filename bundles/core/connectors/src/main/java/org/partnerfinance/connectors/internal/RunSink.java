package org.partnerfinance.connectors.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

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
 * The sink of one run: stores each document a connector hands over in a unit of work of its own — the document (with
 * its postings and audit record, by the documents service), the connector's item record and the original — and counts
 * what came of it.
 *
 * <p>Idempotency: the connector's item record (connector + external id) holds a hash of the content. The same id with
 * the same hash is a duplicate; with another hash a conflicting re-import, refused. A document that another way in
 * created already (same partner, direction and number) is a duplicate by the documents service's own rule.
 */
final class RunSink implements ImportSink {

    static final String DOCUMENT = "document";
    static final String PAYMENT = "payment";

    private final ImportServiceImpl service;
    private final Caller caller;
    private final String connectorId;
    private final long runId;
    private final MeteredStream stream;
    private final ImportProgress progress;
    private final List<ImportRun.Rejection> rejections = new ArrayList<>();
    private long documents;
    private long created;
    private long duplicates;
    private long rejected;

    RunSink(ImportServiceImpl service, Caller caller, String connectorId, long runId, MeteredStream stream,
            ImportProgress progress) {
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
            return count(reject(label, "The connector handed over no document."));
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
            return count(reject(label, "The connector handed over no payment."));
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
            return count(reject(shown, "The connector handed over no work for the item."));
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

    /** Creates one item in a unit of work of its own, unless the connector created it before. */
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
        try {
            return count(service.unitOfWork().required(() -> {
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
            }));
        } catch (DuplicateDocumentException e) {
            return count(new ItemOutcome(label, ItemOutcome.Result.DUPLICATE, e.existingId(), e.getMessage()));
        } catch (DocumentValidationException | AccessDeniedException e) {
            return count(rejected(label, e.getMessage()));
        } catch (IllegalArgumentException e) {
            return count(rejected(label, e.getMessage()));
        } catch (RuntimeException e) {
            // a concurrent run may have stored the same item between our check and our insert: then it is a duplicate
            Optional<RunStore.Item> now = service.jdbcUnit(c -> RunStore.findItem(c, connectorId, id));
            if (now.isPresent()) {
                return count(earlierOutcome(label, now.get(), hash));
            }
            throw e;
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

    private ItemOutcome count(ItemOutcome outcome) {
        documents++;
        switch (outcome.result()) {
            case CREATED -> created++;
            case DUPLICATE -> duplicates++;
            case REJECTED -> {
                rejected++;
                if (rejections.size() < RunStore.MAX_REJECTIONS) {
                    rejections.add(new ImportRun.Rejection(RunStore.clip(outcome.document(), 255),
                            RunStore.clip(outcome.reason(), 1000)));
                }
            }
        }
        progress.update(stream.count(), documents);
        return outcome;
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
        return List.copyOf(rejections);
    }

    @FunctionalInterface
    private interface Creation {
        ItemWork.Done create();
    }
}
