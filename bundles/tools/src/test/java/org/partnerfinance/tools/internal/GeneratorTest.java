package org.partnerfinance.tools.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.DuplicateDocumentException;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.persistence.api.Work;
import org.partnerfinance.security.api.Caller;

/**
 * A run stopped between batches, or one whose batch failed, continues with the next document an earlier run did not
 * commit: every document is written exactly once.
 */
public class GeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 4);

    /** The database: committed documents by number, partners, audit records; a unit of work restores on failure. */
    private Map<String, DocumentDraft> documents = new LinkedHashMap<>();
    private Map<String, Partner> partners = new LinkedHashMap<>();
    private List<AuditRecord> audit = new ArrayList<>();
    private String failOn;
    private final AtomicInteger payments = new AtomicInteger();

    @Test
    public void aStoppedRunContinuesWhereItStopped() {
        GeneratePlan plan = new GeneratePlan(3, 1_000, 100, 0, TODAY);
        AtomicInteger batches = new AtomicInteger();
        long first = generator().run(plan, () -> batches.incrementAndGet() > 4);
        assertEquals(400, first);
        assertEquals(400, documents.size());

        long second = generator().run(plan, () -> false);
        assertEquals(600, second);
        assertEquals(1_000, documents.size());
        assertEquals(0, generator().run(plan, () -> false));
        assertEquals(3, partners.size());
    }

    @Test
    public void aFailedBatchLeavesNothingAndTheNextRunWritesIt() {
        GeneratePlan plan = new GeneratePlan(5, 500, 50, 30, TODAY);
        failOn = plan.document(260).number();
        try {
            generator().run(plan, () -> false);
        } catch (IllegalStateException expected) {
            // the batch of document 260 failed
        }
        assertEquals(250, documents.size());
        failOn = null;
        generator().run(plan, () -> false);
        assertEquals(500, documents.size());
        assertTrue("no payments written", payments.get() > 0);
    }

    @Test
    public void aLargerRunContinuesASmallerOne() {
        generator().run(new GeneratePlan(4, 120, 50, 0, TODAY), () -> false);
        assertEquals(120, documents.size());
        long written = generator().run(new GeneratePlan(4, 300, 70, 0, TODAY), () -> false);
        assertEquals(180, written);
        assertEquals(300, documents.size());
    }

    private Generator generator() {
        return new Generator(service(PartnerService.class), service(DocumentService.class),
                service(LedgerService.class), service(AuditTrail.class), service(UnitOfWork.class), Caller.system(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private <T> T service(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> {
                    String call = type.getSimpleName() + "." + method.getName();
                    switch (call) {
                        case "UnitOfWork.required": {
                            Map<String, DocumentDraft> d = new LinkedHashMap<>(documents);
                            Map<String, Partner> p = new LinkedHashMap<>(partners);
                            List<AuditRecord> a = new ArrayList<>(audit);
                            try {
                                return ((Work<?>) args[0]).run();
                            } catch (RuntimeException e) {
                                documents = d;
                                partners = p;
                                audit = a;
                                throw e;
                            }
                        }
                        case "AuditTrail.append": {
                            AuditEvent event = (AuditEvent) args[0];
                            AuditRecord record = new AuditRecord(audit.size() + 1, Instant.now(), event, "", "");
                            audit.add(record);
                            return record;
                        }
                        case "AuditTrail.forEntity":
                            return audit.stream().filter(r -> r.event().entityType().equals(args[0])
                                    && r.event().entityId().equals(args[1])).toList();
                        case "PartnerService.find":
                            return Optional.ofNullable(partners.get((String) args[1]));
                        case "PartnerService.create": {
                            PartnerDetails d = (PartnerDetails) args[2];
                            Partner partner = new Partner((String) args[1], d.name(), d.kind(), d.defaultCurrency(),
                                    true);
                            partners.put(partner.id(), partner);
                            return partner;
                        }
                        case "LedgerService.baseCurrency":
                            return Currency.getInstance("EUR");
                        case "LedgerService.rateOn":
                            return Optional.empty();
                        case "LedgerService.setRate":
                            return null;
                        case "DocumentService.create": {
                            DocumentDraft draft = (DocumentDraft) args[1];
                            if (!partners.containsKey(draft.partnerId())) {
                                throw new IllegalArgumentException("unknown partner " + draft.partnerId());
                            }
                            if (draft.number().equals(failOn)) {
                                throw new IllegalStateException("disk full");
                            }
                            String key = draft.partnerId() + draft.direction() + draft.number();
                            if (documents.containsKey(key)) {
                                throw new DuplicateDocumentException(1L, draft.number(),
                                        "duplicate " + draft.number());
                            }
                            documents.put(key, draft);
                            Money gross = Money.of(new BigDecimal("100.00"), draft.currency());
                            return new Document(documents.size(), draft.partnerId(), "", draft.direction(),
                                    draft.kind(), draft.number(), draft.issueDate(), draft.issueDate().plusDays(30),
                                    List.of(), List.of(), gross, gross, gross, gross, DocumentStatus.OPEN,
                                    Settlement.UNPAID, false, null, "", "", Instant.now(), 0);
                        }
                        case "DocumentService.recordPayment":
                            payments.incrementAndGet();
                            return null;
                        default:
                            throw new UnsupportedOperationException(call);
                    }
                }));
    }
}
