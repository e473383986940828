package org.partnerfinance.connector.peppol.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.partnerfinance.connectors.api.ExportFormatException;
import org.partnerfinance.connectors.api.ReceivableExport;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentLine;
import org.partnerfinance.documents.api.TaxTotal;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PostalAddress;

import com.helger.diagnostics.error.IError;
import com.helger.diagnostics.error.list.ErrorList;
import com.helger.ubl21.UBL21Marshaller;

import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BillingReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BranchType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CountryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CreditNoteLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DeliveryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DocumentReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.FinancialAccountType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.LocationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyLegalEntityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyTaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentMeansType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentTermsType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.PaymentIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxExemptionReasonType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;

/**
 * Writes one receivable as a Peppol BIS Billing 3.0 UBL 2.1 Invoice or CreditNote with ph-ubl, validated against the
 * UBL 2.1 schema while it is written (a document the schema refuses is never handed out).
 *
 * <p>The document's figures are written as the documents core rounded them (EN 16931: line net half-even, tax per
 * category and rate), so the totals in the file are the portal's. What Peppol requires and the portal's data may lack
 * (the company's settings, the partner's Peppol id and country, a VAT id where the tax category needs one) is checked
 * first and refused with every missing item named.
 */
final class UblWriter {

    static final String CUSTOMIZATION_ID =
            "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    static final String PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    /** UN/ECE Recommendation 20 "one" (unit): the portal's lines carry no unit of measure. */
    static final String UNIT = "C62";
    /** UNCL 4461 credit transfer. */
    static final String CREDIT_TRANSFER = "30";
    private static final String VAT = "VAT";
    private static final Pattern PEPPOL_ID = Pattern.compile("(\\d{4}):(\\S{1,128})");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** BR-CO-09: a VAT identifier starts with its ISO 3166 country code (EL for Greece). */
    private static final Pattern VAT_ID = Pattern.compile("[A-Z]{2}[0-9A-Za-z+*.]{2,}");
    /** The categories that exempt, shift or zero the VAT and the VATEX code written as their exemption reason. */
    private static final Map<String, String> EXEMPTION_CODES = Map.of("AE", "VATEX-EU-AE", "K",
            "VATEX-EU-IC", "G", "VATEX-EU-G", "O", "VATEX-EU-O");
    private static final int SHOWN_ERRORS = 5;

    /** The company as the seller, from the connector's configuration. */
    record Seller(String name, String vatId, String peppolId, String legalId, String street, String postalCode,
            String city, String country, String iban, String bic) {

        static Seller of(PeppolConfiguration c) {
            return new Seller(strip(c.seller_name()), strip(c.seller_vat_id()), strip(c.seller_peppol_id()),
                    strip(c.seller_legal_id()), strip(c.seller_street()), strip(c.seller_postal_code()),
                    strip(c.seller_city()), strip(c.seller_country()).toUpperCase(Locale.ROOT),
                    strip(c.seller_iban()).replace(" ", "").toUpperCase(Locale.ROOT),
                    strip(c.seller_bic()).toUpperCase(Locale.ROOT));
        }

        /** A company without settings: every export is refused. */
        static final Seller NONE = new Seller("", "", "", "", "", "", "", "", "", "");

        private static String strip(String value) {
            return value == null ? "" : value.strip();
        }

        /** What the export needs and is not configured, as the settings' names; empty when complete. */
        List<String> missing() {
            List<String> m = new ArrayList<>();
            if (name.isEmpty()) {
                m.add("seller.name");
            }
            if (vatId.isEmpty()) {
                m.add("seller.vat.id");
            } else if (!VAT_ID.matcher(vatId).matches()) {
                m.add("seller.vat.id (\"" + vatId + "\" does not start with its country code, e.g. DE123456789)");
            }
            if (peppolId.isEmpty()) {
                m.add("seller.peppol.id");
            } else if (!PEPPOL_ID.matcher(peppolId).matches()) {
                m.add("seller.peppol.id (\"" + peppolId + "\" is not scheme:value, e.g. 0088:5790000435968)");
            } else if (!validGln(peppolId)) {
                m.add("seller.peppol.id (\"" + peppolId + "\" is not a valid GLN: wrong length or check digit)");
            }
            if (country.isEmpty()) {
                m.add("seller.country");
            } else if (!COUNTRY.matcher(country).matches()) {
                m.add("seller.country (\"" + country + "\" is not an ISO 3166-1 alpha-2 code, e.g. DE)");
            }
            return m;
        }
    }

