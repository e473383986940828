package org.partnerfinance.connector.peppol.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.connectors.api.ExportFormatException;
import org.partnerfinance.connectors.api.ReceivableExport;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentLine;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.documents.api.TaxTotal;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.DunningContact;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PostalAddress;

/**
 * Receivables written as Peppol BIS Billing 3.0 UBL: the file is valid UBL 2.1 (ph-ubl validates while writing, and
 * again here while the connector's own import reads it back with the schema on), carries the Peppol identifiers,
 * and reads back through the import into the same lines, taxes and totals; missing company settings and partner data
 * are refused naming them.
 */
public class UblWriterTest {

    static final UblWriter.Seller SELLER = new UblWriter.Seller("Contoso Partner Finance GmbH", "DE123456789",
            "0088:5790000435968", "HRB 4711", "Hauptstrasse 1", "10115", "Berlin", "DE", "DE89370400440532013000",
            "COBADEFFXXX");

    static Partner buyer(String peppolId, String vatId, String country) {
        return new Partner("P-1001", "Fabrikam AB", PartnerKind.DISTRIBUTOR, Currency.getInstance("EUR"), true,
                Set.of(Currency.getInstance("USD")), vatId, peppolId,
                new PostalAddress("Storgatan 5\nBox 12", "11122", "Stockholm", country), 30, DunningContact.NONE, 3L);
    }

    static final Partner BUYER = buyer("0088:7315458756328", "SE556677889901", "SE");

    /** A line: quantity, unit price, category, rate. */
    record L(String description, String quantity, String price, String category, String rate) {
    }

