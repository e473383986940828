package org.partnerfinance.connectors.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.connectors.api.ConnectorDirection;
import org.partnerfinance.connectors.api.ConnectorInfo;
import org.partnerfinance.connectors.api.ExportRefusedException;
import org.partnerfinance.connectors.api.ExportRun;
import org.partnerfinance.connectors.api.ExportService;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.Page;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

/** The e-invoices screen: what it lists and asks the export service, the file it offers, how it shows refusals. */
public class ReceivablesExportViewTest {

    private static final Caller REVIEWER = new Caller("fr", null, Set.of(Role.FINANCE_REVIEWER), null);

    private final List<String> calls = new ArrayList<>();
    private RuntimeException failure;
    private final List<Document> receivables = List.of(document(21, DocumentKind.INVOICE, "INV-21", 3),
            document(22, DocumentKind.CREDIT_NOTE, "CN-22", 1));

    private static Document document(long id, DocumentKind kind, String number, int day) {
        Money gross = Money.of("119.00", "EUR");
        return new Document(id, "P-1001", "Northwind", Direction.RECEIVABLE, kind, number, LocalDate.of(2026, 11, day),
                LocalDate.of(2026, 12, day), List.of(), List.of(), Money.of("100.00", "EUR"), Money.of("19.00", "EUR"),
                gross, gross, DocumentStatus.OPEN, Settlement.UNPAID, false, null, "portal", "", Instant.EPOCH, 0);
    }

    @Before
    public void setUp() {
        UI ui = new UI();
        ui.getInternals().setSession(new VaadinSession(null) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean hasLock() {
                return true;
            }

            @Override
            public void checkHasLock(String message) {
            }

            @Override
            public void checkHasLock() {
            }
        });
        UI.setCurrent(ui);
    }

    @After
    public void tearDown() {
        UI.setCurrent(null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private ReceivablesExportView view() {
        ExportService exports = proxy(ExportService.class, (p, m, a) -> switch (m.getName()) {
            case "documentConnectors" -> List.of(new ConnectorInfo("peppol-ubl", "Peppol BIS Billing 3.0 (UBL 2.1)",
                    List.of("UBL 2.1 Invoice"), ConnectorDirection.EXPORT, true));
            case "recent" -> List.of(new ExportRun(4, "pain001", "PF-1", "PF-1.xml", "application/xml", "ab", 10,
                    "fm", Instant.EPOCH, List.of(1L), List.of(Money.of("5.00", "EUR"))));
            case "file" -> Optional.empty();
            case "exportDocuments" -> {
                calls.add("export " + a[1] + " " + a[2]);
                if (failure != null) {
                    throw failure;
                }
                @SuppressWarnings("unchecked")
                List<Long> ids = (List<Long>) a[2];
                yield new ExportRun(5, "peppol-ubl", "PF-DOC-20261203-5", "PF-DOC-20261203-5.zip", "application/zip",
                        "ab", 10, "fr", Instant.EPOCH, List.of(), List.of(Money.of("0.00", "EUR")), ids);
            }
            default -> throw new UnsupportedOperationException(m.getName());
        });
        DocumentService documents = proxy(DocumentService.class, (p, m, a) -> {
            if (m.getName().equals("search")) {
                DocumentQuery q = (DocumentQuery) a[1];
                calls.add("search " + q.direction() + " " + q.text());
                return new Page<>(receivables, receivables.size());
            }
            throw new UnsupportedOperationException(m.getName());
        });
        ScreenContext context = proxy(ScreenContext.class, (p, m, a) -> {
            if (m.getName().equals("caller")) {
                return REVIEWER;
            }
            throw new UnsupportedOperationException(m.getName());
        });
        return new ReceivablesExportView(context, exports, documents);
    }

    private static String texts(Component c) {
        StringBuilder b = new StringBuilder();
        c.getChildren().forEach(child -> b.append(child instanceof HasText t ? t.getText() : "").append('\n'));
        return b.toString();
    }

    @Test
    public void listsReceivablesAndExportsTheSelectionInIssueOrderOfferingTheFile() {
        ReceivablesExportView view = view();
        assertEquals(List.of("search RECEIVABLE null"), calls);
        assertEquals("peppol-ubl", view.connector.getValue().id());
        assertFalse(view.export.isEnabled());
        assertEquals("payment orders are not listed here", 0, view.runs.getGenericDataView().getItems().count());
        view.search.setValue("INV");
        view.search.getParent().orElseThrow().getChildren().filter(c -> c instanceof com.vaadin.flow.component.button.Button)
                .map(c -> (com.vaadin.flow.component.button.Button) c).findFirst().orElseThrow().click();
        assertTrue(calls.toString(), calls.contains("search RECEIVABLE INV"));
        view.receivables.select(receivables.get(0));
        view.receivables.select(receivables.get(1));
        assertEquals("2 documents: one zip with a file each", view.selection.getText());
        assertTrue(view.export.isEnabled());
        view.export.click();
        assertTrue(calls.toString(), calls.contains("export peppol-ubl [22, 21]"));
        String shown = texts(view.result);
        assertTrue(shown, shown.contains("Written: 2 documents"));
        assertTrue(shown, shown.contains("Download PF-DOC-20261203-5.zip"));
    }

    @Test
    public void aRefusalListsEveryReasonAndAnUnexpectedFailureShowsNoInternals() {
        ReceivablesExportView view = view();
        view.receivables.select(receivables.get(0));
        failure = new ExportRefusedException(List.of("Invoice INV-21 (id 21, partner P-1001): Partner P-1001 "
                + "(Northwind) has no Peppol id (scheme:value, e.g. 0088:5790000435968) in its master data."));
        view.export.click();
        String shown = texts(view.result);
        assertTrue(shown, shown.contains("Nothing was written. Fix these and try again:"));
        assertTrue(shown, shown.contains("has no Peppol id"));

        failure = new IllegalStateException("EntityManagerFactory closed");
        view.export.click();
        shown = texts(view.result);
        assertTrue(shown, shown.contains("could not be written"));
        assertFalse(shown, shown.contains("EntityManagerFactory"));
    }
}
