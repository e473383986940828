package org.partnerfinance.demo.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partnerfinance.partner.api.BankAccount;
import org.partnerfinance.partner.api.DunningContact;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PostalAddress;

/**
 * The partner organisations of the demo's finance history: master data as finance would keep it, and how each partner
 * behaves (how much it buys, how it pays). P-1001 and P-1002 are the partners the demo users belong to; their names,
 * kinds and currencies are those of {@link DemoPlan#PARTNERS} (README and tests rely on them).
 */
final class DemoPartners {

    /** How a partner pays its receivable invoices. */
    enum Payer {
        /** Pays in full around the due date. */
        PUNCTUAL,
        /** Pays in full, 10 to 60 days late. */
        LATE,
        /** Pays about two thirds at the due date and the rest weeks later. */
        PARTIAL,
        /** Pays late and has stopped paying its recent invoices: the 90+ day buckets. */
        DELINQUENT,
        /** Collected by direct debit on the due date; future collections are scheduled. */
        DIRECT_DEBIT
    }

    /**
     * One demo partner.
     *
     * @param sales    receivable invoices per year (0 = none: a pure vendor); the year before is half as busy
     * @param purchase payable invoices per year (what the partner invoices the company: services, co-marketing)
     * @param domestic whether the partner is in Germany, the company's country (standard VAT, else reverse charge or
     *                 export)
     * @param eu       whether the partner is in the EU (intra-community supplies and reverse charge)
     */
    record Profile(String id, String name, PartnerKind kind, String currency, Set<String> allowed, String vatId,
            String peppolId, PostalAddress address, int termsDays, DunningContact contact, int sales, int purchase,
            Payer payer, boolean domestic, boolean eu) {
    }

    private static PostalAddress at(String street, String postalCode, String city, String country) {
        return new PostalAddress(street, postalCode, city, country);
    }

    private static DunningContact contact(String name, String email, String phone) {
        return new DunningContact(name, email, phone);
    }

    /**
     * The accounts the demo partners are paid to: made-up account numbers with correct IBAN check digits (ISO 13616),
     * so that payment orders (pain.001) can be created in the demo. The partners outside the IBAN countries (US, CA)
     * and the British ones have none on file, as happens: an export that includes them is refused, naming them.
     */
    static final Map<String, BankAccount> ACCOUNTS = Map.ofEntries(
            Map.entry("P-1001", new BankAccount("DE07200505503562301238", "HASPDEHHXXX", "")),
            Map.entry("P-1003", new BankAccount("AT852011136077767936", "GIBAATWWXXX", "")),
            Map.entry("P-1004", new BankAccount("NL14RABO0173048676", "RABONL2U", "")),
            Map.entry("P-1005", new BankAccount("FR8530004141169610531783929", "BNPAFRPPXXX", "")),
            Map.entry("P-1006", new BankAccount("DK0530001807329797", "DABADKKK", "")),
            Map.entry("P-1007", new BankAccount("ES9021004856229185578934", "CAIXESBBXXX", "")),
            Map.entry("P-1008", new BankAccount("IT33X0306911258481883530453", "", "")),
            Map.entry("P-1009", new BankAccount("DE05240700754064646261", "", "Hanse Datentechnik GmbH Zahlungen")),
            Map.entry("P-1010", new BankAccount("LT527300020324106529", "HABALT22", "")),
            Map.entry("P-1011", new BankAccount("CZ0208006326976619141011", "GIBACZPX", "")));

