package org.partnerfinance.documents.export.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.partnerfinance.documents.api.Aging;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentLine;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.documents.api.StatementLine;
import org.partnerfinance.documents.api.TaxTotal;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.DunningContact;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PostalAddress;

/** Documents and statements with figures that add up, as the documents service would hand them over. */
final class Samples {

    static final String PARTNER_NAME = "Łódź Żółć Handel GmbH";

    private Samples() {
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static Partner partner() {
        return new Partner("P-1001", PARTNER_NAME, PartnerKind.DISTRIBUTOR, Currency.getInstance("EUR"), true,
                Set.of(Currency.getInstance("EUR")), "PL1234567890", "0088:5790000435968",
                new PostalAddress("ul. Piotrkowska 1\nBudynek B", "90-001", "Łódź", "PL"), 30, DunningContact.NONE,
                3L);
    }

    /** Two lines at 19 %: 2 x 100.00 + 1 x 50.00 = 250.00 net, 47.50 tax, 297.50 gross, 97.50 open. */
    static Document invoice() {
        List<DocumentLine> lines = List.of(
                new DocumentLine(1, "Router X200 (Größe M)", new BigDecimal("2"), new BigDecimal("100.00"), "S",
                        new BigDecimal("19"), eur("200.00")),
                new DocumentLine(2, "Installation 安装", BigDecimal.ONE, new BigDecimal("50.00"), "S",
                        new BigDecimal("19"), eur("50.00")));
        return new Document(42L, "P-1001", PARTNER_NAME, Direction.RECEIVABLE, DocumentKind.INVOICE, "INV-2026-0042",
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), lines,
                List.of(new TaxTotal("S", new BigDecimal("19"), eur("250.00"), eur("47.50"))), eur("250.00"),
                eur("47.50"), eur("297.50"), eur("97.50"), DocumentStatus.PARTIALLY_SETTLED,
                new Settlement(Settlement.State.REPORTED_PAID, LocalDate.of(2026, 11, 2), "SAP", null), false, null,
                "SAP", "4711", Instant.parse("2026-10-01T08:00:00Z"), 2L);
    }

    /**
     * Opening 1,000.00; invoice +297.50; credit note -50.00; payment -200.00 → closing 1,047.50, aged 1,047.50 =
     * -20.00 unapplied + 97.50 current + 970.00 over 120 days.
     */
    static Statement statement() {
        List<StatementLine> lines = List.of(
                new StatementLine(LocalDate.of(2026, 10, 1), "invoice", Direction.RECEIVABLE, "INV-2026-0042",
                        new BigDecimal("297.50"), BigDecimal.ZERO, new BigDecimal("1297.50"), 42L, null),
                new StatementLine(LocalDate.of(2026, 10, 15), "credit-note", Direction.RECEIVABLE, "CN-7, \"urgent\"",
                        BigDecimal.ZERO, new BigDecimal("50.00"), new BigDecimal("1247.50"), 43L, null),
                new StatementLine(LocalDate.of(2026, 11, 2), "payment-received", Direction.RECEIVABLE, "E2E-99",
                        BigDecimal.ZERO, new BigDecimal("200.00"), new BigDecimal("1047.50"), null, 7L));
        Aging aging = new Aging(new BigDecimal("-20.00"), new BigDecimal("97.50"), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("970.00"));
        return new Statement("P-1001", PARTNER_NAME, "EUR", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30),
                new BigDecimal("1000.00"), new BigDecimal("1047.50"), lines, aging);
    }
}
