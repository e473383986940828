package org.partnerfinance.connector.peppol.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.sax.SAXSource;

import org.partnerfinance.connectors.api.ImportFormatException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import com.helger.diagnostics.error.IError;
import com.helger.diagnostics.error.list.ErrorList;
import com.helger.ubl21.UBL21Marshaller;

import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AllowanceChargeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BillingReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CreditNoteLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyTaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentMeansType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_21.AmountType;
import oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_21.DateType;
import oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_21.IdentifierType;
import oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_21.QuantityType;
import oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_21.TextType;

/**
 * Reads one UBL 2.1 Invoice or CreditNote with ph-ubl (JAXB classes of the OASIS schemas, optional XSD validation).
 *
 * <p>Before JAXB sees the bytes, a StAX pass with DTD support and external entities off refuses a document type
 * declaration or an entity reference (XXE, entity expansion) and a file that is not well-formed or ends early, with
 * the position; it also tells an Invoice from a CreditNote by the root element. JAXB and the schema validation then
 * run with this bundle's class loader as the thread's context class loader: inside Karaf, ph-commons and the JAXB
 * runtime find their service files (META-INF/services) in the jars embedded in this bundle through it.
 */
final class UblReader {

    static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    /** At most this many schema problems are named in a refusal. */
    private static final int SHOWN_ERRORS = 5;

    private final boolean validateSchema;
    /**
     * The parsers, made once per reader and reused for each of its documents (one reader reads one run, on one
     * thread): making an XML parser costs more than parsing a UBL invoice with it.
     */
    private XMLInputFactory stax;
    private XMLReader sax;

    UblReader(boolean validateSchema) {
        this.validateSchema = validateSchema;
    }

    /** Reads the file, at most {@code maxBytes} of it; a longer file is refused without being parsed. */
    static byte[] readLimited(InputStream in, long maxBytes) throws IOException, ImportFormatException {
        int cap = (int) Math.min(Integer.MAX_VALUE - 16, maxBytes);
        byte[] bytes = in.readNBytes(cap + 1);
        if (bytes.length > cap) {
            throw new ImportFormatException("The file is larger than " + cap + " bytes, the Peppol connector's "
                    + "limit for one UBL document (max_file_bytes in etc/" + PeppolConnector.PID + ".cfg).");
        }
        if (bytes.length == 0) {
            throw new ImportFormatException("The file is empty.");
        }
        return bytes;
    }

