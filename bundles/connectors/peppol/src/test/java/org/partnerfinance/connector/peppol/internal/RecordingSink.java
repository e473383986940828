package org.partnerfinance.connector.peppol.internal;

import java.util.ArrayList;
import java.util.List;

import org.partnerfinance.connectors.api.ImportSink;
import org.partnerfinance.connectors.api.ItemOutcome;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.PaymentDraft;

/** A sink that keeps what the connector handed over, in order. */
class RecordingSink implements ImportSink {

    record Handed(String externalId, DocumentDraft draft, Original original, String rejection) {
    }

    final List<Handed> handed = new ArrayList<>();

    @Override
    public ItemOutcome document(String externalId, DocumentDraft draft, Original original) {
        handed.add(new Handed(externalId, draft, original, null));
        return new ItemOutcome(draft.number(), ItemOutcome.Result.CREATED, (long) handed.size(), null);
    }

    @Override
    public ItemOutcome payment(String externalId, PaymentDraft draft) {
        throw new AssertionError("the Peppol connector hands over no payments");
    }

    @Override
    public ItemOutcome reject(String externalId, String reason) {
        handed.add(new Handed(externalId, null, null, reason));
        return new ItemOutcome(externalId, ItemOutcome.Result.REJECTED, null, reason);
    }

    Handed only() {
        if (handed.size() != 1) {
            throw new AssertionError("expected one document, got " + handed);
        }
        return handed.get(0);
    }
}
