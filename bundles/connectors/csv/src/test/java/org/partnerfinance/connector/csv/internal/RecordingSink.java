package org.partnerfinance.connector.csv.internal;

import java.util.ArrayList;
import java.util.List;

import org.partnerfinance.connectors.api.ImportSink;
import org.partnerfinance.connectors.api.ItemOutcome;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.PaymentDraft;

/** A sink that keeps what the connector handed over, in order. */
final class RecordingSink implements ImportSink {

    record Handed(String externalId, DocumentDraft draft, String rejection) {
    }

    final List<Handed> handed = new ArrayList<>();

    @Override
    public ItemOutcome document(String externalId, DocumentDraft draft, Original original) {
        handed.add(new Handed(externalId, draft, null));
        return new ItemOutcome(draft.number(), ItemOutcome.Result.CREATED, (long) handed.size(), null);
    }

    @Override
    public ItemOutcome payment(String externalId, PaymentDraft draft) {
        throw new AssertionError("the CSV connector hands over no payments");
    }

    @Override
    public ItemOutcome reject(String externalId, String reason) {
        handed.add(new Handed(externalId, null, reason));
        return new ItemOutcome(externalId, ItemOutcome.Result.REJECTED, null, reason);
    }

    List<DocumentDraft> documents() {
        return handed.stream().filter(h -> h.draft() != null).map(Handed::draft).toList();
    }

    List<Handed> rejections() {
        return handed.stream().filter(h -> h.rejection() != null).toList();
    }
}
