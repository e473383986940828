package org.partnerfinance.connector.peppol.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.partnerfinance.connectors.api.ImportFormatException;
import org.partnerfinance.connectors.api.ImportSource;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.LineDraft;

/**
 * The connector on the official Peppol BIS Billing 3.0 examples (src/test/resources/peppol, see the README there) and
 * on hostile and broken files built from them.
 */
public class PeppolConnectorTest {

    /** The supplier of base-example.xml, its Peppol endpoint id. */
    private static final String SUPPLIER_PEPPOL = "0088:9482348239847239874";

    private final Map<String, String> partners = new HashMap<>();

    private PeppolConnector connector(long maxBytes) {
        return new PeppolConnector(id -> Optional.ofNullable(partners.get(id)),
                new PeppolConnector.Settings(maxBytes, true, true, "peppol", UblWriter.Seller.NONE));
    }

    private RecordingSink run(byte[] xml) throws Exception {
        RecordingSink sink = new RecordingSink();
        connector(10_000_000).read(source("file.xml", xml), sink);
        return sink;
    }

    @Test
    public void aSuppliersInvoiceIsAPayableOfThePartnerFoundByItsPeppolId() throws Exception {
        partners.put(SUPPLIER_PEPPOL, "P-1001");
        RecordingSink sink = run(sample("base-example.xml"));

        RecordingSink.Handed h = sink.only();
        DocumentDraft d = h.draft();
        assertEquals(SUPPLIER_PEPPOL + "/invoice/Snippet1", h.externalId());
        assertEquals("P-1001", d.partnerId());
        assertEquals(Direction.PAYABLE, d.direction());
        assertEquals(DocumentKind.INVOICE, d.kind());
        assertEquals("Snippet1", d.number());
        assertEquals(LocalDate.of(2017, 11, 13), d.issueDate());
        assertEquals(LocalDate.of(2017, 12, 1), d.dueDate());
        assertEquals("EUR", d.currency());
        assertEquals(0, new BigDecimal("1656.25").compareTo(d.statedGross()));
        assertEquals("peppol", d.sourceSystem());
        assertEquals("the payment id is the document's reference", "Snippet1", d.sourceReference());
        // two item lines and the document level charge (insurance) as a line
        assertEquals(3, d.lines().size());
        assertLine(d.lines().get(0), "item name", "7", "400", "S", "25");
        assertLine(d.lines().get(1), "item name 2", "-3", "500", "S", "25");
        assertLine(d.lines().get(2), "Charge: Insurance", "1", "25", "S", "25");
        assertEquals(0, new BigDecimal("1656.25").compareTo(gross(d)));
        // the file as it came, to be kept beside the document
        assertArrayEquals(sample("base-example.xml"), h.original().content());
        assertEquals("application/xml", h.original().contentType());
        assertEquals("file.xml", h.original().fileName());
    }

    @Test
    public void aCustomersInvoiceIsAReceivableOfThePartnerFoundByItsVatId() throws Exception {
        partners.put("SE4598375937", "P-2002");
        DocumentDraft d = run(sample("base-example.xml")).only().draft();
        assertEquals("P-2002", d.partnerId());
        assertEquals(Direction.RECEIVABLE, d.direction());
    }

    @Test
    public void aPrepaidAmountIsRefusedBecauseTheDocumentWouldShowAnotherAmountDue() throws Exception {
        partners.put("0088:7300010000001", "P-1001");
        RecordingSink.Handed h = run(sample("Allowance-example.xml")).only();
        assertNull(h.draft());
        assertTrue(h.rejection(), h.rejection().contains("prepaid amount of 1000")
                && h.rejection().contains("7125 instead of 6125"));
    }

