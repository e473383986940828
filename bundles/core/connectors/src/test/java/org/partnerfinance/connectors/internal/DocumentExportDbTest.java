package org.partnerfinance.connectors.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.connectors.api.DocumentExportConnector;
import org.partnerfinance.connectors.api.ExportFormatException;
import org.partnerfinance.connectors.api.ExportRefusedException;
import org.partnerfinance.connectors.api.ExportRun;
import org.partnerfinance.connectors.api.ReceivableExport;
import org.partnerfinance.connectors.api.UnknownConnectorException;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentFormats;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.FeatureToggles;
import org.partnerfinance.documents.internal.DocumentsHarness;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Exports of receivables on a real database with the real documents, partner and audit services: finance gets one
 * file per document (several in one zip), recorded as a run with its documents and audited; payables, unknown ids,
 * partners and a refusing connector are refused with every reason and leave no run behind; a partner's user reads
 * their own receivable in the format, and another partner's reads like a missing one.
 */
public class DocumentExportDbTest {

    static final Caller REVIEWER = new Caller("reviewer", null, Set.of(Role.FINANCE_REVIEWER), null);
    static final Caller ADMIN = new Caller("admin", null, Set.of(Role.ADMINISTRATOR), null);
    static final Caller ACME_USER = new Caller("acme", null, Set.of(Role.PARTNER_USER), "P-1001");
    static final Caller GLOBEX_USER = new Caller("globex", null, Set.of(Role.PARTNER_USER), "P-2002");

    @ClassRule
    public static final TemporaryFolder ETC = new TemporaryFolder();

    private TestPersistence db;
    private Jpa jpa;
    private DocumentsHarness core;
    private ExportServiceImpl exports;
    private final List<ReceivableExport> written = new ArrayList<>();
    private volatile String refuse;

    /** Writes a line per document line; refuses like a connector missing its settings when told to. */
    private final DocumentExportConnector connector = new DocumentExportConnector() {
        @Override
        public String id() {
            return "text-doc";
        }

        @Override
        public String name() {
            return "Text documents";
        }

        @Override
        public List<String> formats() {
            return List.of("text");
        }

        @Override
        public String fileExtension() {
            return "txt";
        }

        @Override
        public String contentType() {
            return "text/plain";
        }

        @Override
        public void write(ReceivableExport r, OutputStream out) throws ExportFormatException, IOException {
            written.add(r);
            if (refuse != null) {
                throw new ExportFormatException(refuse);
            }
            out.write((r.document().number() + ";" + r.buyer().name() + ";" + r.creditedNumber() + ";"
                    + r.document().gross().amount().toPlainString()).getBytes(StandardCharsets.UTF_8));
        }
    };

    @Before
    public void setUp() {
        db = TestPersistence.inMemory();
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
        core = new DocumentsHarness(db, ETC.getRoot().toPath(), clock);
        Currency eur = Currency.getInstance("EUR");
        core.partners.create(Caller.system(), "P-1001", new PartnerDetails("Acme Resellers", PartnerKind.RESELLER,
                eur, Set.of(Currency.getInstance("USD")), "DE811111111", "0088:5790000435968", null, 30, null, true));
        core.partners.create(Caller.system(), "P-2002", "Globex", PartnerKind.DISTRIBUTOR, eur);
        core.ledger.setRate(Caller.system(), Currency.getInstance("USD"), LocalDate.of(2026, 1, 1),
                new BigDecimal("0.92"));
        jpa = db.persistenceService().open(new PersistenceUnitSpec(ExportServiceImpl.UNIT,
                TestPersistence.bundleOf(ExportServiceImpl.class), List.of(), "db/exports"));
        exports = new ExportServiceImpl(jpa, db.unitOfWork(), core.audit, core.documents, core.partners, clock);
        exports.documentExporters = List.of(Map.entry(Map.of(), connector));
    }

    @After
    public void tearDown() {
        jpa.close();
        db.close();
    }

    private Document document(String partner, Direction direction, DocumentKind kind, String number,
            String currency, String price, String credited) {
        return core.documents.create(Caller.system(), new DocumentDraft(partner, direction, kind, number,
                LocalDate.of(2026, 11, 20), null, currency, List.of(new LineDraft("Cable", BigDecimal.ONE,
                        new BigDecimal(price), "S", new BigDecimal("19"))), null, credited, "portal", ""));
    }

