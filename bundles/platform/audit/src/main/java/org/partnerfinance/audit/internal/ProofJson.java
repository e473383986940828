package org.partnerfinance.audit.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.SignedTreeHead;

/**
 * The JSON form of an inclusion proof, format {@value #FORMAT}: everything an independent verifier needs in one
 * document (the record's fields as hashed, leaf index, tree size, audit path, the signed tree head and the public key).
 * Field names are a published format: docs/audit-trail.md and docs/audit-proof/VerifyAuditProof.java read them.
 */
final class ProofJson {

    static final String FORMAT = "pf-audit-proof-v1";
    private static final JsonFactory JSON = new JsonFactory();

    private ProofJson() {
    }

    static String write(AuditRecord record, long leafIndex, SignedTreeHead head, List<String> path, String publicKey) {
        StringWriter out = new StringWriter(2048);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeObjectFieldStart("record");
            AuditEvent e = record.event();
            g.writeNumberField("seq", record.seq());
            g.writeStringField("at", AuditChain.formatTime(record.at()));
            g.writeStringField("actor", e.actor());
            g.writeStringField("action", e.action());
            g.writeStringField("entityType", e.entityType());
            g.writeStringField("entityId", e.entityId());
            g.writeStringField("before", e.before());
            g.writeStringField("after", e.after());
            g.writeStringField("previousHash", record.previousHash());
            g.writeStringField("hash", record.hash());
            g.writeEndObject();
            g.writeNumberField("leafIndex", leafIndex);
            g.writeNumberField("treeSize", head.treeSize());
            g.writeArrayFieldStart("auditPath");
            for (String hash : path) {
                g.writeString(hash);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("treeHead");
            g.writeNumberField("treeSize", head.treeSize());
            g.writeStringField("rootHash", head.rootHash());
            g.writeStringField("timestamp", AuditChain.formatTime(head.timestamp()));
            g.writeStringField("signature", head.signature());
            g.writeEndObject();
            g.writeStringField("publicKey", publicKey);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write an audit proof", e);
        }
        return out.toString() + "\n";
    }
}
