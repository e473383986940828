package org.partnerfinance.connectors.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.CollectionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.connectors.api.ConnectorDirection;
import org.partnerfinance.connectors.api.ConnectorInfo;
import org.partnerfinance.connectors.api.DocumentExportConnector;
import org.partnerfinance.connectors.api.ExportConnector;
import org.partnerfinance.connectors.api.ExportFormatException;
import org.partnerfinance.connectors.api.ExportRefusedException;
import org.partnerfinance.connectors.api.ExportRun;
import org.partnerfinance.connectors.api.ExportService;
import org.partnerfinance.connectors.api.PaymentOrder;
import org.partnerfinance.connectors.api.ReceivableExport;
import org.partnerfinance.connectors.api.UnknownConnectorException;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentFormats;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.extensions.api.FeatureToggles;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.BankAccount;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceException;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs export connectors on the {@code exports} persistence unit and keeps the record of every export.
 *
 * <p>An export is one unit of work: the selection is checked (every refusal collected, so finance sees all of them at
 * once), the payments are marked SENT through the documents service (which audits each), the connector writes the file
 * into memory — payment orders are small: one line per payment — and the run with its file and its own audit record
 * is stored. A refusal, a connector error or a database error rolls all of it back.
 */
@Component(service = {ExportService.class, DocumentFormats.class})
public class ExportServiceImpl implements ExportService, DocumentFormats {

    static final String UNIT = "exports";

    /** Who hands payments to the bank: finance managers, and integrators scripting it from the console. */
    static final Role[] EXPORTERS = {Role.FINANCE_MANAGER, Role.INTEGRATOR};
    /** Who reads export runs and downloads their files. */
    static final Role[] READERS = {Role.FINANCE_MANAGER, Role.FINANCE_REVIEWER, Role.INTEGRATOR, Role.ADMINISTRATOR};

    /** Who exports receivables as files for partners (Peppol UBL, ...): finance, and integrators at the console. */
    static final Role[] DOCUMENT_EXPORTERS = {Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.INTEGRATOR};
    /** Most documents in one export: every file is written into memory and kept with the run. */
    static final int MAX_DOCUMENTS = 1000;

    /** Most payments in one order: keeps the file (held in memory) and the unit of work bounded. */
    static final int MAX_PAYMENTS = 5000;
    /** ISO 20022 Max35Text: the end-to-end reference travels to the creditor's bank and back. */
    static final int MAX_END_TO_END = 35;
    /** ISO 20022 unstructured remittance (Max140Text). */
    static final int MAX_REMITTANCE = 140;
    private static final int MAX_RECENT = 500;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Logger LOG = LoggerFactory.getLogger(ExportServiceImpl.class);

    private final Jpa jpa;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final DocumentService documents;
    private final PartnerService partners;
    private final Clock clock;

    @Reference(name = "exporters", service = ExportConnector.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            collectionType = CollectionType.TUPLE)
    volatile List<Map.Entry<Map<String, ?>, ExportConnector>> exporters = List.of();

    @Reference(name = "documentExporters", service = DocumentExportConnector.class,
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, collectionType = CollectionType.TUPLE)
    volatile List<Map.Entry<Map<String, ?>, DocumentExportConnector>> documentExporters = List.of();