    @Test
    public void oneReceivableIsItsFileAndTheRunIsRecordedAndAudited() {
        Document inv = document("P-1001", Direction.RECEIVABLE, DocumentKind.INVOICE, "INV-1", "EUR", "100", null);
        ExportRun run = exports.exportDocuments(REVIEWER, "text-doc", List.of(inv.id()));
        assertEquals(List.of(inv.id()), run.documentIds());
        assertEquals(List.of(), run.paymentIds());
        assertEquals("invoice-INV-1.txt", run.fileName());
        assertEquals("text/plain", run.contentType());
        assertEquals("PF-DOC-20261203-" + run.id(), run.messageId());
        assertEquals("reviewer", run.createdBy());
        assertEquals("EUR 119.00", ExportStore.totals(run.totals()));
        byte[] content = exports.file(REVIEWER, run.id()).orElseThrow().content();
        assertEquals("INV-1;Acme Resellers;null;119.00", new String(content, StandardCharsets.UTF_8));
        assertEquals(ExportServiceImpl.sha256(content), run.sha256());

        ExportRun stored = exports.find(REVIEWER, run.id()).orElseThrow();
        assertEquals(List.of(inv.id()), stored.documentIds());
        assertTrue(stored.documentExport());
        List<AuditRecord> audited = core.audit.forEntity("export-run", Long.toString(run.id()));
        assertEquals(1, audited.size());
        assertEquals("export.documents", audited.get(0).event().action());
        assertTrue(audited.get(0).event().after(), audited.get(0).event().after().contains("INV-1 (P-1001)"));
    }

    @Test
    public void severalDocumentsAreOneZipWithOneFilePerDocumentAndCreditNotesNameTheirInvoice() throws Exception {
        Document inv = document("P-1001", Direction.RECEIVABLE, DocumentKind.INVOICE, "INV-2", "EUR", "100", null);
        Document cn = document("P-1001", Direction.RECEIVABLE, DocumentKind.CREDIT_NOTE, "CN-1", "EUR", "10",
                "INV-2");
        Document usd = document("P-1001", Direction.RECEIVABLE, DocumentKind.INVOICE, "INV-3", "USD", "50", null);
        ExportRun run = exports.exportDocuments(REVIEWER, "text-doc", List.of(inv.id(), cn.id(), usd.id()));
        assertEquals("application/zip", run.contentType());
        assertEquals(run.messageId() + ".zip", run.fileName());
        assertEquals("invoices less credit notes per currency", "EUR 107.10;USD 59.50",
                ExportStore.totals(run.totals()));
        List<String> names = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
                exports.file(REVIEWER, run.id()).orElseThrow().content()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                contents.add(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("invoice-INV-2.txt", "credit-note-CN-1.txt", "invoice-INV-3.txt"), names);
        assertEquals("CN-1;Acme Resellers;INV-2;11.90", contents.get(1));
    }

    @Test
    public void payablesUnknownIdsAndConnectorRefusalsAreRefusedWithEveryReasonAndLeaveNoRun() {
        Document payable = document("P-1001", Direction.PAYABLE, DocumentKind.INVOICE, "V-1", "EUR", "10", null);
        ExportRefusedException e = assertThrows(ExportRefusedException.class,
                () -> exports.exportDocuments(REVIEWER, "text-doc", List.of(payable.id(), 999_999L)));
        assertEquals(e.reasons().toString(), 2, e.reasons().size());
        assertTrue(e.reasons().get(0), e.reasons().get(0).contains("V-1") && e.reasons().get(0).contains("payable"));
        assertTrue(e.reasons().get(1), e.reasons().get(1).contains("999999"));

        Document inv = document("P-1001", Direction.RECEIVABLE, DocumentKind.INVOICE, "INV-4", "EUR", "10", null);
        refuse = "The company's Peppol settings are not configured: set seller.name.";
        ExportRefusedException r = assertThrows(ExportRefusedException.class,
                () -> exports.exportDocuments(REVIEWER, "text-doc", List.of(inv.id())));
        assertTrue(r.reasons().get(0), r.reasons().get(0).startsWith("Invoice INV-4 (id " + inv.id()));
        assertTrue(r.reasons().get(0), r.reasons().get(0).contains("seller.name"));
        assertEquals("no run stays behind", List.of(), exports.recent(REVIEWER, null, 10));

        assertThrows(ExportRefusedException.class, () -> exports.exportDocuments(REVIEWER, "text-doc", List.of()));
        assertThrows(ExportRefusedException.class,
                () -> exports.exportDocuments(REVIEWER, "text-doc", List.of(inv.id(), inv.id())));
        assertThrows(UnknownConnectorException.class,
                () -> exports.exportDocuments(REVIEWER, "pain001", List.of(inv.id())));
    }