    @Test
    public void allowancesAndChargesBecomeLinesAndTheTaxBreakdownIsKept() throws Exception {
        partners.put("0088:7300010000001", "P-1001");
        // the official allowance example without its prepayment (which the document model cannot hold, see above)
        String withoutPrepaid = text("Allowance-example.xml")
                .replace("<cbc:PrepaidAmount currencyID=\"EUR\">1000</cbc:PrepaidAmount>", "")
                .replace("<cbc:PayableAmount currencyID=\"EUR\">6125.00</cbc:PayableAmount>",
                        "<cbc:PayableAmount currencyID=\"EUR\">7125.00</cbc:PayableAmount>");
        RecordingSink.Handed h = run(bytes(withoutPrepaid)).only();
        assertNull(h.rejection(), h.rejection());
        DocumentDraft d = h.draft();
        List<LineDraft> allowanceLines = d.lines().stream()
                .filter(l -> l.description().startsWith("Allowance")).toList();
        List<LineDraft> chargeLines = d.lines().stream().filter(l -> l.description().startsWith("Charge")).toList();
        assertEquals(1, allowanceLines.size());
        assertEquals(1, chargeLines.size());
        assertTrue(allowanceLines.get(0).unitPrice().signum() < 0);
        assertTrue("an exempt line keeps its category", d.lines().stream().anyMatch(l -> l.taxCategory().equals("E")
                && l.taxRate().signum() == 0));
        assertEquals(0, d.statedGross().compareTo(gross(d)));
    }

    @Test
    public void everyOfficialExampleOfATaxCategoryAddsUp() throws Exception {
        partners.put("0088:7300010000001", "P-1001");
        partners.put(SUPPLIER_PEPPOL, "P-1001");
        for (String file : List.of("Vat-category-S.xml", "vat-category-E.xml", "vat-category-O.xml",
                "vat-category-Z.xml")) {
            RecordingSink sink = run(sample(file));
            RecordingSink.Handed h = sink.only();
            assertNull(file + ": " + h.rejection(), h.rejection());
            assertEquals(file, 0, h.draft().statedGross().compareTo(gross(h.draft())));
        }
    }

    @Test
    public void aCreditNoteCreditsTheInvoiceItNames() throws Exception {
        partners.put(SUPPLIER_PEPPOL, "P-1001");
        RecordingSink.Handed h = run(sample("base-creditnote-correction.xml")).only();
        assertEquals(SUPPLIER_PEPPOL + "/credit-note/Snippet1", h.externalId());
        assertEquals(DocumentKind.CREDIT_NOTE, h.draft().kind());
        assertEquals("Snippet1", h.draft().creditedNumber());
        assertEquals(0, new BigDecimal("1656.25").compareTo(h.draft().statedGross()));
        assertNull("a credit note's due date is the portal's rule", h.draft().dueDate());
    }

    @Test
    public void creditNotesStandAloneWhenTheyAreNotToBeApplied() throws Exception {
        partners.put(SUPPLIER_PEPPOL, "P-1001");
        RecordingSink sink = new RecordingSink();
        new PeppolConnector(id -> Optional.ofNullable(partners.get(id)),
                new PeppolConnector.Settings(10_000_000, true, false, "einvoice", UblWriter.Seller.NONE))
                .read(source("cn.xml", sample("base-creditnote-correction.xml")), sink);
        DocumentDraft d = sink.only().draft();
        assertNull(d.creditedNumber());
        assertEquals("einvoice", d.sourceSystem());
    }

    @Test
    public void aPricePerBaseQuantityKeepsTheNetAsOneUnitNamingQuantityAndPrice() throws Exception {
        partners.put(SUPPLIER_PEPPOL, "P-1001");
        String xml = text("base-example.xml").replace(
                "<cbc:PriceAmount currencyID=\"EUR\">400</cbc:PriceAmount>",
                "<cbc:PriceAmount currencyID=\"EUR\">4000</cbc:PriceAmount><cbc:BaseQuantity unitCode=\"DAY\">10"
                        + "</cbc:BaseQuantity>");
        DocumentDraft d = run(bytes(xml)).only().draft();
        assertLine(d.lines().get(0), "item name (7 DAY × 4000 per 10)", "1", "2800", "S", "25");
        assertEquals(0, d.statedGross().compareTo(gross(d)));
    }