    @Reference(name = "toggles", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile FeatureToggles toggles;

    @Activate
    public ExportServiceImpl(BundleContext context, @Reference(name = "persistence") PersistenceService persistence,
            @Reference(name = "unitOfWork") UnitOfWork unitOfWork, @Reference(name = "audit") AuditTrail audit,
            @Reference(name = "documents") DocumentService documents,
            @Reference(name = "partners") PartnerService partners) {
        this(persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), List.of(), "db/exports")),
                unitOfWork, audit, documents, partners, Clock.systemUTC());
    }

    ExportServiceImpl(Jpa jpa, UnitOfWork unitOfWork, AuditTrail audit, DocumentService documents,
            PartnerService partners, Clock clock) {
        this.jpa = jpa;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.documents = documents;
        this.partners = partners;
        this.clock = clock;
    }

    @Deactivate
    void deactivate() {
        jpa.close();
    }

    @Override
    public List<ConnectorInfo> connectors(Caller caller) {
        Access.requireAnyRole(caller, READERS);
        return exporters.stream()
                .map(e -> new ConnectorInfo(e.getValue().id(), e.getValue().name(), e.getValue().formats(),
                        ConnectorDirection.EXPORT, enabled(e.getKey())))
                .sorted(Comparator.comparing(ConnectorInfo::id))
                .toList();
    }

    @Override
    public List<ConnectorInfo> documentConnectors(Caller caller) {
        Access.requireAnyRole(caller, READERS);
        return documentExporters.stream()
                .map(e -> new ConnectorInfo(e.getValue().id(), e.getValue().name(), e.getValue().formats(),
                        ConnectorDirection.EXPORT, enabled(e.getKey())))
                .sorted(Comparator.comparing(ConnectorInfo::id))
                .toList();
    }

    @Override
    public ExportRun export(Caller caller, String connectorId, List<Long> paymentIds) {
        Access.requireAnyRole(caller, EXPORTERS);
        ExportConnector connector = requireConnector(connectorId);
        List<Long> ids = selection(paymentIds);
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        ExportRun run = unitOfWork.required(() -> {
            List<Check> checked = check(caller, ids);
            long runId = jdbc(c -> ExportStore.reserve(c, connector.id(), caller.username(), now));
            String messageId = "PF-" + today.format(DAY) + "-" + runId;
            List<Payment> sent;
            try {
                sent = documents.markSent(caller, ids, messageId, today);
            } catch (DocumentValidationException e) {
                // another user changed a payment between the check and now: the unit of work rolls back
                throw new ExportRefusedException(List.of(e.getMessage()));
            }
            List<PaymentOrder.CreditTransfer> transfers = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                Payment p = sent.get(i);
                Partner partner = checked.get(i).partner();
                BankAccount account = partner.bankAccount();
                transfers.add(new PaymentOrder.CreditTransfer(p.id(), p.endToEndId(), p.amount(),
                        p.valueDate().isBefore(today) ? today : p.valueDate(), partner.id(),
                        account.holder().isEmpty() ? partner.name() : account.holder(), account.iban(), account.bic(),
                        remittance(p)));
            }
            PaymentOrder order = new PaymentOrder(messageId, now, transfers);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try {
                connector.write(order, buffer);
            } catch (ExportFormatException e) {
                throw new ExportRefusedException(List.of(e.getMessage()));
            } catch (IOException e) {
                throw new ExportRefusedException(List.of("The connector could not write the file: " + e.getMessage()));
            }
            byte[] content = buffer.toByteArray();
            ExportRun done = new ExportRun(runId, connector.id(), messageId,
                    messageId + "." + connector.fileExtension(), connector.contentType(), sha256(content),
                    content.length, caller.username(), now, ids, totals(transfers));
            jdbc(c -> {
                ExportStore.complete(c, done, content);
                return null;
            });
            audit.append(new AuditEvent(caller.username(), "export.completed", "export-run", Long.toString(runId),
                    "", describe(done)));
            return done;
        });
        LOG.info("Export run {} ({}): {}", run.id(), run.connector(), describe(run));
        return run;
    }

    /** A payment of the selection with its partner, once checked. */
    private record Check(Payment payment, Partner partner) {
    }

    /** Every reason the selection cannot go to the bank, all at once; the payments and partners when it can. */
    private List<Check> check(Caller caller, List<Long> ids) {
        List<String> reasons = new ArrayList<>();
        List<Check> checked = new ArrayList<>();
        Map<String, Optional<Partner>> partnerCache = new HashMap<>();
        for (long id : ids) {
            Optional<Payment> found = documents.findPayment(caller, id);
            if (found.isEmpty()) {
                reasons.add("Payment " + id + " is not known.");
                continue;
            }
            Payment p = found.get();
            if (p.direction() != Direction.PAYABLE || p.status() != PaymentStatus.SCHEDULED) {
                reasons.add("Payment " + id + " is a " + p.direction().id() + " payment with status " + p.status()
                        + ": only scheduled payments to partners go to the bank.");
                continue;
            }
            if (p.endToEndId() != null && p.endToEndId().length() > MAX_END_TO_END) {
                reasons.add("Payment " + id + ": its end-to-end reference " + p.endToEndId() + " is longer than "
                        + MAX_END_TO_END + " characters, the most a credit transfer carries.");
                continue;
            }
            Optional<Partner> partner = partnerCache.computeIfAbsent(p.partnerId(), pid -> partners.find(caller, pid));
            if (partner.isEmpty()) {
                reasons.add("Payment " + id + ": partner " + p.partnerId() + " is not known.");
                continue;
            }
            BankAccount account = partner.get().bankAccount();
            if (account.isEmpty() || !BankAccount.isValidIban(account.iban())) {
                reasons.add("Payment " + id + ": partner " + p.partnerId() + " (" + partner.get().name() + ") has "
                        + (account.isEmpty() ? "no IBAN on file" : "no valid IBAN (" + account.iban() + ")")
                        + "; enter it in the partner's master data.");
                continue;
            }
            checked.add(new Check(p, partner.get()));
        }
        if (!reasons.isEmpty()) {
            throw new ExportRefusedException(reasons);
        }
        return checked;
    }

    private static List<Long> selection(List<Long> paymentIds) {
        if (paymentIds == null || paymentIds.isEmpty()) {
            throw new ExportRefusedException(List.of("Select at least one payment."));
        }
        if (paymentIds.stream().anyMatch(java.util.Objects::isNull)
                || new LinkedHashSet<>(paymentIds).size() != paymentIds.size()) {
            throw new ExportRefusedException(List.of("Each payment is selected once."));
        }
        if (paymentIds.size() > MAX_PAYMENTS) {
            throw new ExportRefusedException(List.of("One payment order carries at most " + MAX_PAYMENTS
                    + " payments; select fewer."));
        }
        return List.copyOf(paymentIds);
    }

    /** The remittance the partner reads: the payment's own, or the documents it settles, cut to 140 characters. */
    private static String remittance(Payment p) {
        String text = p.remittance() == null || p.remittance().isBlank()
                ? String.join(", ", p.allocations().stream().map(a -> a.documentNumber()).toList())
                : p.remittance().strip();
        text = text.replaceAll("\\p{Cntrl}", " ");
        return text.length() <= MAX_REMITTANCE ? text : text.substring(0, MAX_REMITTANCE);
    }

    private static List<Money> totals(List<PaymentOrder.CreditTransfer> transfers) {
        Map<String, Money> byCurrency = new LinkedHashMap<>();
        for (PaymentOrder.CreditTransfer t : transfers) {
            byCurrency.merge(t.amount().currency().getCurrencyCode(), t.amount(), Money::plus);
        }
        return List.copyOf(byCurrency.values());
    }

    // ---- receivable documents (1.3) ------------------------------------------------------------------------------

    @Override
    public ExportRun exportDocuments(Caller caller, String connectorId, List<Long> documentIds) {
        Access.requireAnyRole(caller, DOCUMENT_EXPORTERS);
        DocumentExportConnector connector = requireDocumentConnector(connectorId);
        List<Long> ids = documentSelection(documentIds);
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        ExportRun run = unitOfWork.required(() -> {
            List<ReceivableExport> selected = receivables(caller, ids);
            long runId = jdbc(c -> ExportStore.reserve(c, connector.id(), caller.username(), now));
            String reference = "PF-DOC-" + today.format(DAY) + "-" + runId;
            List<DocumentFiles.Written> files = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (ReceivableExport r : selected) {
                try {
                    files.add(new DocumentFiles.Written(r.document(), write(connector, r)));
                } catch (ExportRefusedException e) {
                    reasons.addAll(e.reasons());
                }
            }
            if (!reasons.isEmpty()) {
                throw new ExportRefusedException(reasons);
            }
            byte[] content;
            String fileName;
            String contentType;
            if (files.size() == 1) {
                content = files.get(0).content();
                fileName = DocumentFiles.name(files.get(0).document(), connector.fileExtension());
                contentType = connector.contentType();
            } else {
                content = DocumentFiles.zip(files, connector.fileExtension());
                fileName = reference + ".zip";
                contentType = DocumentFiles.ZIP;
            }
            ExportRun done = new ExportRun(runId, connector.id(), reference, fileName, contentType, sha256(content),
                    content.length, caller.username(), now, List.of(),
                    documentTotals(selected.stream().map(ReceivableExport::document).toList()), ids);
            jdbc(c -> {
                ExportStore.complete(c, done, content);
                return null;
            });
            audit.append(new AuditEvent(caller.username(), "export.documents", "export-run", Long.toString(runId),
                    "", describeDocuments(done, selected)));
            return done;
        });
        LOG.info("Export run {} ({}): {}", run.id(), run.connector(), describe(run));
        return run;
    }

    @Override
    public Optional<ExportRun.ExportFile> documentFile(Caller caller, String connectorId, long documentId) {
        Access.requireCaller(caller);
        if (caller.hasAny(DOCUMENT_EXPORTERS)) {
            if (documents.find(caller, documentId).isEmpty()) {
                return Optional.empty();
            }
            ExportRun run = exportDocuments(caller, connectorId, List.of(documentId));
            return file(caller, run.id());
        }
        if (!caller.isPartner()) {
            // staff without an export role (administrators): exporting documents is finance's
            Access.requireAnyRole(caller, DOCUMENT_EXPORTERS);
        }
        DocumentExportConnector connector = requireDocumentConnector(connectorId);
        // a partner's user reads their own document in another format: the documents service hides other partners'
        return unitOfWork.required(() -> {
            Optional<Document> found = documents.find(caller, documentId);
            if (found.isEmpty()) {
                return Optional.<ExportRun.ExportFile>empty();
            }
            ReceivableExport r = receivable(caller, found.get());
            byte[] content = write(connector, r);
            return Optional.of(new ExportRun.ExportFile(DocumentFiles.name(r.document(), connector.fileExtension()),
                    connector.contentType(), content));
        });
    }

    /**
     * The document detail page's downloads (documents API 1.2): every switched-on document export connector, for
     * receivables, to those who may have one written through {@link #documentFile} (the partner's own users, and
     * finance reviewers, finance managers and integrators, whose download is recorded as an export run).
     */
    @Override
    public List<Format> offered(Caller caller, Document document) {
        if (caller == null || document == null || document.direction() != Direction.RECEIVABLE
                || !(caller.isPartner() || caller.hasAny(DOCUMENT_EXPORTERS))) {
            return List.of();
        }
        return documentExporters.stream()
                .filter(e -> enabled(e.getKey()))
                .map(e -> new Format(e.getValue().id(), e.getValue().name()))
                .sorted(Comparator.comparing(Format::id))
                .toList();
    }

    @Override
    public Optional<DocumentFile> write(Caller caller, String formatId, long documentId) {
        try {
            return documentFile(caller, formatId, documentId)
                    .map(f -> new DocumentFile(f.fileName(), f.contentType(), f.content()));
        } catch (ExportRefusedException e) {
            throw new DocumentValidationException("format", String.join(" ", e.reasons()));
        } catch (UnknownConnectorException e) {
            throw new DocumentValidationException("format", e.getMessage());
        }
    }

    /** The selected documents as the connector gets them; every document at fault named at once. */
    private List<ReceivableExport> receivables(Caller caller, List<Long> ids) {
        List<String> reasons = new ArrayList<>();
        List<ReceivableExport> list = new ArrayList<>();
        for (long id : ids) {
            Optional<Document> found = documents.find(caller, id);
            if (found.isEmpty()) {
                reasons.add("Document " + id + " is not known.");
                continue;
            }
            try {
                list.add(receivable(caller, found.get()));
            } catch (ExportRefusedException e) {
                reasons.addAll(e.reasons());
            }
        }
        if (!reasons.isEmpty()) {
            throw new ExportRefusedException(reasons);
        }
        return list;
    }

    private ReceivableExport receivable(Caller caller, Document d) {
        if (d.direction() != Direction.RECEIVABLE) {
            throw new ExportRefusedException(List.of(DocumentFiles.label(d) + " is a payable (the partner's "
                    + "document to the company); only receivables, the company's own invoices and credit notes, "
                    + "are exported."));
        }
        // the caller may read the document; its partner's master data is read as the platform, which the
        // format needs whether or not the caller's role reads partner master data (integrators do not)
        Partner buyer = partners.find(Caller.system(), d.partnerId()).orElseThrow(() -> new ExportRefusedException(
                List.of(DocumentFiles.label(d) + ": partner " + d.partnerId() + " is not known.")));
        String credited = null;
        if (d.kind() == DocumentKind.CREDIT_NOTE && d.creditedId() != null) {
            credited = documents.find(Caller.system(), d.creditedId()).map(Document::number).orElse(null);
        }
        return new ReceivableExport(d, buyer, credited);
    }

    private static byte[] write(DocumentExportConnector connector, ReceivableExport r) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            connector.write(r, buffer);
        } catch (ExportFormatException e) {
            throw new ExportRefusedException(List.of(DocumentFiles.label(r.document()) + ": " + e.getMessage()));
        } catch (IOException e) {
            throw new ExportRefusedException(List.of(DocumentFiles.label(r.document())
                    + ": the connector could not write the file: " + e.getMessage()));
        }
        return buffer.toByteArray();
    }

    private static List<Long> documentSelection(List<Long> documentIds) {
        if (documentIds == null || documentIds.isEmpty()) {
            throw new ExportRefusedException(List.of("Select at least one document."));
        }
        if (documentIds.stream().anyMatch(java.util.Objects::isNull)
                || new LinkedHashSet<>(documentIds).size() != documentIds.size()) {
            throw new ExportRefusedException(List.of("Each document is selected once."));
        }
        if (documentIds.size() > MAX_DOCUMENTS) {
            throw new ExportRefusedException(List.of("One export carries at most " + MAX_DOCUMENTS
                    + " documents; select fewer."));
        }
        return List.copyOf(documentIds);
    }

    /** Gross per currency, credit notes subtracted. */
    private static List<Money> documentTotals(List<Document> list) {
        Map<String, Money> byCurrency = new LinkedHashMap<>();
        for (Document d : list) {
            Money gross = d.kind() == DocumentKind.CREDIT_NOTE ? d.gross().negate() : d.gross();
            byCurrency.merge(gross.currency().getCurrencyCode(), gross, Money::plus);
        }
        return List.copyOf(byCurrency.values());
    }

    private static String describeDocuments(ExportRun run, List<ReceivableExport> selected) {
        return "connector=" + run.connector() + "; reference=" + run.messageId() + "; file=" + run.fileName()
                + "; sha256=" + run.sha256() + "; bytes=" + run.bytes() + "; documents=" + run.documentIds().size()
                + " " + String.join(", ", selected.stream().map(r -> r.document().id() + " "
                        + r.document().number() + " (" + r.document().partnerId() + ")").toList())
                + "; totals=" + ExportStore.totals(run.totals());
    }

    private DocumentExportConnector requireDocumentConnector(String connectorId) {
        return Registered.require(documentExporters, DocumentExportConnector::id, connectorId,
                "document export connector", "export with", toggles);
    }

    @Override
    public Optional<ExportRun> find(Caller caller, long runId) {
        Access.requireAnyRole(caller, READERS);
        return unitOfWork.required(() -> jdbc(c -> ExportStore.find(c, runId)));
    }

    @Override
    public List<ExportRun> recent(Caller caller, String connectorId, int limit) {
        Access.requireAnyRole(caller, READERS);
        int max = Math.max(1, Math.min(limit, MAX_RECENT));
        return unitOfWork.required(() -> jdbc(c -> ExportStore.recent(c, connectorId, max)));
    }

    @Override
    public Optional<ExportRun.ExportFile> file(Caller caller, long runId) {
        Access.requireAnyRole(caller, READERS);
        return unitOfWork.required(() -> jdbc(c -> ExportStore.file(c, runId)));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private <T> T jdbc(ImportServiceImpl.SqlWork<T> work) {
        return jpa.tx(em -> {
            try {
                return work.run(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new PersistenceException("Export records: " + e.getMessage(), e);
            }
        });
    }

    private ExportConnector requireConnector(String connectorId) {
        return Registered.require(exporters, ExportConnector::id, connectorId, "export connector", "export with",
                toggles);
    }

    private boolean enabled(Map<String, ?> properties) {
        return Registered.enabled(properties, toggles);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String describe(ExportRun run) {
        if (run.documentExport()) {
            return "connector=" + run.connector() + "; reference=" + run.messageId() + "; file=" + run.fileName()
                    + "; sha256=" + run.sha256() + "; bytes=" + run.bytes() + "; documents="
                    + run.documentIds().size() + " " + run.documentIds() + "; totals="
                    + ExportStore.totals(run.totals());
        }
        return "connector=" + run.connector() + "; message id=" + run.messageId() + "; file=" + run.fileName()
                + "; sha256=" + run.sha256() + "; bytes=" + run.bytes() + "; payments=" + run.count() + " "
                + run.paymentIds() + "; totals=" + ExportStore.totals(run.totals());
    }
}
