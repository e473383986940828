package org.partnerfinance.partner.ui.internal;

import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.partnerfinance.partner.api.BankAccount;
import org.partnerfinance.partner.api.DunningContact;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PartnerValidationException;
import org.partnerfinance.partner.api.PostalAddress;

/**
 * What the partner form holds, as the user typed it, and its mapping to and from the partner service's types. Kept
 * free of Vaadin so that the mapping is tested on its own; the editor only copies field values in and out.
 *
 * <p>Only what cannot be expressed in {@link PartnerDetails} is checked here (a currency code that is no currency,
 * missing payment terms); everything else is the service's to judge, so the screen never disagrees with the REST API.
 */
final class PartnerForm {

    /** Form field keys; a service error's field is mapped onto one of them by {@link #fieldOf(String)}. */
    static final String ID = "id";
    static final String NAME = "name";
    static final String KIND = "kind";
    static final String DEFAULT_CURRENCY = "defaultCurrency";
    static final String ALLOWED_CURRENCIES = "allowedCurrencies";
    static final String VAT_ID = "vatId";
    static final String PEPPOL_ID = "peppolId";
    static final String STREET = "address.street";
    static final String POSTAL_CODE = "address.postalCode";
    static final String CITY = "address.city";
    static final String COUNTRY = "address.countryCode";
    static final String TERMS = "paymentTermsDays";
    static final String DUNNING_NAME = "dunningContact.name";
    static final String DUNNING_EMAIL = "dunningContact.email";
    static final String DUNNING_PHONE = "dunningContact.phone";
    static final String ACTIVE = "active";
    static final String IBAN = "bankAccount.iban";
    static final String BIC = "bankAccount.bic";
    static final String HOLDER = "bankAccount.holder";

    static final List<String> FIELDS = List.of(ID, NAME, KIND, DEFAULT_CURRENCY, ALLOWED_CURRENCIES, VAT_ID, PEPPOL_ID,
            STREET, POSTAL_CODE, CITY, COUNTRY, TERMS, DUNNING_NAME, DUNNING_EMAIL, DUNNING_PHONE, ACTIVE, IBAN, BIC,
            HOLDER);

    String id = "";
    String name = "";
    PartnerKind kind;
    String defaultCurrency = "";
    Set<String> allowedCurrencies = new TreeSet<>();
    String vatId = "";
    String peppolId = "";
    String street = "";
    String postalCode = "";
    String city = "";
    String countryCode = "";
    Integer paymentTermsDays = Partner.DEFAULT_PAYMENT_TERMS_DAYS;
    String dunningName = "";
    String dunningEmail = "";
    String dunningPhone = "";
    boolean active = true;
    String iban = "";
    String bic = "";
    String accountHolder = "";
    /** Version of the partner the form was loaded from; {@code -1} for a new partner. */
    long version = -1;

    /** An empty form for a new partner: active, the usual payment terms, nothing else chosen. */
    static PartnerForm blank() {
        return new PartnerForm();
    }

    /** The form showing an existing partner. */
    static PartnerForm of(Partner p) {
        PartnerForm f = new PartnerForm();
        f.id = p.id();
        f.name = p.name();
        f.kind = p.kind();
        f.defaultCurrency = p.defaultCurrency().getCurrencyCode();
        f.allowedCurrencies = codes(p.allowedCurrencies());
        f.vatId = p.vatId();
        f.peppolId = p.peppolId();
        f.street = p.address().street();
        f.postalCode = p.address().postalCode();
        f.city = p.address().city();
        f.countryCode = p.address().countryCode();
        f.paymentTermsDays = p.paymentTermsDays();
        f.dunningName = p.dunningContact().name();
        f.dunningEmail = p.dunningContact().email();
        f.dunningPhone = p.dunningContact().phone();
        f.active = p.active();
        f.iban = p.bankAccount().iban();
        f.bic = p.bankAccount().bic();
        f.accountHolder = p.bankAccount().holder();
        f.version = p.version();
        return f;
    }

    /** Whether the form edits a stored partner (update) rather than a new one (create). */
    boolean existing() {
        return version >= 0;
    }

    /** The id as the service expects it: trimmed, upper case ({@code p-1001} is meant as {@code P-1001}). */
    String normalisedId() {
        return id == null ? "" : id.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The master data to save. The default currency is always among the allowed ones (the service adds it too; adding
     * it here keeps the form and the result alike).
     *
     * @throws PartnerValidationException naming the form field for a currency code that is not ISO 4217 or missing
     *                                    payment terms
     */
    PartnerDetails toDetails() {
        Currency currency = defaultCurrency == null || defaultCurrency.isBlank() ? null
                : currency(DEFAULT_CURRENCY, defaultCurrency);
        Set<Currency> allowed = new LinkedHashSet<>();
        if (currency != null) {
            allowed.add(currency);
        }
        for (String code : allowedCurrencies == null ? Set.<String>of() : allowedCurrencies) {
            allowed.add(currency(ALLOWED_CURRENCIES, code));
        }
        if (paymentTermsDays == null) {
            throw new PartnerValidationException(TERMS, "Enter the payment terms in days (0 to 365).");
        }
        return new PartnerDetails(name, kind, currency, allowed, vatId, peppolId,
                new PostalAddress(street, postalCode, city, countryCode), paymentTermsDays,
                new DunningContact(dunningName, dunningEmail, dunningPhone), active,
                new BankAccount(iban, bic, accountHolder));
    }

    /**
     * The form field at fault for a field named by the partner service ({@link PartnerValidationException#field()}):
     * its names are those of {@link PartnerDetails}; where it names a group ({@code address}, {@code dunningContact}),
     * the group's first field shows the message. Unknown names give {@code null}: the message is shown above the form.
     */
    static String fieldOf(String serviceField) {
        if (serviceField == null) {
            return null;
        }
        if (FIELDS.contains(serviceField)) {
            return serviceField;
        }
        return switch (serviceField) {
            case "address" -> STREET;
            case "dunningContact" -> DUNNING_NAME;
            case "bankAccount" -> IBAN;
            case "currency", "currencies" -> ALLOWED_CURRENCIES;
            default -> null;
        };
    }

    /** Currency codes, sorted, e.g. {@code [EUR, USD]}. */
    static Set<String> codes(Set<Currency> currencies) {
        Set<String> codes = new TreeSet<>();
        currencies.stream().map(Currency::getCurrencyCode).forEach(codes::add);
        return codes;
    }

    /** Every ISO 4217 currency code the JVM knows, sorted, to choose from. */
    static List<String> currencyChoices() {
        return Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode)
                .sorted(Comparator.naturalOrder()).toList();
    }

    private static Currency currency(String field, String code) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        try {
            if (!c.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException(c);
            }
            return Currency.getInstance(c);
        } catch (IllegalArgumentException e) {
            throw new PartnerValidationException(field, code + " is not an ISO 4217 currency code, e.g. EUR.");
        }
    }

    /** A grid cell: the payment terms, e.g. {@code 30 days}. */
    static String terms(Partner p) {
        return p.paymentTermsDays() == 1 ? "1 day" : p.paymentTermsDays() + " days";
    }

    /** A grid cell: the partner kind as a word, e.g. {@code Distributor}. */
    static String kindLabel(PartnerKind kind) {
        if (kind == null) {
            return "";
        }
        String name = kind.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