    @Test
    public void twoDifferentPartnersAsSupplierAndCustomerAreRejected() throws Exception {
        partners.put(SUPPLIER_PEPPOL, "P-1001");
        partners.put("SE4598375937", "P-2002");
        RecordingSink.Handed h = run(sample("base-example.xml")).only();
        assertNull(h.draft());
        assertTrue(h.rejection(), h.rejection().contains("Both parties are partners"));
    }

    @Test
    public void aNegativeInvoiceBecomesACreditNoteOfTheSameAmounts() throws Exception {
        partners.put(SUPPLIER_PEPPOL, "P-1001");
        DocumentDraft d = run(sample("base-negative-inv-correction.xml")).only().draft();
        assertEquals(DocumentKind.CREDIT_NOTE, d.kind());
        assertEquals("Snippet1", d.creditedNumber());
        assertTrue(d.statedGross().signum() > 0);
        assertEquals(0, d.statedGross().compareTo(gross(d)));
    }

    @Test
    public void anUnknownPartyIsRejectedNamingTheIdentifiersTried() throws Exception {
        RecordingSink.Handed h = run(sample("base-example.xml")).only();
        assertNull(h.draft());
        assertEquals("Snippet1", h.externalId());
        for (String id : List.of(SUPPLIER_PEPPOL, "GB1232434", "0002:FR23342", "SE4598375937")) {
            assertTrue(h.rejection(), h.rejection().contains(id));
        }
    }

    @Test
    public void totalsThatDoNotAddUpAreRejected() throws Exception {
        partners.put(SUPPLIER_PEPPOL, "P-1001");
        String xml = text("base-example.xml").replace(
                "<cbc:PayableAmount currencyID=\"EUR\">1656.25</cbc:PayableAmount>",
                "<cbc:PayableAmount currencyID=\"EUR\">1665.25</cbc:PayableAmount>");
        RecordingSink.Handed h = run(bytes(xml)).only();
        assertNull(h.draft());
        assertTrue(h.rejection(), h.rejection().contains("PayableAmount says 1665.25"));

        // the tax total and the breakdown agree with each other, not with 25 % of the taxable amount
        String wrongTax = text("base-example.xml").replace(
                "<cbc:TaxAmount currencyID=\"EUR\">331.25</cbc:TaxAmount>",
                "<cbc:TaxAmount currencyID=\"EUR\">331.20</cbc:TaxAmount>");
        assertTrue("the test changed the file", !wrongTax.equals(text("base-example.xml")));
        RecordingSink.Handed tax = run(bytes(wrongTax)).only();
        assertNull(tax.draft());
        assertTrue(tax.rejection(), tax.rejection().contains("TaxAmount says 331.2"));

        String wrongLine = text("base-example.xml").replace(
                "<cbc:LineExtensionAmount currencyID= \"EUR\">2800</cbc:LineExtensionAmount>",
                "<cbc:LineExtensionAmount currencyID= \"EUR\">2900</cbc:LineExtensionAmount>");
        RecordingSink.Handed line = run(bytes(wrongLine)).only();
        assertNull(line.draft());
        assertTrue(line.rejection(), line.rejection().contains("Line 1: its net amount 2900"));
    }

    @Test
    public void aDoctypeWithAnExternalEntityIsRefused() throws Exception {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + text("base-example.xml").substring(text("base-example.xml").indexOf("<Invoice"))
                        .replace("<cbc:Note>", "<cbc:Note>&xxe;")
                        .replace("<cbc:ID>Snippet1</cbc:ID>", "<cbc:ID>&xxe;</cbc:ID>");
        refused(bytes(xxe), "document type declaration (DOCTYPE)");
    }

