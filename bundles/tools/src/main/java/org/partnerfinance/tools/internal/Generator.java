package org.partnerfinance.tools.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.documents.api.AllocationRequest;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.PaymentDraft;
import org.partnerfinance.documents.api.PaymentMethod;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.partner.api.PostalAddress;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Caller;

/**
 * Writes a {@link GeneratePlan} through the services: partners (with the exchange rates their currencies need), then
 * documents in batches, each batch one unit of work that ends with an audit record of how far the run got. A batch
 * that fails leaves nothing behind; the next run starts after the last recorded batch.
 */
final class Generator {

    static final String ENTITY_TYPE = "generate";
    static final String PARTNERS_DONE = "generate.partners-created";
    static final String PROGRESS = "generate.progress";

    /** Rates of the generated currencies in euros, used only when the ledger has none for the oldest date. */
    private static final java.util.Map<String, BigDecimal> EUR_PER_UNIT = java.util.Map.of(
            "USD", new BigDecimal("0.92"), "GBP", new BigDecimal("1.165"), "EUR", BigDecimal.ONE);

    private final PartnerService partners;
    private final DocumentService documents;
    private final LedgerService ledger;
    private final AuditTrail audit;
    private final UnitOfWork unitOfWork;
    private final Caller caller;
    private final PrintStream out;

    Generator(PartnerService partners, DocumentService documents, LedgerService ledger, AuditTrail audit,
            UnitOfWork unitOfWork, Caller caller, PrintStream out) {
        this.partners = partners;
        this.documents = documents;
        this.ledger = ledger;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.caller = caller;
        this.out = out;
    }

    /** Where an earlier run of the same plan stopped: the number of documents it committed. */
    long resumeAt(GeneratePlan plan) {
        return audit.forEntity(ENTITY_TYPE, plan.runKey()).stream()
                .filter(r -> r.event().action().equals(PROGRESS))
                .mapToLong(r -> Long.parseLong(r.event().after()))
                .max().orElse(0);
    }

    /**
     * Runs (or continues) the plan until it is complete or {@code stop} says so between two batches.
     *
     * @return documents written by this call
     */
    long run(GeneratePlan plan, BooleanSupplier stop) {
        createPartners(plan);
        long start = resumeAt(plan);
        if (start >= plan.documents()) {
            out.printf(Locale.ROOT, "All %,d documents of this run exist already (partners %,d).%n", plan.documents(),
                    plan.partners());
            return 0;
        }
        if (start > 0) {
            out.printf(Locale.ROOT, "Continuing after document %,d of %,d (an earlier run committed those).%n", start,
                    plan.documents());
        }
        long begun = System.nanoTime();
        long written = 0;
        long first = start;
        while (first < plan.documents()) {
            if (stop.getAsBoolean()) {
                out.printf(Locale.ROOT, "%nStopped after document %,d; run the same command again to continue.%n",
                        first);
                return written;
            }
            long from = first;
            long end = plan.endOf(first);
            unitOfWork.required(() -> {
                writeBatch(plan, from, end);
                audit.append(new AuditEvent(caller.username(), PROGRESS, ENTITY_TYPE, plan.runKey(),
                        String.valueOf(from), String.valueOf(end)));
                return null;
            });
            written += end - from;
            first = end;
            progress(plan, start, first, written, System.nanoTime() - begun);
        }
        out.println();
        out.printf(Locale.ROOT, "Done: %,d documents in %s (%,.0f documents/s).%n", written,
                format(Duration.ofNanos(System.nanoTime() - begun)),
                written / Math.max(1e-9, (System.nanoTime() - begun) / 1e9));
        return written;
    }

    private void progress(GeneratePlan plan, long start, long done, long written, long nanos) {
        double seconds = nanos / 1e9;
        double rate = written / Math.max(1e-9, seconds);
        long left = plan.documents() - done;
        Duration eta = Duration.ofSeconds(rate > 0 ? (long) (left / rate) : 0);
        out.printf(Locale.ROOT, "\r%6.2f %%  %,d / %,d documents  %,.0f documents/s  ETA %s   ",
                100.0 * done / plan.documents(), done, plan.documents(), rate, format(eta));
        out.flush();
    }

    static String format(Duration duration) {
        long s = duration.getSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** The partners of the plan that do not exist yet, and a rate for each currency from the oldest date on. */
    private void createPartners(GeneratePlan plan) {
        if (audit.forEntity(ENTITY_TYPE, plan.runKey()).stream()
                .anyMatch(r -> r.event().action().equals(PARTNERS_DONE))) {
            return;
        }
        out.printf(Locale.ROOT, "Creating %,d partners ...%n", plan.partners());
        unitOfWork.required(() -> {
            LocalDate oldest = plan.oldestDate();
            Currency base = ledger.baseCurrency();
            for (String code : Set.of("EUR", "USD", "GBP")) {
                Currency currency = Currency.getInstance(code);
                if (!currency.equals(base) && ledger.rateOn(currency, oldest).isEmpty()) {
                    BigDecimal basePerEur = BigDecimal.ONE.divide(EUR_PER_UNIT.getOrDefault(base.getCurrencyCode(),
                            BigDecimal.ONE), 10, java.math.RoundingMode.HALF_EVEN);
                    ledger.setRate(caller, currency, oldest, EUR_PER_UNIT.get(code).multiply(basePerEur)
                            .setScale(6, java.math.RoundingMode.HALF_EVEN));
                }
            }
            for (int i = 0; i < plan.partners(); i++) {
                String id = GeneratePlan.partnerId(i);
                if (partners.find(caller, id).isEmpty()) {
                    Currency currency = Currency.getInstance(GeneratePlan.currency(i));
                    partners.create(caller, id, new PartnerDetails(GeneratePlan.partnerName(i), GeneratePlan.kind(i),
                            currency, Set.of(currency), "", "", new PostalAddress("Generated street " + (i + 1),
                                    String.format(Locale.ROOT, "%05d", 10000 + i % 89999), "Testing", "DE"),
                            30, null, true));
                }
            }
            audit.append(new AuditEvent(caller.username(), PARTNERS_DONE, ENTITY_TYPE, plan.runKey(), "",
                    String.valueOf(plan.partners())));
            return null;
        });
    }

    private void writeBatch(GeneratePlan plan, long from, long end) {
        for (long k = from; k < end; k++) {
            GeneratePlan.Doc doc = plan.document(k);
            Document created = documents.create(caller, new DocumentDraft(GeneratePlan.partnerId(doc.partnerIndex()),
                    doc.direction(), doc.kind(), doc.number(), doc.issueDate(), null, doc.currency(), doc.lines(),
                    null, null, "generator", doc.number()));
            if (doc.paid()) {
                BigDecimal amount = created.open().amount();
                documents.recordPayment(caller, new PaymentDraft(created.partnerId(), Direction.RECEIVABLE, amount,
                        doc.currency(), PaymentMethod.BANK_TRANSFER, created.dueDate().isAfter(LocalDate.now())
                                ? LocalDate.now() : created.dueDate(),
                        PaymentStatus.CONFIRMED, doc.number(), GeneratePlan.endToEndId(k), "generator",
                        GeneratePlan.bankReference(k), List.of(new AllocationRequest(created.id(), amount))));
            }
        }
    }
}