    UblDocument read(byte[] xml) throws ImportFormatException {
        if (stax == null) {
            stax = secureStax();
        }
        boolean creditNote = rootIsCreditNote(stax, xml);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(UblReader.class.getClassLoader());
        try {
            return creditNote ? creditNote(unmarshal(xml, UBL21Marshaller::creditNote, "CreditNote"))
                    : invoice(unmarshal(xml, UBL21Marshaller::invoice, "Invoice"));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private <T> T unmarshal(byte[] xml, Supplier<UBL21Marshaller.UBL21JAXBMarshaller<T>> marshaller, String what)
            throws ImportFormatException {
        ErrorList errors = new ErrorList();
        List<Exception> failures = new ArrayList<>();
        UBL21Marshaller.UBL21JAXBMarshaller<T> m = marshaller.get();
        m.setUseSchema(validateSchema);
        m.setCollectErrors(errors);
        m.readExceptionCallbacks().set(failures::add);
        if (sax == null) {
            sax = secureSax();
        }
        T read = m.read(new SAXSource(sax, new InputSource(new ByteArrayInputStream(xml))));
        if (read == null || errors.containsAtLeastOneError()) {
            List<String> shown = new ArrayList<>();
            for (IError e : errors) {
                if (e.isError() && shown.size() < SHOWN_ERRORS) {
                    shown.add(describe(e));
                }
            }
            if (shown.isEmpty() && !failures.isEmpty()) {
                Throwable root = failures.get(0);
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                shown.add(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
            }
            throw new ImportFormatException("The file is not a valid UBL 2.1 " + what
                    + (validateSchema ? " (schema validation)" : "") + ": " + String.join("; ", shown) + ".");
        }
        return read;
    }

    private static String describe(IError e) {
        String text = e.getErrorText(Locale.ROOT);
        if (e.hasErrorLocation() && e.getErrorLocation().getLineNumber() > 0) {
            return "line " + e.getErrorLocation().getLineNumber() + ": " + text;
        }
        return text;
    }

    /** The secure pass: refuses DOCTYPE and entities, checks well-formedness, answers whether it is a credit note. */
    private static XMLInputFactory secureStax() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    /**
     * The parser JAXB reads with: namespace aware, no document type declaration, no external entities (the StAX pass
     * refused those already; the parser refuses them again on its own).
     */
    private static XMLReader secureSax() throws ImportFormatException {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException | SAXException e) {
            throw new ImportFormatException("The JVM's XML parser cannot be set up securely: " + e.getMessage(), e);
        }
    }

    private static boolean rootIsCreditNote(XMLInputFactory factory, byte[] xml) throws ImportFormatException {
        Boolean creditNote = null;
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new ImportFormatException("The file has a document type "
                            + "declaration (DOCTYPE)" + at(reader.getLocation()) + "; UBL documents never have one, "
                            + "and it can hide external entities or entity expansion. Refused.");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new ImportFormatException("The file refers to "
                            + "the entity &" + reader.getLocalName() + ";" + at(reader.getLocation())
                            + "; UBL documents use no entities. Refused.");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (creditNote == null) {
                            creditNote = root(reader.getNamespaceURI(), reader.getLocalName());
                        }
                    }
                    default -> {
                        // text, comments and processing instructions need no check
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new ImportFormatException("The file is not well-formed XML or ends early" + at(e.getLocation())
                    + ": " + firstLine(e.getMessage()), e);
        } finally {
            close(reader);
        }
        if (creditNote == null) {
            throw new ImportFormatException("The file holds no XML element.");
        }
        return creditNote;
    }

    private static boolean root(String namespace, String name) throws ImportFormatException {
        if (INVOICE_NS.equals(namespace) && "Invoice".equals(name)) {
            return false;
        }
        if (CREDIT_NOTE_NS.equals(namespace) && "CreditNote".equals(name)) {
            return true;
        }
        throw new ImportFormatException("Not a UBL 2.1 Invoice or CreditNote: the root element is {"
                + (namespace == null ? "" : namespace) + "}" + name + ".");
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // closing a reader over a byte array releases nothing that could fail
            }
        }
    }

    private static String at(Location l) {
        return l == null || l.getLineNumber() < 0 ? "" : " (line " + l.getLineNumber() + ", column "
                + l.getColumnNumber() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String m = message.strip();
        int i = m.lastIndexOf("Message: ");
        if (i >= 0) {
            m = m.substring(i + 9);
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    // ---- from the JAXB classes to the connector's own record

    private static UblDocument invoice(InvoiceType inv) throws ImportFormatException {
        List<UblDocument.Line> lines = new ArrayList<>();
        for (InvoiceLineType l : inv.getInvoiceLine()) {
            lines.add(line(value(l.getID()), l.getInvoicedQuantity(), l.getLineExtensionAmount(), l.getItem(),
                    l.getPrice(), l.getAllowanceCharge()));
        }
        return new UblDocument(false, value(inv.getID()), date(inv.getIssueDate()), date(inv.getDueDate()),
                value(inv.getDocumentCurrencyCode() == null ? null : inv.getDocumentCurrencyCode().getValue()),
                party(inv.getAccountingSupplierParty() == null ? null : inv.getAccountingSupplierParty().getParty()),
                party(inv.getAccountingCustomerParty() == null ? null : inv.getAccountingCustomerParty().getParty()),
                lines, allowanceCharges(inv.getAllowanceCharge()), subtotals(inv.getTaxTotal(), currencyOf(inv)),
                taxTotal(inv.getTaxTotal(), currencyOf(inv)), totals(inv.getLegalMonetaryTotal()),
                billingReference(inv.getBillingReference()), paymentId(inv.getPaymentMeans()),
                payeeAccount(inv.getPaymentMeans()));
    }

    private static UblDocument creditNote(CreditNoteType cn) throws ImportFormatException {
        List<UblDocument.Line> lines = new ArrayList<>();
        for (CreditNoteLineType l : cn.getCreditNoteLine()) {
            lines.add(line(value(l.getID()), l.getCreditedQuantity(), l.getLineExtensionAmount(), l.getItem(),
                    l.getPrice(), l.getAllowanceCharge()));
        }
        String currency = cn.getDocumentCurrencyCode() == null ? null : cn.getDocumentCurrencyCode().getValue();
        LocalDate due = null;
        for (PaymentMeansType pm : cn.getPaymentMeans()) {
            if (due == null && pm.getPaymentDueDate() != null) {
                due = date(pm.getPaymentDueDate());
            }
        }
        return new UblDocument(true, value(cn.getID()), date(cn.getIssueDate()), due, value(currency),
                party(cn.getAccountingSupplierParty() == null ? null : cn.getAccountingSupplierParty().getParty()),
                party(cn.getAccountingCustomerParty() == null ? null : cn.getAccountingCustomerParty().getParty()),
                lines, allowanceCharges(cn.getAllowanceCharge()), subtotals(cn.getTaxTotal(), value(currency)),
                taxTotal(cn.getTaxTotal(), value(currency)), totals(cn.getLegalMonetaryTotal()),
                billingReference(cn.getBillingReference()), paymentId(cn.getPaymentMeans()),
                payeeAccount(cn.getPaymentMeans()));
    }

    private static String currencyOf(InvoiceType inv) {
        return inv.getDocumentCurrencyCode() == null ? null : value(inv.getDocumentCurrencyCode().getValue());
    }

    private static UblDocument.Line line(String id, QuantityType quantity, AmountType net, ItemType item,
            PriceType price, List<AllowanceChargeType> lineAllowanceCharges) throws ImportFormatException {
        String where = "Line " + (id == null ? "?" : id);
        String name = item == null ? null : text(item.getName());
        String description = null;
        if (item != null && !item.getDescription().isEmpty()) {
            description = text(item.getDescription().get(0));
        }
        TaxCategoryType category = item == null || item.getClassifiedTaxCategory().isEmpty() ? null
                : item.getClassifiedTaxCategory().get(0);
        BigDecimal allowances = BigDecimal.ZERO;
        BigDecimal charges = BigDecimal.ZERO;
        for (AllowanceChargeType ac : lineAllowanceCharges) {
            BigDecimal amount = amount(ac.getAmount(), where + " allowance/charge amount");
            if (ac.getChargeIndicator() != null && ac.getChargeIndicator().isValue()) {
                charges = charges.add(amount);
            } else {
                allowances = allowances.add(amount);
            }
        }
        return new UblDocument.Line(id, name, description,
                required(quantity == null ? null : quantity.getValue(), where + " quantity"),
                quantity == null ? null : quantity.getUnitCode(),
                price == null ? null : amount(price.getPriceAmount(), where + " price"),
                price == null || price.getBaseQuantity() == null ? null : price.getBaseQuantity().getValue(),
                amount(net, where + " net amount (LineExtensionAmount)"),
                category == null ? null : value(category.getID()),
                category == null || category.getPercent() == null ? null : category.getPercent().getValue(),
                allowances, charges);
    }

    private static List<UblDocument.AllowanceCharge> allowanceCharges(List<AllowanceChargeType> list)
            throws ImportFormatException {
        List<UblDocument.AllowanceCharge> out = new ArrayList<>();
        for (AllowanceChargeType ac : list) {
            boolean charge = ac.getChargeIndicator() != null && ac.getChargeIndicator().isValue();
            String reason = ac.getAllowanceChargeReason().isEmpty() ? null
                    : text(ac.getAllowanceChargeReason().get(0));
            if ((reason == null || reason.isBlank()) && ac.getAllowanceChargeReasonCode() != null) {
                reason = ac.getAllowanceChargeReasonCode().getValue();
            }
            TaxCategoryType category = ac.getTaxCategory().isEmpty() ? null : ac.getTaxCategory().get(0);
            out.add(new UblDocument.AllowanceCharge(charge, reason,
                    amount(ac.getAmount(), "Document level " + (charge ? "charge" : "allowance") + " amount"),
                    category == null ? null : value(category.getID()),
                    category == null || category.getPercent() == null ? null : category.getPercent().getValue()));
        }
        return out;
    }

    /** The VAT breakdown in the document currency (a second TaxTotal may be in the tax currency, BT-111). */
    private static List<UblDocument.TaxSubtotal> subtotals(List<TaxTotalType> totals, String currency)
            throws ImportFormatException {
        List<UblDocument.TaxSubtotal> out = new ArrayList<>();
        for (TaxTotalType t : totals) {
            if (!inCurrency(t.getTaxAmount(), currency)) {
                continue;
            }
            for (TaxSubtotalType s : t.getTaxSubtotal()) {
                TaxCategoryType c = s.getTaxCategory();
                out.add(new UblDocument.TaxSubtotal(c == null ? null : value(c.getID()),
                        c == null || c.getPercent() == null ? null : c.getPercent().getValue(),
                        amount(s.getTaxableAmount(), "VAT breakdown taxable amount"),
                        amount(s.getTaxAmount(), "VAT breakdown tax amount")));
            }
        }
        return out;
    }

    private static BigDecimal taxTotal(List<TaxTotalType> totals, String currency) throws ImportFormatException {
        for (TaxTotalType t : totals) {
            if (inCurrency(t.getTaxAmount(), currency)) {
                return amount(t.getTaxAmount(), "Tax total");
            }
        }
        return null;
    }

    private static boolean inCurrency(AmountType amount, String currency) {
        return amount != null && (amount.getCurrencyID() == null || currency == null
                || amount.getCurrencyID().strip().equalsIgnoreCase(currency));
    }

    private static UblDocument.Totals totals(MonetaryTotalType t) throws ImportFormatException {
        if (t == null) {
            throw new ImportFormatException("The document has no LegalMonetaryTotal (document totals).");
        }
        return new UblDocument.Totals(amount(t.getLineExtensionAmount(), "LineExtensionAmount"),
                amount(t.getTaxExclusiveAmount(), "TaxExclusiveAmount"),
                amount(t.getTaxInclusiveAmount(), "TaxInclusiveAmount"),
                zeroIfAbsent(t.getAllowanceTotalAmount()), zeroIfAbsent(t.getChargeTotalAmount()),
                zeroIfAbsent(t.getPrepaidAmount()), zeroIfAbsent(t.getPayableRoundingAmount()),
                amount(t.getPayableAmount(), "PayableAmount"));
    }

    private static String billingReference(List<BillingReferenceType> refs) {
        for (BillingReferenceType r : refs) {
            if (r.getInvoiceDocumentReference() != null) {
                String id = value(r.getInvoiceDocumentReference().getID());
                if (id != null && !id.isBlank()) {
                    return id;
                }
            }
        }
        return null;
    }

    private static String paymentId(List<PaymentMeansType> means) {
        for (PaymentMeansType pm : means) {
            for (var id : pm.getPaymentID()) {
                String v = value(id);
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
        }
        return null;
    }

    private static String payeeAccount(List<PaymentMeansType> means) {
        for (PaymentMeansType pm : means) {
            if (pm.getPayeeFinancialAccount() != null) {
                String v = value(pm.getPayeeFinancialAccount().getID());
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
        }
        return null;
    }

    /** The ids the partner may be known by: endpoint id and party ids as {@code scheme:value}, and VAT ids. */
    private static UblDocument.Party party(PartyType p) {
        if (p == null) {
            return new UblDocument.Party(null, List.of());
        }
        List<String> ids = new ArrayList<>();
        add(ids, schemed(p.getEndpointID()));
        for (PartyTaxSchemeType tax : p.getPartyTaxScheme()) {
            add(ids, tax.getCompanyID() == null ? null : value(tax.getCompanyID().getValue()));
        }
        for (PartyIdentificationType pid : p.getPartyIdentification()) {
            add(ids, schemed(pid.getID()));
        }
        String name = p.getPartyName().isEmpty() ? null : text(p.getPartyName().get(0).getName());
        if (name == null && !p.getPartyLegalEntity().isEmpty()) {
            name = text(p.getPartyLegalEntity().get(0).getRegistrationName());
        }
        return new UblDocument.Party(name, List.copyOf(ids));
    }

    private static void add(List<String> ids, String id) {
        if (id != null && !id.isBlank() && !ids.contains(id)) {
            ids.add(id);
        }
    }

    /** {@code scheme:value} for an id with a scheme (Peppol participant ids); ids without one are not unique. */
    private static String schemed(IdentifierType id) {
        if (id == null || id.getValue() == null || id.getSchemeID() == null || id.getSchemeID().isBlank()) {
            return null;
        }
        return id.getSchemeID().strip() + ":" + id.getValue().strip();
    }

    private static String value(IdentifierType id) {
        return id == null ? null : value(id.getValue());
    }

    private static String value(String s) {
        return s == null ? null : s.strip();
    }

    private static String text(TextType t) {
        return t == null ? null : value(t.getValue());
    }

    private static String text(oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_21.NameType t) {
        return t == null ? null : value(t.getValue());
    }

    private static LocalDate date(DateType d) {
        return d == null ? null : d.getValueLocal();
    }

    private static BigDecimal amount(AmountType a, String what) throws ImportFormatException {
        return required(a == null ? null : a.getValue(), what);
    }

    private static BigDecimal zeroIfAbsent(AmountType a) {
        return a == null || a.getValue() == null ? BigDecimal.ZERO : a.getValue();
    }

    private static BigDecimal required(BigDecimal v, String what) throws ImportFormatException {
        if (v == null) {
            throw new ImportFormatException(what + " is missing.");
        }
        return v;
    }
}