    @Test
    public void entityExpansionIsRefused() throws Exception {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                laughs.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            laughs.append("\">\n");
        }
        laughs.append("]>\n<Invoice xmlns=\"").append(UblReader.INVOICE_NS).append("\">&lol9;</Invoice>");
        refused(bytes(laughs.toString()), "DOCTYPE");
    }

    @Test
    public void aTruncatedFileIsRefusedWithItsPosition() throws Exception {
        byte[] whole = sample("base-example.xml");
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        ImportFormatException e = refused(cut, "not well-formed XML or ends early");
        assertTrue(e.getMessage(), e.getMessage().contains("line "));
    }

    @Test
    public void aFileOverTheLimitIsRefusedBeforeItIsParsed() throws Exception {
        byte[] xml = sample("base-example.xml");
        CountingStream counted = new CountingStream(new ByteArrayInputStream(xml));
        try {
            connector(1000).read(new ImportSource() {
                @Override
                public String fileName() {
                    return "big.xml";
                }

                @Override
                public InputStream stream() {
                    return counted;
                }
            }, new RecordingSink());
            fail("a file over the limit was read");
        } catch (ImportFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("larger than 1000 bytes"));
        }
        assertTrue("read " + counted.count + " bytes", counted.count <= 1001);
    }

    @Test
    public void aDocumentThatIsNotValidUblIsRefusedNamingTheProblem() throws Exception {
        partners.put(SUPPLIER_PEPPOL, "P-1001");
        String invalid = text("base-example.xml").replace("<cbc:IssueDate>2017-11-13</cbc:IssueDate>",
                "<cbc:IssueDate>2017-11-13</cbc:IssueDate><cbc:Unknown>x</cbc:Unknown>");
        ImportFormatException e = refused(bytes(invalid), "not a valid UBL 2.1 Invoice");
        assertTrue(e.getMessage(), e.getMessage().contains("Unknown"));
    }

    @Test
    public void anotherXmlDocumentIsRefusedNamingItsRoot() throws Exception {
        refused(bytes("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"/>"),
                "root element is {urn:iso:std:iso:20022:tech:xsd:camt.053.001.02}Document");
    }

    private ImportFormatException refused(byte[] xml, String expected) throws IOException {
        RecordingSink sink = new RecordingSink();
        try {
            connector(10_000_000).read(source("bad.xml", xml), sink);
        } catch (ImportFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
            assertTrue("nothing handed over", sink.handed.isEmpty());
            return e;
        }
        fail("not refused; handed " + sink.handed);
        return null;
    }

    /** The document's gross as the documents service computes it: net per line, tax per category and rate. */
    private static BigDecimal gross(DocumentDraft d) {
        Map<String, BigDecimal> groups = new LinkedHashMap<>();
        BigDecimal net = BigDecimal.ZERO;
        for (LineDraft l : d.lines()) {
            BigDecimal lineNet = l.quantity().multiply(l.unitPrice()).setScale(2, RoundingMode.HALF_EVEN);
            net = net.add(lineNet);
            groups.merge(l.taxCategory() + " " + l.taxRate().stripTrailingZeros().toPlainString(), lineNet,
                    BigDecimal::add);
        }
        BigDecimal tax = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> g : groups.entrySet()) {
            BigDecimal rate = new BigDecimal(g.getKey().substring(g.getKey().indexOf(' ') + 1));
            tax = tax.add(g.getValue().multiply(rate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN));
        }
        return net.add(tax);
    }

    private static void assertLine(LineDraft l, String description, String quantity, String price, String category,
            String rate) {
        assertEquals(description, l.description());
        assertEquals(0, new BigDecimal(quantity).compareTo(l.quantity()));
        assertEquals(0, new BigDecimal(price).compareTo(l.unitPrice()));
        assertEquals(category, l.taxCategory());
        assertEquals(0, new BigDecimal(rate).compareTo(l.taxRate()));
    }

    static byte[] sample(String name) throws IOException {
        try (InputStream in = PeppolConnectorTest.class.getResourceAsStream("/peppol/" + name)) {
            assertNotNull(name, in);
            return in.readAllBytes();
        }
    }

    private static String text(String name) throws IOException {
        return new String(sample(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ImportSource source(String name, byte[] xml) {
        return new ImportSource() {
            @Override
            public String fileName() {
                return name;
            }

            @Override
            public InputStream stream() {
                return new ByteArrayInputStream(xml);
            }
        };
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
