package org.partnerfinance.connector.pain001.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.junit.BeforeClass;
import org.junit.Test;
import org.partnerfinance.connectors.api.ExportFormatException;
import org.partnerfinance.connectors.api.PaymentOrder;
import org.partnerfinance.connectors.api.PaymentOrder.CreditTransfer;
import org.partnerfinance.ledger.api.Money;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

/**
 * The writer's files validate against the ISO 20022 pain.001.001.09 schema (src/test/resources/iso20022, see its
 * NOTICE) and carry what the bank and the later camt confirmation need.
 */
public class Pain001WriterTest {

    private static Schema schema;

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @BeforeClass
    public static void loadSchema() throws Exception {
        URL xsd = Pain001WriterTest.class.getResource("/iso20022/pain.001.001.09.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        schema = factory.newSchema(xsd);
    }

    private static Pain001Writer writer(String bic) throws ExportFormatException {
        return new Pain001Writer(Pain001Writer.debtor("Example Company GmbH", "DE89 3704 0044 0532 0130 00", bic,
                "", ""));
    }

    private static CreditTransfer transfer(long id, String e2e, String amount, String currency, LocalDate date,
            String name, String iban, String bic, String remittance) {
        return new CreditTransfer(id, e2e, Money.of(amount, currency), date, "P-" + (1000 + id), name, iban, bic,
                remittance);
    }

    private static byte[] write(Pain001Writer writer, PaymentOrder order) throws ExportFormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(order, out);
        return out.toByteArray();
    }

