package org.partnerfinance.connectors.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.partnerfinance.connectors.api.ImportConnector;
import org.partnerfinance.connectors.api.ImportFormatException;
import org.partnerfinance.connectors.api.ImportRun;
import org.partnerfinance.connectors.api.ImportSink;
import org.partnerfinance.connectors.api.ImportSource;
import org.partnerfinance.connectors.api.ItemOutcome;
import org.partnerfinance.connectors.api.ItemWork;
import org.partnerfinance.connectors.api.RunStatus;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.documents.api.PaymentDraft;
import org.partnerfinance.documents.api.PaymentMethod;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Imports on a real database with the real documents, ledger, partner and audit services, where the documents of a run
 * commit in batches, each in a savepoint of its own: a refused document — also one refused after it had written
 * something — leaves nothing behind while the documents before and after it are stored and audited; a re-import is
 * all duplicates; a file that breaks off keeps what came before; the counts are those of what was stored.
 */
public class ImportBatchDbTest {

    static final Caller INTEGRATOR = new Caller("integrator", null, Set.of(Role.INTEGRATOR), null);

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private TestPersistence db;
    private ImportHarness stack;
    /** What the test connector does with document i of a file of {@code size}. */
    private IntFunction<Handing> handing;
    private int size;
    private boolean breakOffAtEnd;

    @FunctionalInterface
    interface Handing {
        ItemOutcome hand(ImportSink sink);
    }

    private final ImportConnector connector = new ImportConnector() {
        @Override
        public String id() {
            return "test-batch";
        }

        @Override
        public String name() {
            return "Batch test";
        }

        @Override
        public List<String> formats() {
            return List.of("none");
        }

        @Override
        public void read(ImportSource source, ImportSink sink) throws ImportFormatException, IOException {
            source.stream().readAllBytes();
            for (int i = 0; i < size; i++) {
                handing.apply(i).hand(sink);
            }
            if (breakOffAtEnd) {
                throw new ImportFormatException("The file ends early.");
            }
        }
    };

    @Before
    public void setUp() throws IOException {
        db = TestPersistence.inMemory();
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
        stack = new ImportHarness(db, folder.newFolder("etc").toPath(), folder.newFolder("kept").toPath(), 0, clock);
        stack.core.partners.create(Caller.system(), "P-1001", "Acme Resellers",
                org.partnerfinance.partner.api.PartnerKind.RESELLER, Currency.getInstance("EUR"));
        stack.add(connector);
    }

    @After
    public void tearDown() {
        stack.close();
        db.close();
    }

    private static DocumentDraft invoice(String partner, String number, String gross) {
        return new DocumentDraft(partner, Direction.RECEIVABLE, DocumentKind.INVOICE, number, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 1), "EUR", List.of(new LineDraft("Service", BigDecimal.ONE,
                        new BigDecimal("100.00"), "S", new BigDecimal("20"))),
                gross == null ? null : new BigDecimal(gross), null, "erp", number);
    }

    private ImportRun run() {
        return stack.imports().run(INTEGRATOR, connector.id(), "file.txt", new ByteArrayInputStream(new byte[1]),
                null);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    public void aRefusedDocumentIsUndoneAloneAndTheOthersAreStoredAndAudited() throws SQLException {
        size = 450; // more than two batches
        handing = i -> sink -> i == 7 ? sink.document("INV-" + i, invoice("P-9999", "INV-" + i, null), null)
                : i == 300 ? sink.document("INV-" + i, invoice("P-1001", "INV-" + i, "999.00"), null)
                : sink.document("INV-" + i, invoice("P-1001", "INV-" + i, "120.00"), null);
        long auditBefore = count("SELECT COUNT(*) FROM audit_record");

        ImportRun first = run();

        assertEquals(RunStatus.COMPLETED, first.status());
        assertEquals(450, first.documents());
        assertEquals(448, first.created());
        assertEquals(List.of("INV-7", "INV-300"), first.rejected().stream().map(ImportRun.Rejection::document)
                .toList());
        assertEquals(448, count("SELECT COUNT(*) FROM doc_document"));
        assertEquals(0, count("SELECT COUNT(*) FROM doc_document WHERE doc_number IN ('INV-7', 'INV-300')"));
        // one audit record per stored document, plus the run's start and end
        assertEquals(auditBefore + 448 + 2, count("SELECT COUNT(*) FROM audit_record"));
        assertTrue(stack.core.audit.verify(Caller.system()).intact());

        ImportRun again = run();

        assertEquals(448, again.duplicates());
        assertEquals(0, again.created());
        assertEquals(2, again.rejected().size());
        assertEquals(448, count("SELECT COUNT(*) FROM doc_document"));
    }

    @Test
    public void anItemRefusedAfterItWroteLeavesNothingOfItBehind() throws SQLException {
        size = 5;
        handing = i -> sink -> sink.item("E-" + i, "entry " + i, "entry " + i, caller -> {
            var payment = stack.core.documents.recordPayment(caller, new PaymentDraft("P-1001", Direction.RECEIVABLE,
                    new BigDecimal("10.00"), "EUR", PaymentMethod.BANK_TRANSFER, LocalDate.of(2026, 11, 2),
                    PaymentStatus.REPORTED, "entry " + i, "E2E-" + i, "bank", null, List.of()));
            if (i == 2) {
                throw new IllegalArgumentException("Entry 2 pays nothing we know.");
            }
            return new ItemWork.Done("payment", payment.id());
        });

        ImportRun run = run();

        assertEquals(4, run.created());
        assertEquals("Entry 2 pays nothing we know.", run.rejected().get(0).reason());
        assertEquals(4, count("SELECT COUNT(*) FROM doc_payment"));
        assertEquals(0, count("SELECT COUNT(*) FROM doc_payment WHERE end_to_end_id = 'E2E-2'"));
        assertTrue(stack.core.audit.verify(Caller.system()).intact());
    }

    @Test
    public void aFileThatBreaksOffKeepsWhatCameBefore() throws SQLException {
        size = 3;
        breakOffAtEnd = true;
        handing = i -> sink -> sink.document("INV-" + i, invoice("P-1001", "INV-" + i, "120.00"), null);

        ImportRun run = run();

        assertEquals(RunStatus.FAILED, run.status());
        assertEquals("The file ends early.", run.failure());
        assertEquals(3, run.created());
        assertEquals(3, count("SELECT COUNT(*) FROM doc_document"));
    }

    @Test
    public void outcomesAnswerEachCallInTheOrderHanded() {
        size = 4;
        List<ItemOutcome> seen = new ArrayList<>();
        handing = i -> sink -> {
            ItemOutcome o = i == 1 ? sink.reject("line 2", "No amount.")
                    : sink.document("INV-" + i, invoice("P-1001", "INV-" + i, "120.00"), null);
            seen.add(o);
            return o;
        };

        ImportRun run = run();

        assertEquals(List.of(ItemOutcome.Result.CREATED, ItemOutcome.Result.REJECTED, ItemOutcome.Result.CREATED,
                ItemOutcome.Result.CREATED), seen.stream().map(ItemOutcome::result).toList());
        assertEquals(3, run.created());
        assertEquals("line 2", run.rejected().get(0).document());
        assertNull(run.failure());
    }
}