    @Test
    public void partnersNeverExportButReadTheirOwnReceivableInTheFormat() {
        Document inv = document("P-1001", Direction.RECEIVABLE, DocumentKind.INVOICE, "INV-5", "EUR", "20", null);
        assertThrows(AccessDeniedException.class,
                () -> exports.exportDocuments(ACME_USER, "text-doc", List.of(inv.id())));
        assertThrows(AccessDeniedException.class,
                () -> exports.exportDocuments(ADMIN, "text-doc", List.of(inv.id())));

        ExportRun.ExportFile own = exports.documentFile(ACME_USER, "text-doc", inv.id()).orElseThrow();
        assertEquals("invoice-INV-5.txt", own.fileName());
        assertArrayEquals("INV-5;Acme Resellers;null;23.80".getBytes(StandardCharsets.UTF_8), own.content());
        assertEquals("a partner's download is no export run", List.of(), exports.recent(REVIEWER, null, 10));
        assertTrue("another partner's document reads like a missing one",
                exports.documentFile(GLOBEX_USER, "text-doc", inv.id()).isEmpty());
        assertTrue(exports.documentFile(ACME_USER, "text-doc", 999_999L).isEmpty());

        ExportRun.ExportFile finance = exports.documentFile(REVIEWER, "text-doc", inv.id()).orElseThrow();
        assertArrayEquals(own.content(), finance.content());
        assertEquals("finance's download is a recorded export", 1, exports.recent(REVIEWER, null, 10).size());
        assertTrue(exports.documentFile(REVIEWER, "text-doc", 999_999L).isEmpty());
    }

    @Test
    public void theDetailPageOffersTheFormatToThoseWhoMayReadItAndNamesARefusal() {
        Document inv = document("P-1001", Direction.RECEIVABLE, DocumentKind.INVOICE, "INV-6", "EUR", "30", null);
        Document payable = document("P-1001", Direction.PAYABLE, DocumentKind.INVOICE, "V-6", "EUR", "30", null);
        DocumentFormats.Format text = new DocumentFormats.Format("text-doc", "Text documents");
        assertEquals(List.of(text), exports.offered(ACME_USER, inv));
        assertEquals(List.of(text), exports.offered(REVIEWER, inv));
        assertEquals("administrators do not export documents", List.of(), exports.offered(ADMIN, inv));
        assertEquals("payables are the partner's own documents", List.of(), exports.offered(ACME_USER, payable));

        DocumentFormats.DocumentFile file = exports.write(ACME_USER, "text-doc", inv.id()).orElseThrow();
        assertEquals("invoice-INV-6.txt", file.fileName());
        assertEquals("text/plain", file.contentType());
        assertArrayEquals("INV-6;Acme Resellers;null;35.70".getBytes(StandardCharsets.UTF_8), file.content());
        assertTrue(exports.write(GLOBEX_USER, "text-doc", inv.id()).isEmpty());

        refuse = "The company's Peppol settings are not configured: set seller.name.";
        DocumentValidationException refused = assertThrows(DocumentValidationException.class,
                () -> exports.write(ACME_USER, "text-doc", inv.id()));
        assertEquals("format", refused.field());
        assertTrue(refused.getMessage(), refused.getMessage().contains("seller.name"));
        DocumentValidationException unknown = assertThrows(DocumentValidationException.class,
                () -> exports.write(ACME_USER, "pdf-a3", inv.id()));
        assertTrue(unknown.getMessage(), unknown.getMessage().contains("pdf-a3"));

        exports.documentExporters = List.of(Map.entry(Map.of(ExtensionConstants.EXTENSION_ID, "text-doc"), connector));
        exports.toggles = new FeatureToggles() {
            @Override
            public boolean isEnabled(String extensionId) {
                return !extensionId.equals("text-doc");
            }

            @Override
            public Set<String> disabled() {
                return Set.of("text-doc");
            }

            @Override
            public void setEnabled(Caller caller, String extensionId, boolean enabled) {
                throw new AssertionError("not changed here");
            }
        };
        assertEquals("a switched-off connector is not offered", List.of(), exports.offered(ACME_USER, inv));
    }
}