    private static void validate(byte[] xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String xpath(Document doc, String expression) throws Exception {
        XPath x = XPathFactory.newInstance().newXPath();
        return x.evaluate(expression, doc);
    }

    @Test
    public void oneTransferValidatesAndCarriesTheEndToEndIdTheBankReportsBack() throws Exception {
        PaymentOrder order = new PaymentOrder("PF-20261202-7", Instant.parse("2026-12-02T14:05:06.789Z"), List.of(
                transfer(41, "CLM-2026-0042", "1250.5", "EUR", DAY, "Müller & Söhne <Vertrieb>",
                        "FR1420041010050500013M02606", "", "Claim CLM-2026-0042 settlement")));
        byte[] xml = write(writer("COBADEFFXXX"), order);
        validate(xml);
        Document doc = parse(xml);
        assertEquals("PF-20261202-7", xpath(doc, "/Document/CstmrCdtTrfInitn/GrpHdr/MsgId"));
        assertEquals("2026-12-02T14:05:06Z", xpath(doc, "/Document/CstmrCdtTrfInitn/GrpHdr/CreDtTm"));
        assertEquals("1", xpath(doc, "/Document/CstmrCdtTrfInitn/GrpHdr/NbOfTxs"));
        assertEquals("1250.50", xpath(doc, "/Document/CstmrCdtTrfInitn/GrpHdr/CtrlSum"));
        assertEquals("Example Company GmbH", xpath(doc, "//GrpHdr/InitgPty/Nm"));
        assertEquals("TRF", xpath(doc, "//PmtInf/PmtMtd"));
        assertEquals("2026-12-03", xpath(doc, "//PmtInf/ReqdExctnDt/Dt"));
        assertEquals("DE89370400440532013000", xpath(doc, "//PmtInf/DbtrAcct/Id/IBAN"));
        assertEquals("COBADEFFXXX", xpath(doc, "//PmtInf/DbtrAgt/FinInstnId/BICFI"));
        assertEquals("CLM-2026-0042", xpath(doc, "//CdtTrfTxInf/PmtId/EndToEndId"));
        assertEquals("EUR", xpath(doc, "//CdtTrfTxInf/Amt/InstdAmt/@Ccy"));
        assertEquals("1250.50", xpath(doc, "//CdtTrfTxInf/Amt/InstdAmt"));
        assertEquals("Müller & Söhne <Vertrieb>", xpath(doc, "//CdtTrfTxInf/Cdtr/Nm"));
        assertEquals("FR1420041010050500013M02606", xpath(doc, "//CdtTrfTxInf/CdtrAcct/Id/IBAN"));
        assertEquals("Claim CLM-2026-0042 settlement", xpath(doc, "//CdtTrfTxInf/RmtInf/Ustrd"));
        assertEquals("", xpath(doc, "//CdtTrfTxInf/CdtrAgt"));
    }

    @Test
    public void currenciesAndExecutionDatesGetPaymentBlocksOfTheirOwn() throws Exception {
        PaymentOrder order = new PaymentOrder("PF-20261202-8", Instant.parse("2026-12-02T09:00:00Z"), List.of(
                transfer(1, "E2E-1", "100.00", "EUR", DAY, "Alpha", "DE02120300000000202051", "BYLADEM1001", ""),
                transfer(2, "E2E-2", "20.10", "USD", DAY, "Beta", "GB29NWBK60161331926819", "", "INV-7"),
                transfer(3, "E2E-3", "0.90", "EUR", DAY, "Gamma", "AT611904300234573201", "", "INV-8"),
                transfer(4, "E2E-4", "5000", "JPY", DAY.plusDays(2), "Delta", "BE68539007547034", "", "INV-9"),
                transfer(5, "E2E-5", "1.00", "EUR", DAY.plusDays(1), "Eps", "NL5691ABNA0417164300", "", "")));
        byte[] xml = write(writer(""), order);
        validate(xml);
        Document doc = parse(xml);
        assertEquals("5", xpath(doc, "//GrpHdr/NbOfTxs"));
        assertEquals("5122.00", xpath(doc, "//GrpHdr/CtrlSum"));
        assertEquals("4", xpath(doc, "count(//PmtInf)"));
        // the first block: EUR on the 3rd, with both EUR transfers of that day
        assertEquals("2", xpath(doc, "//PmtInf[1]/NbOfTxs"));
        assertEquals("100.90", xpath(doc, "//PmtInf[1]/CtrlSum"));
        assertEquals("0", xpath(doc, "count(//PmtInf[CdtTrfTxInf/Amt/InstdAmt/@Ccy != "
                + "following-sibling::CdtTrfTxInf/Amt/InstdAmt/@Ccy])"));
        assertEquals("5000", xpath(doc, "//PmtInf[CdtTrfTxInf/Amt/InstdAmt/@Ccy='JPY']/CtrlSum"));
        assertEquals("2026-12-05", xpath(doc, "//PmtInf[CdtTrfTxInf/Amt/InstdAmt/@Ccy='JPY']/ReqdExctnDt/Dt"));
        // without a configured BIC the debtor agent is NOTPROVIDED; a creditor BIC is written when known
        assertEquals("NOTPROVIDED", xpath(doc, "//PmtInf[1]/DbtrAgt/FinInstnId/Othr/Id"));
        assertEquals("BYLADEM1001", xpath(doc, "//CdtTrfTxInf[PmtId/EndToEndId='E2E-1']/CdtrAgt/FinInstnId/BICFI"));
        assertEquals("", xpath(doc, "//CdtTrfTxInf[PmtId/EndToEndId='E2E-5']/RmtInf"));
        for (int i = 1; i <= 4; i++) {
            assertEquals("PF-20261202-8-" + i, xpath(doc, "//PmtInf[" + i + "]/PmtInfId"));
        }
    }

    @Test
    public void theSchemaCatchesWhatTheWriterMustNeverProduce() throws Exception {
        // the test is only worth something if the schema refuses a broken file: a transfer without a creditor account
        byte[] xml = write(writer(""), new PaymentOrder("PF-1", Instant.parse("2026-12-02T09:00:00Z"), List.of(
                transfer(1, "E2E-1", "10.00", "EUR", DAY, "Alpha", "DE02120300000000202051", "", ""))));
        String broken = new String(xml, StandardCharsets.UTF_8).replaceAll("<CdtrAcct>.*?</CdtrAcct>", "")
                .replace("<CdtTrfTxInf><PmtId>", "<CdtTrfTxInf><PmtId><Unknown>x</Unknown>");
        assertThrows(SAXParseException.class, () -> validate(broken.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void refusesWhatAPainFileCannotCarryBeforeWritingAnything() throws Exception {
        Pain001Writer w = writer("");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportFormatException e = assertThrows(ExportFormatException.class, () -> w.write(new PaymentOrder("PF-2",
                Instant.now(), List.of(transfer(9, "E2E-9", "10.00", "EUR", DAY, "Alpha", "DE00120300000000202051",
                        "", ""))), out));
        assertTrue(e.getMessage(), e.getMessage().contains("Payment 9") && e.getMessage().contains("IBAN"));
        assertEquals(0, out.size());
        e = assertThrows(ExportFormatException.class, () -> w.write(new PaymentOrder("PF-3", Instant.now(), List.of(
                transfer(10, "E2E-10", "12345678901234", "EUR", DAY, "Alpha", "DE02120300000000202051", "", ""))), out));
        assertTrue(e.getMessage(), e.getMessage().contains("Payment 10"));
        e = assertThrows(ExportFormatException.class, () -> w.write(new PaymentOrder("PF-4", Instant.now(), List.of(
                transfer(11, "X".repeat(36), "10", "EUR", DAY, "Alpha", "DE02120300000000202051", "", ""))), out));
        assertTrue(e.getMessage(), e.getMessage().contains("end-to-end"));
        assertEquals(0, out.size());
    }

    @Test
    public void refusesAnIncompleteDebtorConfigurationNamingTheSetting() {
        ExportFormatException e = assertThrows(ExportFormatException.class,
                () -> Pain001Writer.debtor("Example", "", "", "", ""));
        assertTrue(e.getMessage(), e.getMessage().contains("debtor.iban"));
        e = assertThrows(ExportFormatException.class,
                () -> Pain001Writer.debtor("Example", "DE89370400440532013001", "", "", ""));
        assertTrue(e.getMessage(), e.getMessage().contains("not a valid IBAN"));
        e = assertThrows(ExportFormatException.class,
                () -> Pain001Writer.debtor(" ", "DE89370400440532013000", "", "", ""));
        assertTrue(e.getMessage(), e.getMessage().contains("debtor.name"));
        e = assertThrows(ExportFormatException.class,
                () -> Pain001Writer.debtor("Example", "DE89370400440532013000", "COBA", "", ""));
        assertTrue(e.getMessage(), e.getMessage().contains("debtor.bic"));
        e = assertThrows(ExportFormatException.class,
                () -> Pain001Writer.debtor("Example", "DE89370400440532013000", "", "", "ALL"));
        assertTrue(e.getMessage(), e.getMessage().contains("charge.bearer"));
    }

    @Test
    public void aChargeBearerAndAnInitiatingPartyAreWrittenWhenConfigured() throws Exception {
        Pain001Writer w = new Pain001Writer(Pain001Writer.debtor("Example Company GmbH", "DE89370400440532013000",
                "COBADEFF", "Example Group Treasury", "slev"));
        byte[] xml = write(w, new PaymentOrder("PF-5", Instant.parse("2026-12-02T09:00:00Z"), List.of(
                transfer(1, "E2E-1", "10.00", "EUR", DAY, "Alpha", "DE02120300000000202051", "", "x"))));
        validate(xml);
        Document doc = parse(xml);
        assertEquals("SLEV", xpath(doc, "//PmtInf/ChrgBr"));
        assertEquals("Example Group Treasury", xpath(doc, "//GrpHdr/InitgPty/Nm"));
        assertFalse(new String(xml, StandardCharsets.UTF_8).contains("NOTPROVIDED"));
        assertEquals(new BigDecimal("10.00").toPlainString(), xpath(doc, "//GrpHdr/CtrlSum"));
    }
}