    static final List<Profile> ALL = List.of(
            new Profile("P-1001", "Northwind Distribution", PartnerKind.DISTRIBUTOR, "EUR",
                    Set.of("USD", "GBP", "CHF", "SEK"), "DE811907980", "9930:DE811907980",
                    at("Hafenstrasse 12", "20457", "Hamburg", "DE"), 30,
                    contact("Accounts payable", "ap@northwind.example", "+49 40 5550 1200"), 24, 2, Payer.PUNCTUAL,
                    true, true),
            new Profile("P-1002", "Contoso Resellers", PartnerKind.RESELLER, "USD", Set.of("EUR", "NOK"), "",
                    "0060:081466849", at("1 Microsoft Way", "98052", "Redmond", "US"), 45,
                    contact("Carlos Reyes", "payables@contoso.example", "+1 425 555 0142"), 12, 2, Payer.LATE,
                    false, false),
            new Profile("P-1003", "Alpenblick Systemhaus GmbH", PartnerKind.RESELLER, "EUR", Set.of(),
                    "ATU57477929", "9915:ATU57477929", at("Mariahilfer Strasse 88", "1070", "Wien", "AT"), 30,
                    contact("Buchhaltung", "buchhaltung@alpenblick.example", "+43 1 555 3410"), 12, 0,
                    Payer.DIRECT_DEBIT, false, true),
            new Profile("P-1004", "Brabant IT Solutions B.V.", PartnerKind.RESELLER, "EUR", Set.of("USD"),
                    "NL859234875B01", "0106:34172611", at("Stationsplein 45", "5611 AB", "Eindhoven", "NL"), 30,
                    contact("Crediteurenadministratie", "crediteuren@brabant-it.example", "+31 40 555 7788"), 12, 2,
                    Payer.PARTIAL, false, true),
            new Profile("P-1005", "Lumière Distribution SAS", PartnerKind.DISTRIBUTOR, "EUR", Set.of(),
                    "FR40303265045", "0009:30326504500036", at("27 rue de la République", "69002", "Lyon", "FR"), 45,
                    contact("Service comptabilité fournisseurs", "fournisseurs@lumiere-distribution.example",
                            "+33 4 72 55 50 19"), 18, 2, Payer.PUNCTUAL, false, true),
            new Profile("P-1006", "Nordlys Teknik A/S", PartnerKind.RESELLER, "EUR", Set.of(), "DK29403473",
                    "0184:29403473", at("Vesterbrogade 149", "1620", "København V", "DK"), 30,
                    contact("Kreditorbogholderi", "kreditor@nordlys.example", "+45 33 55 12 90"), 6, 0,
                    Payer.PUNCTUAL, false, true),
            new Profile("P-1007", "Iberia Redes S.L.", PartnerKind.RESELLER, "EUR", Set.of(), "ESB86561412",
                    "9920:ESB86561412", at("Calle de Alcalá 120", "28009", "Madrid", "ES"), 60,
                    contact("Departamento de pagos", "pagos@iberiaredes.example", "+34 91 555 2043"), 12, 0,
                    Payer.DELINQUENT, false, true),
            new Profile("P-1008", "Dolomiti Informatica S.r.l.", PartnerKind.RESELLER, "EUR", Set.of(),
                    "IT02476180215", "0211:IT02476180215", at("Via Museo 31", "39100", "Bolzano", "IT"), 60,
                    contact("Ufficio amministrazione", "amministrazione@dolomiti-informatica.example",
                            "+39 0471 555 820"), 6, 2, Payer.LATE, false, true),
            new Profile("P-1009", "Hanse Datentechnik GmbH", PartnerKind.VENDOR, "EUR", Set.of(), "DE264548730",
                    "9930:DE264548730", at("Am Sande 3", "21335", "Lüneburg", "DE"), 14,
                    contact("Debitorenbuchhaltung", "debitoren@hanse-datentechnik.example", "+49 4131 555 660"), 0, 6,
                    Payer.PUNCTUAL, true, true),
            new Profile("P-1010", "Baltic Cloud Partners UAB", PartnerKind.RESELLER, "EUR", Set.of("USD"),
                    "LT100006688411", "0200:304567890", at("Gedimino pr. 20", "01103", "Vilnius", "LT"), 30,
                    contact("Finance team", "finance@balticcloud.example", "+370 5 255 5012"), 6, 0, Payer.PARTIAL,
                    false, true),
            new Profile("P-1011", "Vltava Software s.r.o.", PartnerKind.RESELLER, "EUR", Set.of(), "CZ27082440",
                    "9929:CZ27082440", at("Na Poříčí 1047/26", "110 00", "Praha 1", "CZ"), 30,
                    contact("Účtárna", "uctarna@vltava-software.example", "+420 222 555 301"), 6, 0, Payer.PUNCTUAL,
                    false, true),
            new Profile("P-1012", "Lakeshore Tech Supply Inc.", PartnerKind.DISTRIBUTOR, "USD", Set.of(), "",
                    "0060:196547832", at("233 S Wacker Dr", "60606", "Chicago", "US"), 30,
                    contact("Accounts Payable", "ap@lakeshoretech.example", "+1 312 555 0187"), 18, 2, Payer.PUNCTUAL,
                    false, false),
            new Profile("P-1013", "Cascade Channel Partners LLC", PartnerKind.RESELLER, "USD", Set.of(), "",
                    "0060:079221145", at("1201 3rd Ave", "98101", "Seattle", "US"), 30,
                    contact("Jenna Morales", "billing@cascadechannel.example", "+1 206 555 0133"), 12, 0,
                    Payer.DELINQUENT, false, false),
            new Profile("P-1014", "Maple Leaf Systems Ltd.", PartnerKind.RESELLER, "USD", Set.of(), "",
                    "0060:248771903", at("100 King St W", "M5X 1A9", "Toronto", "CA"), 45,
                    contact("Accounts Payable", "ap@mapleleafsystems.example", "+1 416 555 0161"), 6, 0, Payer.LATE,
                    false, false),
            new Profile("P-1015", "Gulf Coast Networks Inc.", PartnerKind.VENDOR, "USD", Set.of(), "",
                    "0060:616312488", at("700 Louisiana St", "77002", "Houston", "US"), 30,
                    contact("Receivables", "receivables@gulfcoastnetworks.example", "+1 713 555 0108"), 0, 6,
                    Payer.PUNCTUAL, false, false),
            new Profile("P-1016", "Andes Digital S.A.", PartnerKind.DISTRIBUTOR, "USD", Set.of(), "",
                    "0060:968412055", at("Av. Apoquindo 3000", "7550000", "Santiago", "CL"), 60,
                    contact("Tesorería", "tesoreria@andesdigital.example", "+56 2 2555 4400"), 6, 0, Payer.PARTIAL,
                    false, false),
            new Profile("P-1017", "Thames Valley Computing Ltd", PartnerKind.DISTRIBUTOR, "GBP", Set.of("EUR"),
                    "GB220430231", "9932:GB220430231", at("Kings Road 40", "RG1 3AA", "Reading", "GB"), 30,
                    contact("Purchase ledger", "purchaseledger@thamesvalley.example", "+44 118 555 0190"), 12, 2,
                    Payer.PUNCTUAL, false, false),
            new Profile("P-1018", "Pennine Data Services Ltd", PartnerKind.RESELLER, "GBP", Set.of(), "GB654321987",
                    "9932:GB654321987", at("12 Wellington Street", "LS1 4LT", "Leeds", "GB"), 30,
                    contact("Accounts", "accounts@penninedata.example", "+44 113 555 0122"), 6, 0, Payer.LATE, false,
                    false),
            new Profile("P-1019", "Clyde Systems Ltd", PartnerKind.RESELLER, "GBP", Set.of(), "GB198765432",
                    "9932:GB198765432", at("150 St Vincent Street", "G2 5NE", "Glasgow", "GB"), 30,
                    contact("Finance", "finance@clydesystems.example", "+44 141 555 0176"), 6, 0, Payer.DIRECT_DEBIT,
                    false, false),
            new Profile("P-1020", "Severn Office Supplies Ltd", PartnerKind.VENDOR, "GBP", Set.of(), "GB302918476",
                    "9932:GB302918476", at("Unit 4, Riverside Park", "GL2 5RP", "Gloucester", "GB"), 30,
                    contact("Credit control", "creditcontrol@severnoffice.example", "+44 1452 555 014"), 0, 4,
                    Payer.PUNCTUAL, false, false));

    private DemoPartners() {
    }
}
