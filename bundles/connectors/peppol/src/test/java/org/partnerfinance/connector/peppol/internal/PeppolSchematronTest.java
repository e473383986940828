package org.partnerfinance.connector.peppol.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.transform.stream.StreamSource;

import org.junit.BeforeClass;
import org.junit.Test;
import org.partnerfinance.connectors.api.ReceivableExport;
import org.partnerfinance.connector.peppol.internal.UblWriterTest.L;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;

/**
 * The exported files against the official Schematron rules: OpenPeppol's Peppol BIS Billing 3.0 rules and CEN's
 * EN 16931 rules for UBL (test resources {@code peppol-rules/}, see their README), compiled to XSLT with SchXslt and
 * run with Saxon-HE. Every fatal assertion that fails is reported with its id and text; warnings are allowed.
 *
 * <p>The official examples in {@code peppol/} pass the same check, so the harness itself is shown to accept valid
 * documents; a document with a wrong tax total is shown to fail it.
 */
public class PeppolSchematronTest {

    private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";
    private static Processor saxon;
    private static XsltExecutable peppol;
    private static XsltExecutable cen;

    @BeforeClass
    public static void compileRules() throws Exception {
        saxon = new Processor(false);
        peppol = compile("PEPPOL-EN16931-UBL.sch");
        cen = compile("CEN-EN16931-UBL.sch");
    }

    /** Schematron to XSLT with SchXslt's pipeline (include, expand, compile for SVRL), then compiled by Saxon. */
    private static XsltExecutable compile(String rules) throws Exception {
        URL pipeline = PeppolSchematronTest.class.getResource("/xslt/2.0/pipeline-for-svrl.xsl");
        XsltTransformer toXslt = saxon.newXsltCompiler().compile(new StreamSource(pipeline.openStream(),
                pipeline.toExternalForm())).load();
        URL sch = PeppolSchematronTest.class.getResource("/peppol-rules/" + rules);
        try (InputStream in = sch.openStream()) {
            toXslt.setSource(new StreamSource(in, sch.toExternalForm()));
            XdmDestination xslt = new XdmDestination();
            toXslt.setDestination(xslt);
            toXslt.transform();
            return saxon.newXsltCompiler().compile(xslt.getXdmNode().asSource());
        }
    }

    /** The fatal assertions the document fails, with id and text, under both rule sets. */
    static List<String> fatalFailures(byte[] xml) throws Exception {
        List<String> failures = new ArrayList<>();
        for (XsltExecutable rules : List.of(peppol, cen)) {
            XsltTransformer t = rules.load();
            t.setSource(new StreamSource(new ByteArrayInputStream(xml)));
            XdmDestination svrl = new XdmDestination();
            t.setDestination(svrl);
            t.transform();
            collect(svrl.getXdmNode(), failures);
        }
        return failures;
    }

    private static void collect(XdmNode node, List<String> failures) {
        for (XdmNode child : node.children()) {
            if (child.getNodeKind() == XdmNodeKind.ELEMENT && child.getNodeName().getNamespace().equals(SVRL)
                    && child.getNodeName().getLocalName().equals("failed-assert")) {
                String flag = child.getAttributeValue(new QName("flag"));
                if (flag == null || flag.equals("fatal") || flag.equals("error")) {
                    failures.add(child.getAttributeValue(new QName("id")) + " at "
                            + child.getAttributeValue(new QName("location")) + ": "
                            + child.getStringValue().strip());
                }
            } else if (child.getNodeKind() == XdmNodeKind.ELEMENT || child.getNodeKind() == XdmNodeKind.DOCUMENT) {
                collect(child, failures);
            }
        }
    }

    private static void assertValid(String what, byte[] xml) throws Exception {
        List<String> failures = fatalFailures(xml);
        assertTrue(what + " fails the Peppol/EN 16931 rules:\n" + String.join("\n", failures) + "\n"
                + new String(xml, java.nio.charset.StandardCharsets.UTF_8), failures.isEmpty());
    }

    private static byte[] export(Document d, String credited) throws Exception {
        return new UblWriter(UblWriterTest.SELLER).write(new ReceivableExport(d, UblWriterTest.BUYER, credited));
    }

    @Test
    public void theOfficialExamplesPassTheHarness() throws Exception {
        for (String example : List.of("base-example.xml", "base-creditnote-correction.xml", "Vat-category-S.xml")) {
            Path file = Path.of(PeppolSchematronTest.class.getResource("/peppol/" + example).toURI());
            assertValid(example, Files.readAllBytes(file));
        }
    }

    @Test
    public void anInvoiceWithSeveralTaxCategoriesPassesTheRules() throws Exception {
        assertValid("invoice", export(UblWriterTest.document(DocumentKind.INVOICE, "INV-2026-17", "EUR",
                new L("Network cable 5 m", "3", "12.49", "S", "19"),
                new L("Installation", "2.5", "80.00", "S", "19"),
                new L("Printed manual", "1", "15.00", "S", "7"),
                new L("Export shipment handling", "1", "40.00", "Z", "0"),
                new L("Discount", "1", "-10.00", "S", "19")), null));
    }

    @Test
    public void aCreditNotePassesTheRules() throws Exception {
        assertValid("credit note", export(UblWriterTest.document(DocumentKind.CREDIT_NOTE, "CN-2026-3", "EUR",
                new L("Returned network cable 5 m", "2", "12.49", "S", "19")), "INV-2026-17"));
    }

    @Test
    public void aForeignCurrencyInvoicePassesTheRules() throws Exception {
        assertValid("USD invoice", export(UblWriterTest.document(DocumentKind.INVOICE, "INV-US-9", "USD",
                new L("Support subscription", "12", "99.99", "S", "19")), null));
    }

    @Test
    public void exemptReverseChargeAndNotSubjectDocumentsPassTheRules() throws Exception {
        assertValid("E and AE", export(UblWriterTest.document(DocumentKind.INVOICE, "INV-E-1", "EUR",
                new L("Training course", "1", "500", "E", "0"),
                new L("Reverse charge service", "1", "300", "AE", "0")), null));
        assertValid("O", export(UblWriterTest.document(DocumentKind.INVOICE, "INV-O-1", "EUR",
                new L("Damages", "1", "250", "O", "0")), null));
    }

    @Test
    public void aWrongTaxTotalFailsTheRules() throws Exception {
        String xml = new String(export(UblWriterTest.document(DocumentKind.INVOICE, "INV-BAD", "EUR",
                new L("Cable", "1", "100", "S", "19")), null), java.nio.charset.StandardCharsets.UTF_8);
        byte[] broken = xml.replaceFirst("<cbc:TaxAmount currencyID=\"EUR\">19.00</cbc:TaxAmount>",
                "<cbc:TaxAmount currencyID=\"EUR\">18.00</cbc:TaxAmount>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> failures = fatalFailures(broken);
        assertTrue(failures.toString(), failures.stream().anyMatch(f -> f.startsWith("BR-CO-")));
        assertEquals("the unchanged file passes", List.of(), fatalFailures(xml.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }
}
