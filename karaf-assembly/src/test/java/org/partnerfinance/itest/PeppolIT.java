package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import java.io.InputStream;
import java.io.StringReader;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.partnerfinance.connectors.api.ExportRun;
import org.partnerfinance.connectors.api.ExportService;
import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.partner.api.PostalAddress;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserDirectory;

/**
 * The Peppol connector in the distribution: a UBL 2.1 invoice imported at the console ({@code pf:import peppol-ubl})
 * becomes a payable of the partner whose Peppol id is the supplier's endpoint id (read and schema-validated by ph-ubl
 * inside Karaf), or a receivable of the partner whose VAT id the customer has; the same file again is a duplicate; a
 * document of parties no partner has is rejected naming their identifiers; a DOCTYPE is refused; uninstalling the
 * feature keeps the imported documents and installing it again imports again. The other way, a receivable exported
 * at the console ({@code pf:export-documents peppol-ubl}) and over REST ({@code GET /api/v1/invoices/{id}/ubl}) is
 * refused until the company is configured, then validates against the UBL 2.1 schema and imports back with the same
 * lines, taxes and totals; a partner's token reads its own receivable and gets 404 for another partner's.
 */
@ExamReactorStrategy(PerSuite.class) // shares one booted distribution: ProductionDistributionIT
public class PeppolIT extends PfTestSupport {

    private static final Caller FINANCE = new Caller("it-finance", null, Set.of(Role.FINANCE_REVIEWER), null);

    private static final String PEPPOL_PID = "org.partnerfinance.connector.peppol";

    private static final Pattern TOKEN = Pattern.compile("Token: (pf_[A-Za-z0-9_-]+)");

    private DocumentService documents;
    private PartnerService partners;

    @Before
    public void services() {
        waitForFeatures("pf-core", "pf-connectors", "pf-connector-peppol");
        documents = getService(DocumentService.class);
        partners = getService(PartnerService.class);
        waitForCommand("pf:import");
    }

