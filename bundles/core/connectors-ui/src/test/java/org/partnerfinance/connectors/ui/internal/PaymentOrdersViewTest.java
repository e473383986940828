package org.partnerfinance.connectors.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
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
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentMethod;
import org.partnerfinance.documents.api.PaymentQuery;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

/** The payment orders screen: the selection's total, what it asks the export service, how it shows refusals. */
public class PaymentOrdersViewTest {

    private static final Caller MANAGER = new Caller("fm", null, Set.of(Role.FINANCE_MANAGER), null);

    private final List<String> calls = new ArrayList<>();
    private RuntimeException failure;
    private final List<Payment> scheduled = List.of(payment(11, "P-1001", "120.00", "EUR", 5),
            payment(12, "P-1002", "30.50", "EUR", 3), payment(13, "P-1002", "99.99", "USD", 4));

    private static Payment payment(long id, String partner, String amount, String currency, int inDays) {
        return new Payment(id, partner, Direction.PAYABLE, new Money(new BigDecimal(amount),
                Currency.getInstance(currency)), PaymentMethod.BANK_TRANSFER, LocalDate.of(2026, 12, 1 + inDays),
                PaymentStatus.SCHEDULED, "INV-" + id, "E2E-" + id, "portal", null, null, null, List.of(),
                new Money(new BigDecimal(amount), Currency.getInstance(currency)), Instant.EPOCH, 0);
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

    private PaymentOrdersView view() {
        ExportService exports = proxy(ExportService.class, (p, m, a) -> switch (m.getName()) {
            case "connectors" -> List.of(new ConnectorInfo("pain001", "ISO 20022 credit transfers (pain.001)",
                    List.of("pain.001.001.09"), ConnectorDirection.EXPORT, true));
            case "recent" -> List.of();
            case "file" -> Optional.empty();
            case "export" -> {
                calls.add("export " + a[1] + " " + a[2]);
                if (failure != null) {
                    throw failure;
                }
                @SuppressWarnings("unchecked")
                List<Long> ids = (List<Long>) a[2];
                yield new ExportRun(5, "pain001", "PF-20261202-5", "PF-20261202-5.xml", "application/xml", "ab", 10,
                        "fm", Instant.EPOCH, ids, List.of(Money.of("150.50", "EUR")));
            }
            default -> throw new UnsupportedOperationException(m.getName());
        });
        DocumentService documents = proxy(DocumentService.class, (p, m, a) -> {
            if (m.getName().equals("payments")) {
                PaymentQuery q = (PaymentQuery) a[1];
                calls.add("payments " + q.direction() + " " + q.status());
                return new Page<>(scheduled, scheduled.size());
            }
            throw new UnsupportedOperationException(m.getName());
        });
        PartnerService partners = proxy(PartnerService.class, (p, m, a) -> List.of(
                new Partner("P-1001", "Northwind", PartnerKind.DISTRIBUTOR, Currency.getInstance("EUR"), true)));
        ScreenContext context = proxy(ScreenContext.class, (p, m, a) -> {
            if (m.getName().equals("caller")) {
                return MANAGER;
            }
            throw new UnsupportedOperationException(m.getName());
        });
        return new PaymentOrdersView(context, exports, documents, partners);
    }

    private static String texts(Component c) {
        StringBuilder b = new StringBuilder();
        c.getChildren().forEach(child -> b.append(child instanceof HasText t ? t.getText() : "").append('\n'));
        return b.toString();
    }

    @Test
    public void listsScheduledPaymentsToPartnersAndTotalsTheSelectionPerCurrency() {
        PaymentOrdersView view = view();
        assertEquals(List.of("payments PAYABLE SCHEDULED"), calls);
        assertEquals("No payment selected", view.selection.getText());
        assertFalse(view.create.isEnabled());
        view.payments.select(scheduled.get(0));
        view.payments.select(scheduled.get(1));
        view.payments.select(scheduled.get(2));
        assertEquals("3 payments, EUR 150.50 + USD 99.99", view.selection.getText());
        assertTrue(view.create.isEnabled());
        assertEquals("pain001", view.connector.getValue().id());
    }

    @Test
    public void createsTheOrderInValueDateOrderAndOffersTheFile() {
        PaymentOrdersView view = view();
        view.payments.select(scheduled.get(0));
        view.payments.select(scheduled.get(1));
        view.create.click();
        assertTrue(calls.toString(), calls.contains("export pain001 [12, 11]"));
        String shown = texts(view.result);
        assertTrue(shown, shown.contains("Payment order PF-20261202-5 created: 2 payments, EUR 150.50"));
        assertTrue(shown, shown.contains("Download PF-20261202-5.xml"));
        assertEquals("the list is read again: the sent ones are gone", 2,
                calls.stream().filter(c -> c.startsWith("payments")).count());
    }

    @Test
    public void aRefusalListsEveryReasonAndAnUnexpectedFailureShowsNoInternals() {
        PaymentOrdersView view = view();
        view.payments.select(scheduled.get(1));
        failure = new ExportRefusedException(List.of("Payment 12: partner P-1002 (Contoso) has no IBAN on file; "
                + "enter it in the partner's master data."));
        view.create.click();
        String shown = texts(view.result);
        assertTrue(shown, shown.contains("Nothing was sent. Fix these and try again:"));
        assertTrue(shown, shown.contains("partner P-1002 (Contoso) has no IBAN on file"));

        failure = new IllegalStateException("EntityManagerFactory closed");
        view.create.click();
        shown = texts(view.result);
        assertTrue(shown, shown.contains("could not be created; nothing was sent"));
        assertFalse(shown, shown.contains("EntityManagerFactory"));
    }
}