    /** A stored document as the documents core computes it: line net half-even, tax per category and rate. */
    static Document document(DocumentKind kind, String number, String currency, L... lines) {
        Currency cur = Currency.getInstance(currency);
        int scale = cur.getDefaultFractionDigits();
        List<DocumentLine> stored = new ArrayList<>();
        Map<String, BigDecimal[]> groups = new LinkedHashMap<>();
        BigDecimal net = BigDecimal.ZERO;
        int no = 0;
        for (L l : lines) {
            BigDecimal q = new BigDecimal(l.quantity());
            BigDecimal p = new BigDecimal(l.price());
            BigDecimal n = q.multiply(p).setScale(scale, RoundingMode.HALF_EVEN);
            stored.add(new DocumentLine(++no, l.description(), q, p, l.category(), new BigDecimal(l.rate()),
                    Money.of(n, currency)));
            groups.computeIfAbsent(l.category() + " " + l.rate(), k -> new BigDecimal[] {BigDecimal.ZERO})[0] =
                    groups.get(l.category() + " " + l.rate())[0].add(n);
            net = net.add(n);
        }
        List<TaxTotal> taxes = new ArrayList<>();
        BigDecimal tax = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> g : groups.entrySet()) {
            String[] key = g.getKey().split(" ");
            BigDecimal rate = new BigDecimal(key[1]);
            BigDecimal t = g.getValue()[0].multiply(rate).divide(BigDecimal.valueOf(100), scale,
                    RoundingMode.HALF_EVEN);
            taxes.add(new TaxTotal(key[0], rate, Money.of(g.getValue()[0], currency), Money.of(t, currency)));
            tax = tax.add(t);
        }
        BigDecimal gross = net.add(tax);
        return new Document(42, "P-1001", "Fabrikam AB", Direction.RECEIVABLE, kind, number,
                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 20), stored, taxes, Money.of(net, currency),
                Money.of(tax, currency), Money.of(gross, currency), Money.of(gross, currency), DocumentStatus.OPEN,
                Settlement.UNPAID, false, null, "portal", "", Instant.parse("2026-11-20T10:00:00Z"), 1);
    }

    static byte[] write(UblWriter.Seller seller, ReceivableExport export) throws ExportFormatException {
        return new UblWriter(seller).write(export);
    }

    /** Reads the file back with the import side, schema validation on, with the buyer's Peppol id as a partner. */
    static DocumentDraft readBack(byte[] xml, Partner buyer) throws Exception {
        UblDocument ubl = new UblReader(true).read(xml);
        return new DraftMapper(id -> id.equals(buyer.peppolId()) ? Optional.of(buyer.id()) : Optional.empty(), false,
                "peppol").toDraft(ubl);
    }

    @Test
    public void anInvoiceWithSeveralTaxCategoriesIsValidUblAndReadsBackTheSame() throws Exception {
        Document d = document(DocumentKind.INVOICE, "INV-2026-17", "EUR",
                new L("Network cable 5 m", "3", "12.49", "S", "19"),
                new L("Installation", "2.5", "80.00", "S", "19"),
                new L("Printed manual", "1", "15.00", "S", "7"),
                new L("Export shipment handling", "1", "40.00", "Z", "0"),
                new L("Discount", "1", "-10.00", "S", "19"));
        byte[] xml = write(SELLER, new ReceivableExport(d, BUYER, null));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text, text.contains("<cbc:CustomizationID>" + UblWriter.CUSTOMIZATION_ID));
        assertTrue(text, text.contains("<cbc:ProfileID>" + UblWriter.PROFILE_ID));
        assertTrue(text, text.contains("<cbc:BuyerReference>P-1001</cbc:BuyerReference>"));
        assertTrue(text, text.contains("<cbc:EndpointID schemeID=\"0088\">5790000435968</cbc:EndpointID>"));
        assertTrue(text, text.contains("<cbc:EndpointID schemeID=\"0088\">7315458756328</cbc:EndpointID>"));
        assertTrue(text, text.contains("<cbc:DueDate>2026-12-20</cbc:DueDate>"));
        assertTrue(text, text.contains("<cbc:ID>DE89370400440532013000</cbc:ID>"));
        assertTrue(text, text.contains("<cbc:PaymentID>INV-2026-17</cbc:PaymentID>"));
        assertEquals("three VAT breakdowns", 3, count(text, "<cac:TaxSubtotal>"));
        assertEquals("one tax total (PEPPOL-EN16931-R053)", 1, count(text, "<cac:TaxTotal>"));

        DocumentDraft back = readBack(xml, BUYER);
        assertEquals(Direction.RECEIVABLE, back.direction());
        assertEquals("P-1001", back.partnerId());
        assertEquals(DocumentKind.INVOICE, back.kind());
        assertEquals("INV-2026-17", back.number());
        assertEquals(d.dueDate(), back.dueDate());
        assertEquals("EUR", back.currency());
        assertEquals(0, d.gross().amount().compareTo(back.statedGross()));
        assertEquals(d.lines().size(), back.lines().size());
        for (int i = 0; i < d.lines().size(); i++) {
            DocumentLine l = d.lines().get(i);
            LineDraft b = back.lines().get(i);
            assertEquals(l.description(), b.description());
            assertEquals(l.taxCategory(), b.taxCategory());
            assertEquals(0, l.taxRate().compareTo(b.taxRate()));
            assertEquals("line " + l.lineNo() + " net", 0,
                    l.net().amount().compareTo(b.quantity().multiply(b.unitPrice())));
        }
        // the discount line: Peppol prices are never negative (BR-27), the quantity carries the sign
        assertTrue(text, text.contains("<cbc:InvoicedQuantity unitCode=\"C62\">-1</cbc:InvoicedQuantity>"));
    }

    @Test
    public void aCreditNoteNamesTheInvoiceItCreditsAndReadsBackAsACreditNote() throws Exception {
        Document d = document(DocumentKind.CREDIT_NOTE, "CN-2026-3", "EUR",
                new L("Returned network cable 5 m", "2", "12.49", "S", "19"));
        byte[] xml = write(SELLER, new ReceivableExport(d, BUYER, "INV-2026-17"));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text, text.contains("<CreditNote "));
        assertTrue(text, text.contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>"));
        assertTrue(text, text.contains("<cac:InvoiceDocumentReference>"));
        assertTrue(text, text.contains("<cbc:ID>INV-2026-17</cbc:ID>"));
        assertTrue(text, text.contains("<cbc:CreditedQuantity unitCode=\"C62\">2</cbc:CreditedQuantity>"));
        DocumentDraft back = readBack(xml, BUYER);
        assertEquals(DocumentKind.CREDIT_NOTE, back.kind());
        assertEquals(Direction.RECEIVABLE, back.direction());
        assertEquals(0, new BigDecimal("29.73").compareTo(back.statedGross()));
    }

    @Test
    public void aForeignCurrencyDocumentIsWrittenInItsCurrency() throws Exception {
        Document d = document(DocumentKind.INVOICE, "INV-US-9", "USD",
                new L("Support subscription", "12", "99.99", "S", "19"));
        byte[] xml = write(SELLER, new ReceivableExport(d, BUYER, null));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text, text.contains("<cbc:DocumentCurrencyCode>USD</cbc:DocumentCurrencyCode>"));
        assertTrue(text, text.contains("<cbc:PayableAmount currencyID=\"USD\">1427.86</cbc:PayableAmount>"));
        assertTrue("no amount in another currency", !text.contains("currencyID=\"EUR\""));
        DocumentDraft back = readBack(xml, BUYER);
        assertEquals("USD", back.currency());
        assertEquals(0, new BigDecimal("1427.86").compareTo(back.statedGross()));
    }

    @Test
    public void exemptReverseChargeAndNotSubjectCategoriesCarryTheirReasons() throws Exception {
        Document exempt = document(DocumentKind.INVOICE, "INV-E-1", "EUR",
                new L("Training course", "1", "500", "E", "0"),
                new L("Reverse charge service", "1", "300", "AE", "0"));
        String text = new String(write(SELLER, new ReceivableExport(exempt, BUYER, null)), StandardCharsets.UTF_8);
        assertTrue(text, text.contains("<cbc:TaxExemptionReason>Exempt from VAT</cbc:TaxExemptionReason>"));
        assertTrue(text, text.contains("<cbc:TaxExemptionReasonCode>VATEX-EU-AE</cbc:TaxExemptionReasonCode>"));
        readBack(text.getBytes(StandardCharsets.UTF_8), BUYER);

        Document notSubject = document(DocumentKind.INVOICE, "INV-O-1", "EUR",
                new L("Damages", "1", "250", "O", "0"));
        String o = new String(write(SELLER, new ReceivableExport(notSubject, BUYER, null)), StandardCharsets.UTF_8);
        assertTrue(o, !o.contains("DE123456789") && !o.contains("SE556677889901"));
        assertTrue(o, o.contains("<cbc:TaxExemptionReasonCode>VATEX-EU-O</cbc:TaxExemptionReasonCode>"));
        assertTrue("O has no rate (BR-O-05)", !o.contains("<cbc:Percent>"));
        readBack(o.getBytes(StandardCharsets.UTF_8), BUYER);
    }

    @Test
    public void missingCompanySettingsAreRefusedNamingThem() {
        Document d = document(DocumentKind.INVOICE, "INV-1", "EUR", new L("Cable", "1", "10", "S", "19"));
        try {
            write(UblWriter.Seller.NONE, new ReceivableExport(d, BUYER, null));
            fail("exported without the company's settings");
        } catch (ExportFormatException e) {
            for (String setting : List.of("seller.name", "seller.vat.id", "seller.peppol.id", "seller.country")) {
                assertTrue(e.getMessage(), e.getMessage().contains(setting));
            }
            assertTrue(e.getMessage(), e.getMessage().contains("etc/org.partnerfinance.connector.peppol.cfg"));
        }
        UblWriter.Seller badVat = new UblWriter.Seller("Contoso", "123456789", "0088:5790000435968", "", "", "", "",
                "DE", "", "");
        try {
            write(badVat, new ReceivableExport(d, BUYER, null));
            fail("a VAT id without country prefix");
        } catch (ExportFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("seller.vat.id"));
            assertTrue(e.getMessage(), !e.getMessage().contains("seller.name"));
        }
    }

    @Test
    public void missingPartnerDataIsRefusedNamingIt() {
        Document d = document(DocumentKind.INVOICE, "INV-1", "EUR", new L("Cable", "1", "10", "S", "19"));
        try {
            write(SELLER, new ReceivableExport(d, buyer("", "", ""), null));
            fail("exported to a partner without Peppol id and country");
        } catch (ExportFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("P-1001"));
            assertTrue(e.getMessage(), e.getMessage().contains("no Peppol id"));
            assertTrue(e.getMessage(), e.getMessage().contains("no country"));
        }
        Document reverse = document(DocumentKind.INVOICE, "INV-2", "EUR", new L("Service", "1", "10", "AE", "0"));
        try {
            write(SELLER, new ReceivableExport(reverse, buyer("0088:7315458756328", "", "SE"), null));
            fail("reverse charge to a partner without VAT id");
        } catch (ExportFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no VAT id") && e.getMessage().contains("AE"));
        }
    }

    @Test
    public void withoutAConfiguredIbanAnInvoiceHasNoPaymentMeansButPaymentTerms() throws Exception {
        UblWriter.Seller noIban = new UblWriter.Seller("Contoso", "DE123456789", "0088:5790000435968", "", "", "",
                "", "DE", "", "");
        Document d = document(DocumentKind.INVOICE, "INV-3", "EUR", new L("Cable", "1", "10", "S", "19"));
        String text = new String(write(noIban, new ReceivableExport(d, BUYER, null)), StandardCharsets.UTF_8);
        assertTrue(text, !text.contains("<cac:PaymentMeans>"));
        assertTrue(text, text.contains("<cac:PaymentTerms>"));
        assertNull(readBack(text.getBytes(StandardCharsets.UTF_8), BUYER).creditedNumber());
    }

    @Test
    public void whatTheSchemaRefusesIsNeverHandedOut() {
        // an invoice without its mandatory number, issue date, parties, totals and lines
        oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType empty =
                new oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType();
        empty.setCustomizationID(UblWriter.CUSTOMIZATION_ID);
        try {
            UblWriter.marshal(empty, com.helger.ubl21.UBL21Marshaller.invoice());
            fail("an invalid invoice was written");
        } catch (ExportFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("The UBL 2.1 schema refuses the written document"));
        }
    }

    @Test
    public void aGlnWithAWrongCheckDigitIsRefused() {
        assertTrue(UblWriter.validGln("0088:5790000435968"));
        assertTrue(UblWriter.validGln("0088:7315458756328"));
        assertTrue(!UblWriter.validGln("0088:7315458756324"));
        assertTrue(!UblWriter.validGln("0088:731545875632"));
        assertTrue("other schemes are not checked here", UblWriter.validGln("9930:DE123456789"));
        Document d = document(DocumentKind.INVOICE, "INV-1", "EUR", new L("Cable", "1", "10", "S", "19"));
        try {
            write(SELLER, new ReceivableExport(d, buyer("0088:7315458756324", "", "SE"), null));
            fail("a GLN with a wrong check digit");
        } catch (ExportFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("not a valid GLN"));
        }
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