    private static String digits(int n) {
        String d = Long.toString(Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 10_000_000_000_000L));
        return "9".repeat(Math.max(0, n - d.length())) + d;
    }

    /** A random GS1 GLN with its check digit: the export refuses an invalid one, as Peppol does. */
    private static String gln() {
        String body = digits(13).substring(1);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(11 - i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return body + (10 - sum % 10) % 10;
    }

    private String newPartner(String name, String vatId, String peppolId) {
        String id = String.format(Locale.ROOT, "P-%09d",
                Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        partners.create(Caller.system(), id, new PartnerDetails(name, PartnerKind.VENDOR, Currency.getInstance("EUR"),
                Set.of(), vatId, peppolId, null, 30, null, true));
        return id;
    }

    /**
     * A Peppol BIS Billing 3.0 invoice (written for this test after the structure of OpenPeppol's base example):
     * two lines at 25 %, a document level charge, payment means with IBAN and payment id.
     */
    private static String invoice(String number, String supplierEndpoint, String customerVat) {
        String[] supplier = supplierEndpoint.split(":", 2);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
                  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
                  <cbc:ID>%1$s</cbc:ID>
                  <cbc:IssueDate>2026-11-13</cbc:IssueDate>
                  <cbc:DueDate>2026-12-13</cbc:DueDate>
                  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
                  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
                  <cbc:BuyerReference>IT-4711</cbc:BuyerReference>
                  <cac:AccountingSupplierParty><cac:Party>
                    <cbc:EndpointID schemeID="%2$s">%3$s</cbc:EndpointID>
                    <cac:PostalAddress><cbc:CityName>Copenhagen</cbc:CityName>
                      <cac:Country><cbc:IdentificationCode>DK</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
                    <cac:PartyTaxScheme><cbc:CompanyID>DK%3$s</cbc:CompanyID>
                      <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
                    <cac:PartyLegalEntity><cbc:RegistrationName>Peppol Supplier A/S</cbc:RegistrationName></cac:PartyLegalEntity>
                  </cac:Party></cac:AccountingSupplierParty>
                  <cac:AccountingCustomerParty><cac:Party>
                    <cbc:EndpointID schemeID="0002">%4$s</cbc:EndpointID>
                    <cac:PostalAddress><cbc:CityName>Stockholm</cbc:CityName>
                      <cac:Country><cbc:IdentificationCode>SE</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
                    <cac:PartyTaxScheme><cbc:CompanyID>%4$s</cbc:CompanyID>
                      <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
                    <cac:PartyLegalEntity><cbc:RegistrationName>Buyer AB</cbc:RegistrationName></cac:PartyLegalEntity>
                  </cac:Party></cac:AccountingCustomerParty>
                  <cac:PaymentMeans>
                    <cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>
                    <cbc:PaymentID>RF18539007547034</cbc:PaymentID>
                    <cac:PayeeFinancialAccount><cbc:ID>DK5000400440116243</cbc:ID></cac:PayeeFinancialAccount>
                  </cac:PaymentMeans>
                  <cac:AllowanceCharge>
                    <cbc:ChargeIndicator>true</cbc:ChargeIndicator>
                    <cbc:AllowanceChargeReason>Insurance</cbc:AllowanceChargeReason>
                    <cbc:Amount currencyID="EUR">25</cbc:Amount>
                    <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent>
                      <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
                  </cac:AllowanceCharge>
                  <cac:TaxTotal>
                    <cbc:TaxAmount currencyID="EUR">331.25</cbc:TaxAmount>
                    <cac:TaxSubtotal>
                      <cbc:TaxableAmount currencyID="EUR">1325</cbc:TaxableAmount>
                      <cbc:TaxAmount currencyID="EUR">331.25</cbc:TaxAmount>
                      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent>
                        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
                    </cac:TaxSubtotal>
                  </cac:TaxTotal>
                  <cac:LegalMonetaryTotal>
                    <cbc:LineExtensionAmount currencyID="EUR">1300</cbc:LineExtensionAmount>
                    <cbc:TaxExclusiveAmount currencyID="EUR">1325</cbc:TaxExclusiveAmount>
                    <cbc:TaxInclusiveAmount currencyID="EUR">1656.25</cbc:TaxInclusiveAmount>
                    <cbc:ChargeTotalAmount currencyID="EUR">25</cbc:ChargeTotalAmount>
                    <cbc:PayableAmount currencyID="EUR">1656.25</cbc:PayableAmount>
                  </cac:LegalMonetaryTotal>
                  <cac:InvoiceLine>
                    <cbc:ID>1</cbc:ID>
                    <cbc:InvoicedQuantity unitCode="DAY">7</cbc:InvoicedQuantity>
                    <cbc:LineExtensionAmount currencyID="EUR">2800</cbc:LineExtensionAmount>
                    <cac:Item><cbc:Name>Consulting</cbc:Name>
                      <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent>
                        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
                    <cac:Price><cbc:PriceAmount currencyID="EUR">400</cbc:PriceAmount></cac:Price>
                  </cac:InvoiceLine>
                  <cac:InvoiceLine>
                    <cbc:ID>2</cbc:ID>
                    <cbc:InvoicedQuantity unitCode="DAY">-3</cbc:InvoicedQuantity>
                    <cbc:LineExtensionAmount currencyID="EUR">-1500</cbc:LineExtensionAmount>
                    <cac:Item><cbc:Name>Consulting, credited days</cbc:Name>
                      <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent>
                        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
                    <cac:Price><cbc:PriceAmount currencyID="EUR">500</cbc:PriceAmount></cac:Price>
                  </cac:InvoiceLine>
                </Invoice>
                """.formatted(number, supplier[0], supplier[1], customerVat);
    }

    private static Path write(String name, String xml) throws Exception {
        Path file = Files.createTempFile(name, ".xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    private List<Document> documentsOf(String partnerId) {
        return documents.search(FINANCE, new DocumentQuery(partnerId, null, null, null, null, null, null, null, null,
                false, 0, 50)).items();
    }

    @Test
    public void anInvoiceBecomesAPayableOfThePartnerWithThePeppolIdAndAReimportIsADuplicate() throws Exception {
        String endpoint = digits(13);
        String peppolId = "0088:" + endpoint;
        String supplier = newPartner("Peppol Supplier " + endpoint, "", peppolId);
        String number = "PEPPOL-" + endpoint;
        Path file = write("invoice", invoice(number, peppolId, "SE" + digits(10)));

        String first = executeCommand("pf:import peppol-ubl " + file);
        assertTrue(first, first.contains("Documents 1: created 1, duplicates 0, rejected 0"));
        assertTrue(first, first.contains("IMPORT COMPLETED"));
        List<Document> found = documentsOf(supplier);
        assertEquals(found.toString(), 1, found.size());
        Document d = found.get(0);
        assertEquals(number, d.number());
        assertEquals(Direction.PAYABLE, d.direction());
        assertEquals(DocumentKind.INVOICE, d.kind());
        assertEquals(0, new BigDecimal("1656.25").compareTo(d.gross().amount()));
        assertEquals(0, new BigDecimal("331.25").compareTo(d.tax().amount()));
        assertEquals(java.time.LocalDate.of(2026, 12, 13), d.dueDate());
        assertEquals("peppol", d.sourceSystem());
        assertEquals("RF18539007547034", d.sourceReference());
        assertEquals("the charge is a line of its own", 3, d.lines().size());

        String second = executeCommand("pf:import peppol-ubl " + file);
        assertTrue(second, second.contains("Documents 1: created 0, duplicates 1, rejected 0"));
        assertEquals(1, documentsOf(supplier).size());

        // the original XML, byte for byte, for the partner's own user; another partner's user gets a 404
        HttpResponse<byte[]> original = download(d.id(), tokenOf("peppol-" + endpoint, supplier));
        assertEquals(200, original.statusCode());
        assertTrue(original.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(file), original.body()));
        String other = newPartner("Peppol Other " + endpoint, "", "");
        assertEquals(404, download(d.id(), tokenOf("peppol-other-" + endpoint, other)).statusCode());
        Files.delete(file);
    }

    /** A bearer token of a new user of the partner (pf:token-create, as an operator makes one). */
    private String tokenOf(String username, String partnerId) {
        waitForCommand("pf:token-create");
        getService(UserDirectory.class).create(Caller.system(), username, null,
                "quiet-orchard-lantern-42".toCharArray(), Set.of(Role.PARTNER_USER), partnerId);
        String output = executeCommand("pf:token-create " + username + " \"peppol itest\"");
        Matcher m = TOKEN.matcher(output);
        assertTrue(output, m.find());
        return m.group(1);
    }

    private static HttpResponse<byte[]> download(long documentId, String token) throws Exception {
        String api = "http://localhost:" + System.getProperty(HTTP_PORT_PROPERTY) + "/api/v1";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(URI.create(api + "/originals/" + documentId))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * A zip of UBL files is one run over REST ({@code POST /api/v1/imports/peppol-ubl} with the zip as the body): each
     * file a document, a hostile file in it rejected alone; the same zip again at the console is all duplicates.
     */
    @Test
    public void aZipOfInvoicesIsOneRunOverRestAndAHostileFileInItIsRejectedAlone() throws Exception {
        String endpoint = digits(13);
        String peppolId = "0088:" + endpoint;
        String supplier = newPartner("Peppol Zip Supplier " + endpoint, "", peppolId);
        String customerVat = "SE" + digits(10);
        String hostile = invoice("PEPPOL-ZX-" + endpoint, peppolId, customerVat).replaceFirst("\\?>",
                "?>\n<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            String[] files = {invoice("PEPPOL-Z1-" + endpoint, peppolId, customerVat), hostile,
                    invoice("PEPPOL-Z2-" + endpoint, peppolId, customerVat),
                    invoice("PEPPOL-Z3-" + endpoint, peppolId, customerVat)};
            for (int i = 0; i < files.length; i++) {
                zip.putNextEntry(new java.util.zip.ZipEntry("../in/" + i + ".xml"));
                zip.write(files[i].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        String token = tokenOf("peppol-zip-" + endpoint, null, Role.INTEGRATOR);
        String api = "http://localhost:" + System.getProperty(HTTP_PORT_PROPERTY) + "/api/v1";
        HttpResponse<String> run = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(URI.create(api + "/imports/peppol-ubl?filename=invoices.zip"))
                        .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(run.body(), 201, run.statusCode());
        assertTrue(run.body(), run.body().contains("\"status\":\"completed\"")
                && run.body().contains("\"documents\":4") && run.body().contains("\"created\":3")
                && run.body().contains("file 2 of the zip") && run.body().contains("DOCTYPE"));
        List<Document> found = documentsOf(supplier);
        assertEquals(found.toString(), 3, found.size());
        assertTrue(found.stream().allMatch(d -> d.number().startsWith("PEPPOL-Z")
                && !d.number().startsWith("PEPPOL-ZX")));

        Path file = Files.createTempFile("invoices", ".zip");
        Files.write(file, bytes.toByteArray());
        String again = executeCommand("pf:import peppol-ubl " + file);
        assertTrue(again, again.contains("Documents 4: created 0, duplicates 3, rejected 1"));
        assertEquals(3, documentsOf(supplier).size());
        Files.delete(file);
    }

    @Test
    public void theCustomerFoundByVatIdGetsAReceivable() throws Exception {
        String vat = "SE" + digits(10);
        String customer = newPartner("Peppol Customer " + vat, vat, "");
        String number = "PEPPOL-R-" + vat;
        Path file = write("receivable", invoice(number, "0088:" + digits(13), vat));

        String out = executeCommand("pf:import peppol-ubl " + file);
        assertTrue(out, out.contains("created 1"));
        Document d = documentsOf(customer).get(0);
        assertEquals(number, d.number());
        assertEquals(Direction.RECEIVABLE, d.direction());
        Files.delete(file);
    }

    @Test
    public void unknownPartiesAreRejectedNamingTheirIdentifiersAndADoctypeIsRefused() throws Exception {
        String endpoint = digits(13);
        String vat = "SE" + digits(10);
        Path file = write("unknown", invoice("PEPPOL-U-" + endpoint, "0088:" + endpoint, vat));
        String out = executeCommand("pf:import peppol-ubl " + file);
        assertTrue(out, out.contains("created 0, duplicates 0, rejected 1"));
        assertTrue(out, out.contains("0088:" + endpoint) && out.contains(vat));
        Files.delete(file);

        String xml = invoice("PEPPOL-X-" + endpoint, "0088:" + endpoint, vat).replaceFirst("\\?>",
                "?>\n<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");
        Path hostile = write("hostile", xml.replace("<cbc:BuyerReference>IT-4711", "<cbc:BuyerReference>&xxe;"));
        String refused = executeCommand("pf:import peppol-ubl " + hostile);
        assertTrue(refused, refused.contains("IMPORT FAILED") && refused.contains("DOCTYPE"));
        Files.delete(hostile);
    }

    @Test
    public void uninstallingTheFeatureKeepsTheDocumentsAndReinstallingImportsAgain() throws Exception {
        String endpoint = digits(13);
        String peppolId = "0088:" + endpoint;
        String supplier = newPartner("Peppol Lifecycle " + endpoint, "", peppolId);
        Path first = write("before", invoice("PEPPOL-L1-" + endpoint, peppolId, "SE" + digits(10)));
        assertTrue(executeCommand("pf:import peppol-ubl " + first).contains("created 1"));

        ImportService imports = getService(ImportService.class);
        featuresService.uninstallFeature("pf-connector-peppol");
        try {
            waitFor("the Peppol connector to leave", () -> imports.connectors(Caller.system()).stream()
                    .noneMatch(c -> c.id().equals("peppol-ubl")));
            assertEquals("the imported document stays", 1, documentsOf(supplier).size());
        } finally {
            featuresService.installFeature("pf-connector-peppol");
        }
        waitFor("the Peppol connector to return", () -> imports.connectors(Caller.system()).stream()
                .anyMatch(c -> c.id().equals("peppol-ubl")));
        Path second = write("after", invoice("PEPPOL-L2-" + endpoint, peppolId, "SE" + digits(10)));
        String out = executeCommand("pf:import peppol-ubl " + second);
        assertTrue(out, out.contains("created 1"));
        assertEquals(2, documentsOf(supplier).size());
        Files.delete(first);
        Files.delete(second);
    }
    @Test
    public void aReceivableExportedAsPeppolUblValidatesImportsBackAndPartnersGetOnlyTheirOwn() throws Exception {
        String n = digits(10);
        String buyerPeppol = "0088:" + gln();
        String buyerVat = "SE" + digits(13).substring(3) + "01";
        String buyer = String.format(Locale.ROOT, "P-%09d",
                Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        Currency eur = Currency.getInstance("EUR");
        partners.create(Caller.system(), buyer, new PartnerDetails("Peppol Buyer AB " + n, PartnerKind.RESELLER, eur,
                Set.of(), buyerVat, buyerPeppol, new PostalAddress("Storgatan 5", "11122", "Stockholm", "SE"), 30,
                null, true));
        Document invoice = documents.create(Caller.system(), new DocumentDraft(buyer, Direction.RECEIVABLE,
                DocumentKind.INVOICE, "UBL-" + n, java.time.LocalDate.of(2026, 11, 20), null, "EUR", List.of(
                        new LineDraft("Network switch", new BigDecimal("3"), new BigDecimal("149.99"), "S",
                                new BigDecimal("25")),
                        new LineDraft("Export handling", BigDecimal.ONE, new BigDecimal("40.00"), "Z",
                                BigDecimal.ZERO)), null, null, "portal", ""));
        Document credit = documents.create(Caller.system(), new DocumentDraft(buyer, Direction.RECEIVABLE,
                DocumentKind.CREDIT_NOTE, "UBL-CN-" + n, java.time.LocalDate.of(2026, 11, 22), null, "EUR",
                List.of(new LineDraft("Returned network switch", BigDecimal.ONE, new BigDecimal("149.99"), "S",
                        new BigDecimal("25"))), null, "UBL-" + n, "portal", ""));
        Path dir = Files.createTempDirectory("ubl");
        Path file = dir.resolve("invoice.xml");

        // shipped without the company's party data: refused, naming the settings
        String refused = executeCommand("pf:export-documents --file " + file + " peppol-ubl UBL-" + n);
        assertTrue(refused, refused.contains("EXPORT REFUSED"));
        assertTrue(refused, refused.contains("seller.name") && refused.contains("seller.vat.id")
                && refused.contains("seller.peppol.id") && refused.contains("seller.country"));
        assertTrue(Files.notExists(file));

        Configuration config = getService(ConfigurationAdmin.class).getConfiguration(PEPPOL_PID, "?");
        Dictionary<String, Object> before = config.getProperties();
        Hashtable<String, Object> properties = new Hashtable<>();
        if (before != null) {
            for (Enumeration<String> keys = before.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                properties.put(key, before.get(key));
            }
        }
        String sellerPeppol = "0088:" + gln();
        properties.put("seller.name", "Example Portal Company GmbH");
        properties.put("seller.vat.id", "DE123456789");
        properties.put("seller.peppol.id", sellerPeppol);
        properties.put("seller.city", "Berlin");
        properties.put("seller.country", "DE");
        properties.put("seller.iban", "DE89370400440532013000");
        config.update(properties);
        try {
            // the connector takes the configuration asynchronously: export once it has it
            String exported = "";
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline) {
                exported = executeCommand("pf:export-documents --file " + file + " peppol-ubl UBL-" + n);
                if (exported.contains("EXPORT COMPLETED") || !exported.contains("seller.")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertTrue(exported, exported.contains("EXPORT COMPLETED"));
            assertTrue(exported, exported.contains("1 document(s) [" + invoice.id() + "]"));
            byte[] xml = Files.readAllBytes(file);
            String text = new String(xml, StandardCharsets.UTF_8);
            assertTrue(text, text.contains("urn:fdc:peppol.eu:2017:poacc:billing:3.0"));
            assertTrue(text, text.contains("<cbc:BuyerReference>" + buyer + "</cbc:BuyerReference>"));
            assertTrue(text, text.contains("<cbc:PayableAmount currencyID=\"EUR\">602.46</cbc:PayableAmount>"));
            ublSchema("UBL-Invoice-2.1.xsd").newValidator().validate(new StreamSource(new StringReader(text)));

            ExportService exports = getService(ExportService.class);
            ExportRun run = exports.recent(FINANCE, "peppol-ubl", 5).stream()
                    .filter(r -> r.documentIds().contains(invoice.id())).findFirst().orElseThrow();
            assertEquals(run.sha256(), exported.replaceAll("(?s).*sha256 ([0-9a-f]{64}).*", "$1"));

            // several at once: one zip
            String both = executeCommand("pf:export-documents --file " + dir.resolve("both.zip") + " peppol-ubl "
                    + invoice.id() + " UBL-CN-" + n);
            assertTrue(both, both.contains("EXPORT COMPLETED") && both.contains("2 document(s)"));

            // REST: finance gets the same XML; the credit note at its own path; a partner only its own
            String financeToken = tokenOf("ubl-finance-" + n, null, Role.FINANCE_REVIEWER);
            HttpResponse<byte[]> rest = get("/invoices/" + invoice.id() + "/ubl", financeToken);
            assertEquals(200, rest.statusCode());
            assertTrue(rest.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
            assertTrue(java.util.Arrays.equals(xml, rest.body()));
            HttpResponse<byte[]> creditNote = get("/credit-notes/" + credit.id() + "/ubl", financeToken);
            assertEquals(200, creditNote.statusCode());
            String cn = new String(creditNote.body(), StandardCharsets.UTF_8);
            assertTrue(cn, cn.contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>"));
            assertTrue(cn, cn.contains("<cbc:ID>UBL-" + n + "</cbc:ID>"));
            ublSchema("UBL-CreditNote-2.1.xsd").newValidator().validate(new StreamSource(new StringReader(cn)));
            assertEquals("an invoice id at the credit note path", 404,
                    get("/credit-notes/" + invoice.id() + "/ubl", financeToken).statusCode());
            String ownToken = tokenOf("ubl-buyer-" + n, buyer, Role.PARTNER_USER);
            HttpResponse<byte[]> own = get("/invoices/" + invoice.id() + "/ubl", ownToken);
            assertEquals(200, own.statusCode());
            assertTrue(java.util.Arrays.equals(xml, own.body()));
            String other = newPartner("Peppol Other Buyer " + n, "", "");
            assertEquals(404, get("/invoices/" + invoice.id() + "/ubl", tokenOf("ubl-other-" + n, other,
                    Role.PARTNER_USER)).statusCode());

            // imported into a second setup, where the company is a vendor partner and the buyer is no partner
            // any more, the file is a payable with the same lines, taxes and totals
            Partner current = partners.find(Caller.system(), buyer).orElseThrow();
            partners.update(Caller.system(), buyer, current.version(), new PartnerDetails(current.name(),
                    current.kind(), eur, Set.of(), "", "", current.address(), 30, null, true));
            String company = newPartner("Example Portal Company (vendor) " + n, "", sellerPeppol);
            String imported = executeCommand("pf:import peppol-ubl " + file);
            assertTrue(imported, imported.contains("created 1"));
            Document back = documentsOf(company).get(0);
            assertEquals(Direction.PAYABLE, back.direction());
            assertEquals("UBL-" + n, back.number());
            assertEquals(0, invoice.net().amount().compareTo(back.net().amount()));
            assertEquals(0, invoice.tax().amount().compareTo(back.tax().amount()));
            assertEquals(0, invoice.gross().amount().compareTo(back.gross().amount()));
            assertEquals(invoice.dueDate(), back.dueDate());
            assertEquals(invoice.lines().size(), back.lines().size());
            for (int i = 0; i < invoice.lines().size(); i++) {
                assertEquals(invoice.lines().get(i).description(), back.lines().get(i).description());
                assertEquals(0, invoice.lines().get(i).net().amount().compareTo(back.lines().get(i).net().amount()));
                assertEquals(invoice.lines().get(i).taxCategory(), back.lines().get(i).taxCategory());
            }
            assertEquals(invoice.taxes().size(), back.taxes().size());
        } finally {
            Hashtable<String, Object> restore = new Hashtable<>();
            if (before != null) {
                for (Enumeration<String> keys = before.keys(); keys.hasMoreElements();) {
                    String key = keys.nextElement();
                    restore.put(key, before.get(key));
                }
            }
            config.update(restore);
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir.resolve("both.zip"));
        Files.delete(dir);
    }

    /**
     * The UBL 2.1 schema, independent of the connector's own validation: the OASIS XSDs shipped inside ph-ubl (and
     * the schemas they import by namespace only: CCTS, XML-DSig, XAdES), read from the jars embedded in the Peppol
     * bundle with the JDK's schema validator.
     */
    private Schema ublSchema(String mainDocument) throws Exception {
        List<StreamSource> sources = new java.util.ArrayList<>();
        sources.add(embedded("ph-xsds-ccts-cct-schemamodule", "schemas/CCTS_CCT_SchemaModule.xsd"));
        sources.add(embedded("ph-xsds-xmldsig", "schemas/xmldsig-core-schema.xsd"));
        sources.add(embedded("ph-xsds-xades132", "schemas/XAdES01903v132-201601.xsd"));
        sources.add(embedded("ph-xsds-xades141", "schemas/XAdES01903v141-201601.xsd"));
        sources.add(embedded("ph-ubl21", "external/schemas/ubl21/maindoc/" + mainDocument));
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
        return factory.newSchema(sources.toArray(new StreamSource[0]));
    }

    /** A schema file inside a jar embedded in the Peppol bundle (copied out, so that relative imports resolve). */
    private StreamSource embedded(String jarPrefix, String path) throws Exception {
        org.osgi.framework.Bundle peppol = bundle("org.partnerfinance.pf-connector-peppol");
        Enumeration<java.net.URL> found = peppol.findEntries("lib", jarPrefix + "-*.jar", false);
        assertTrue(jarPrefix + " is embedded in the Peppol bundle", found != null && found.hasMoreElements());
        Path jar = Files.createTempFile(jarPrefix, ".jar");
        try (InputStream in = found.nextElement().openStream()) {
            Files.copy(in, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        jar.toFile().deleteOnExit();
        String systemId = "jar:" + jar.toUri() + "!/" + path;
        return new StreamSource(new java.net.URL(systemId).openStream(), systemId);
    }

    private String tokenOf(String username, String partnerId, Role role) {
        waitForCommand("pf:token-create");
        getService(UserDirectory.class).create(Caller.system(), username, null,
                "quiet-orchard-lantern-42".toCharArray(), Set.of(role), partnerId);
        String output = executeCommand("pf:token-create " + username + " \"peppol itest\"");
        Matcher m = TOKEN.matcher(output);
        assertTrue(output, m.find());
        return m.group(1);
    }

    private static HttpResponse<byte[]> get(String path, String token) throws Exception {
        String api = "http://localhost:" + System.getProperty(HTTP_PORT_PROPERTY) + "/api/v1";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