    private final Seller seller;

    UblWriter(Seller seller) {
        this.seller = seller;
    }

    byte[] write(ReceivableExport export) throws ExportFormatException {
        Document d = export.document();
        List<String> missing = seller.missing();
        if (!missing.isEmpty()) {
            throw new ExportFormatException("The company's Peppol settings are not configured: set "
                    + String.join(", ", missing) + " in etc/" + PeppolConnector.PID + ".cfg.");
        }
        Set<String> categories = new LinkedHashSet<>();
        d.taxes().forEach(t -> categories.add(t.category().toUpperCase(Locale.ROOT)));
        d.lines().forEach(l -> categories.add(l.taxCategory().toUpperCase(Locale.ROOT)));
        checkBuyer(export.buyer(), categories);
        if (categories.contains("O") && categories.size() > 1) {
            throw new ExportFormatException("It mixes tax category O (not subject to VAT) with " + categories
                    + "; Peppol BIS (BR-O-11 to BR-O-14) allows O only on a document without other categories.");
        }
        if (d.lines().isEmpty()) {
            throw new ExportFormatException("It has no lines.");
        }
        boolean notSubject = categories.contains("O");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(UblWriter.class.getClassLoader());
        try {
            return d.kind() == DocumentKind.CREDIT_NOTE ? creditNote(export, notSubject)
                    : invoice(export, notSubject);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Peppol needs the buyer's electronic address and country; reverse charge and intra-EU supply its VAT id. */
    private static void checkBuyer(Partner p, Set<String> categories) throws ExportFormatException {
        List<String> missing = new ArrayList<>();
        if (p.peppolId().isBlank()) {
            missing.add("no Peppol id (scheme:value, e.g. 0088:5790000435968)");
        } else if (!PEPPOL_ID.matcher(p.peppolId().strip()).matches()) {
            missing.add("a Peppol id \"" + p.peppolId() + "\" that is not scheme:value (e.g. 0088:5790000435968)");
        } else if (!validGln(p.peppolId().strip())) {
            missing.add("a Peppol id \"" + p.peppolId() + "\" that is not a valid GLN (wrong length or check digit)");
        }
        if (p.address().countryCode().isEmpty()) {
            missing.add("no country in its address");
        } else if (!COUNTRY.matcher(p.address().countryCode()).matches()) {
            missing.add("a country \"" + p.address().countryCode() + "\" that is not an ISO 3166-1 alpha-2 code");
        }
        if (!p.vatId().isBlank() && !VAT_ID.matcher(p.vatId().strip()).matches()) {
            missing.add("a VAT id \"" + p.vatId() + "\" without its country prefix (e.g. SE556677889901)");
        }
        for (String c : List.of("AE", "K")) {
            if (categories.contains(c) && p.vatId().isBlank()) {
                missing.add("no VAT id, which tax category " + c + (c.equals("AE") ? " (reverse charge)"
                        : " (intra-community supply)") + " requires");
            }
        }
        if (!missing.isEmpty()) {
            throw new ExportFormatException("Partner " + p.id() + " (" + p.name() + ") has " + String.join(", ",
                    missing) + " in its master data; Peppol BIS Billing 3.0 requires it.");
        }
    }

    /**
     * Scheme 0088 is a GS1 GLN: 13 digits, the last a mod-10 check digit (PEPPOL-COMMON-R040). Other schemes are
     * taken as they are.
     */
    static boolean validGln(String peppolId) {
        if (!peppolId.startsWith("0088:")) {
            return true;
        }
        String gln = peppolId.substring(5);
        if (!gln.matches("\\d{13}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (gln.charAt(11 - i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10 == gln.charAt(12) - '0';
    }

    private byte[] invoice(ReceivableExport export, boolean notSubject) throws ExportFormatException {
        Document d = export.document();
        String currency = currency(d);
        InvoiceType inv = new InvoiceType();
        inv.setCustomizationID(CUSTOMIZATION_ID);
        inv.setProfileID(PROFILE_ID);
        inv.setID(d.number());
        inv.setIssueDate(d.issueDate());
        if (d.dueDate() != null) {
            inv.setDueDate(d.dueDate());
        }
        inv.setInvoiceTypeCode("380");
        inv.setDocumentCurrencyCode(currency);
        inv.setBuyerReference(export.buyer().id());
        inv.setAccountingSupplierParty(supplier(notSubject));
        inv.setAccountingCustomerParty(customer(export.buyer(), notSubject));
        if (categoriesOf(d).contains("K")) {
            inv.getDelivery().add(delivery(export));
        }
        if (!seller.iban().isEmpty()) {
            inv.getPaymentMeans().add(paymentMeans(d));
        }
        inv.getPaymentTerms().add(terms(d.dueDate() == null ? "Payable on receipt."
                : "Payable by " + d.dueDate() + " quoting " + d.number() + "."));
        inv.getTaxTotal().add(taxTotal(d, currency));
        inv.setLegalMonetaryTotal(totals(d, currency));
        for (DocumentLine l : d.lines()) {
            InvoiceLineType line = new InvoiceLineType();
            Priced p = priced(l);
            line.setID(Integer.toString(l.lineNo()));
            line.setInvoicedQuantity(p.quantity()).setUnitCode(UNIT);
            line.setLineExtensionAmount(l.net().amount()).setCurrencyID(currency);
            line.setItem(item(l));
            line.setPrice(price(p.price(), currency));
            inv.getInvoiceLine().add(line);
        }
        return marshal(inv, UBL21Marshaller.invoice());
    }

    private byte[] creditNote(ReceivableExport export, boolean notSubject) throws ExportFormatException {
        Document d = export.document();
        String currency = currency(d);
        CreditNoteType cn = new CreditNoteType();
        cn.setCustomizationID(CUSTOMIZATION_ID);
        cn.setProfileID(PROFILE_ID);
        cn.setID(d.number());
        cn.setIssueDate(d.issueDate());
        cn.setCreditNoteTypeCode("381");
        cn.setDocumentCurrencyCode(currency);
        cn.setBuyerReference(export.buyer().id());
        if (export.creditedNumber() != null && !export.creditedNumber().isBlank()) {
            BillingReferenceType ref = new BillingReferenceType();
            DocumentReferenceType invoice = new DocumentReferenceType();
            invoice.setID(export.creditedNumber());
            ref.setInvoiceDocumentReference(invoice);
            cn.getBillingReference().add(ref);
        }
        cn.setAccountingSupplierParty(supplier(notSubject));
        cn.setAccountingCustomerParty(customer(export.buyer(), notSubject));
        if (categoriesOf(d).contains("K")) {
            cn.getDelivery().add(delivery(export));
        }
        cn.getPaymentTerms().add(terms(export.creditedNumber() == null || export.creditedNumber().isBlank()
                ? "Credited to the buyer's account; set off against open invoices."
                : "Credits invoice " + export.creditedNumber() + "; set off against open invoices."));
        cn.getTaxTotal().add(taxTotal(d, currency));
        cn.setLegalMonetaryTotal(totals(d, currency));
        for (DocumentLine l : d.lines()) {
            CreditNoteLineType line = new CreditNoteLineType();
            Priced p = priced(l);
            line.setID(Integer.toString(l.lineNo()));
            line.setCreditedQuantity(p.quantity()).setUnitCode(UNIT);
            line.setLineExtensionAmount(l.net().amount()).setCurrencyID(currency);
            line.setItem(item(l));
            line.setPrice(price(p.price(), currency));
            cn.getCreditNoteLine().add(line);
        }
        return marshal(cn, UBL21Marshaller.creditNote());
    }

    private static String currency(Document d) {
        return d.gross().currency().getCurrencyCode();
    }

    private static Set<String> categoriesOf(Document d) {
        Set<String> set = new LinkedHashSet<>();
        d.lines().forEach(l -> set.add(l.taxCategory().toUpperCase(Locale.ROOT)));
        return set;
    }

    /** Quantity and price as Peppol wants them: the item price is never negative (BR-27), the quantity carries it. */
    private record Priced(BigDecimal quantity, BigDecimal price) {
    }

    private static Priced priced(DocumentLine l) {
        return l.unitPrice().signum() < 0 ? new Priced(l.quantity().negate(), l.unitPrice().negate())
                : new Priced(l.quantity(), l.unitPrice());
    }

    private static PriceType price(BigDecimal amount, String currency) {
        PriceType price = new PriceType();
        price.setPriceAmount(amount).setCurrencyID(currency);
        return price;
    }

    private static ItemType item(DocumentLine l) {
        ItemType item = new ItemType();
        String name = l.description() == null || l.description().isBlank() ? "Line " + l.lineNo()
                : l.description().strip();
        item.setName(name);
        item.getClassifiedTaxCategory().add(category(l.taxCategory(), l.taxRate(), false));
        return item;
    }

    private SupplierPartyType supplier(boolean notSubject) {
        PartyType party = new PartyType();
        String[] endpoint = seller.peppolId().split(":", 2);
        party.setEndpointID(endpoint[1]).setSchemeID(endpoint[0]);
        party.setPostalAddress(address(seller.street(), seller.postalCode(), seller.city(), seller.country()));
        if (!notSubject) {
            // BR-O-02: a document not subject to VAT names no VAT identifiers
            party.getPartyTaxScheme().add(taxScheme(seller.vatId()));
        }
        PartyLegalEntityType legal = new PartyLegalEntityType();
        legal.setRegistrationName(seller.name());
        if (!seller.legalId().isEmpty()) {
            legal.setCompanyID(seller.legalId());
        }
        party.getPartyLegalEntity().add(legal);
        SupplierPartyType supplier = new SupplierPartyType();
        supplier.setParty(party);
        return supplier;
    }

    private static CustomerPartyType customer(Partner p, boolean notSubject) {
        PartyType party = new PartyType();
        String[] endpoint = p.peppolId().strip().split(":", 2);
        party.setEndpointID(endpoint[1]).setSchemeID(endpoint[0]);
        PostalAddress a = p.address();
        party.setPostalAddress(address(firstLine(a.street()), a.postalCode(), a.city(), a.countryCode()));
        if (!p.vatId().isBlank() && !notSubject) {
            party.getPartyTaxScheme().add(taxScheme(p.vatId().strip()));
        }
        PartyLegalEntityType legal = new PartyLegalEntityType();
        legal.setRegistrationName(p.name());
        party.getPartyLegalEntity().add(legal);
        CustomerPartyType customer = new CustomerPartyType();
        customer.setParty(party);
        return customer;
    }

    /** The partner's street may span lines; the first is the street line (BT-50), the second the additional one. */
    private static String firstLine(String street) {
        int nl = street.indexOf('\n');
        return nl < 0 ? street : street.substring(0, nl).strip();
    }

    /** An address with only what is known: Peppol refuses empty elements (PEPPOL-EN16931-R008). */
    private static AddressType address(String street, String postalCode, String city, String country) {
        AddressType address = new AddressType();
        if (!street.isBlank()) {
            address.setStreetName(street);
        }
        if (!city.isBlank()) {
            address.setCityName(city);
        }
        if (!postalCode.isBlank()) {
            address.setPostalZone(postalCode);
        }
        CountryType c = new CountryType();
        c.setIdentificationCode(country);
        address.setCountry(c);
        return address;
    }

    private static PartyTaxSchemeType taxScheme(String vatId) {
        PartyTaxSchemeType scheme = new PartyTaxSchemeType();
        scheme.setCompanyID(vatId);
        TaxSchemeType vat = new TaxSchemeType();
        vat.setID(VAT);
        scheme.setTaxScheme(vat);
        return scheme;
    }

    /** Intra-community supply needs the delivery date and country (BR-IC-11, BR-IC-12): the issue date and buyer. */
    private static DeliveryType delivery(ReceivableExport export) {
        DeliveryType delivery = new DeliveryType();
        delivery.setActualDeliveryDate(export.document().issueDate());
        LocationType location = new LocationType();
        location.setAddress(address("", "", "", export.buyer().address().countryCode()));
        delivery.setDeliveryLocation(location);
        return delivery;
    }

    private PaymentMeansType paymentMeans(Document d) {
        PaymentMeansType means = new PaymentMeansType();
        means.setPaymentMeansCode(CREDIT_TRANSFER);
        means.getPaymentID().add(new PaymentIDType(d.number()));
        FinancialAccountType account = new FinancialAccountType();
        account.setID(seller.iban());
        account.setName(seller.name());
        if (!seller.bic().isEmpty()) {
            BranchType branch = new BranchType();
            branch.setID(seller.bic());
            account.setFinancialInstitutionBranch(branch);
        }
        means.setPayeeFinancialAccount(account);
        return means;
    }

    private static PaymentTermsType terms(String text) {
        PaymentTermsType terms = new PaymentTermsType();
        terms.getNote().add(new NoteType(text));
        return terms;
    }

    /** One tax total in the document currency with one subtotal per category and rate (BG-23). */
    private static TaxTotalType taxTotal(Document d, String currency) {
        TaxTotalType total = new TaxTotalType();
        total.setTaxAmount(d.tax().amount()).setCurrencyID(currency);
        for (TaxTotal t : d.taxes()) {
            TaxSubtotalType sub = new TaxSubtotalType();
            sub.setTaxableAmount(t.taxable().amount()).setCurrencyID(currency);
            sub.setTaxAmount(t.tax().amount()).setCurrencyID(currency);
            sub.setTaxCategory(category(t.category(), t.rate(), true));
            total.getTaxSubtotal().add(sub);
        }
        return total;
    }

    /**
     * A VAT category (UNCL 5305) with its rate; O (not subject) has none (BR-O-05). In the breakdown, the categories
     * that exempt or shift the VAT carry an exemption reason (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10).
     */
    private static TaxCategoryType category(String code, BigDecimal rate, boolean breakdown) {
        String id = code.strip().toUpperCase(Locale.ROOT);
        TaxCategoryType category = new TaxCategoryType();
        category.setID(id);
        if (!id.equals("O")) {
            category.setPercent(rate == null ? BigDecimal.ZERO : rate.stripTrailingZeros().scale() < 0
                    ? rate.setScale(0) : rate.stripTrailingZeros());
        }
        if (breakdown) {
            if (EXEMPTION_CODES.containsKey(id)) {
                category.setTaxExemptionReasonCode(EXEMPTION_CODES.get(id));
            } else if (id.equals("E")) {
                category.getTaxExemptionReason().add(new TaxExemptionReasonType("Exempt from VAT"));
            }
        }
        TaxSchemeType vat = new TaxSchemeType();
        vat.setID(VAT);
        category.setTaxScheme(vat);
        return category;
    }

    /** The document totals (BG-22): the portal's net, tax and gross; nothing prepaid, no rounding amount. */
    private static MonetaryTotalType totals(Document d, String currency) {
        MonetaryTotalType totals = new MonetaryTotalType();
        totals.setLineExtensionAmount(d.net().amount()).setCurrencyID(currency);
        totals.setTaxExclusiveAmount(d.net().amount()).setCurrencyID(currency);
        totals.setTaxInclusiveAmount(d.gross().amount()).setCurrencyID(currency);
        totals.setPayableAmount(d.gross().amount()).setCurrencyID(currency);
        return totals;
    }

    /** Writes with the UBL 2.1 schema switched on: what the schema refuses is refused, naming the first problems. */
    static <T> byte[] marshal(T document, UBL21Marshaller.UBL21JAXBMarshaller<T> marshaller)
            throws ExportFormatException {
        ErrorList errors = new ErrorList();
        List<Exception> failures = new ArrayList<>();
        marshaller.setUseSchema(true);
        marshaller.setCollectErrors(errors);
        marshaller.setFormattedOutput(true);
        marshaller.writeExceptionCallbacks().set(failures::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean written = marshaller.write(document, out).isSuccess();
        if (!written || errors.containsAtLeastOneError()) {
            List<String> shown = new ArrayList<>();
            for (IError e : errors) {
                if (e.isError() && shown.size() < SHOWN_ERRORS) {
                    shown.add(e.getErrorText(Locale.ROOT));
                }
            }
            if (shown.isEmpty() && !failures.isEmpty()) {
                Throwable root = failures.get(0);
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                shown.add(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
            }
            throw new ExportFormatException("The UBL 2.1 schema refuses the written document: "
                    + String.join("; ", shown) + ".");
        }
        return out.toByteArray();
    }
}
